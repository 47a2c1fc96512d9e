import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(__dirname, '../..');

/** Builds an app module as `npm start` does (esbuild, npm packages left to require), loads it in a plain Node process and lists the npm packages it pulled in. */
async function packagesLoadedBy(entry: string): Promise<string[]> {
  // Inside the repository, as dist/ is: the app finds its shipped files from its package.json.
  mkdirSync(path.join(root, 'dist'), { recursive: true });
  const dir = mkdtempSync(path.join(root, 'dist', 'sdk-test-'));
  try {
    const outfile = path.join(dir, 'entry.js');
    await build({
      absWorkingDir: root,
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      packages: 'external',
      logLevel: 'error',
    });
    const script = `
      require(${JSON.stringify(outfile)});
      const names = Object.keys(require.cache).map((f) => (f.match(/node_modules\\/((?:@[^/]+\\/)?[^/]+)/) || [])[1]).filter(Boolean);
      process.stdout.write(JSON.stringify([...new Set(names)]));`;
    const env = { ...process.env, NODE_OPTIONS: '' };
    return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: root, env, encoding: 'utf8' })) as string[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('dialogs/sdk', () => {
  it("loading the whole app leaves out the prompts' text recognizers", async () => {
    const loaded = await packagesLoadedBy('bot/server.ts');
    expect(loaded).toContain('botbuilder-dialogs');
    // (adaptive-expressions, under the card templates, brings its own small timex module; that one stays.)
    const prompts = ['suite', 'date-time', 'number', 'number-with-unit', 'choice', 'sequence'].map(
      (s) => `@microsoft/recognizers-text-${s}`,
    );
    expect(loaded.filter((name) => prompts.includes(name))).toEqual([]);
  });
});

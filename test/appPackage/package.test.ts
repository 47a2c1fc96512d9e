import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { encodePng } from '../../scripts/make-icons';
import { buildPackage, PackageError, validateManifest } from '../../scripts/package-teams';
import { appPackageDir, copyAppPackageSources, makeTempDir, repoRoot, sampleValues } from './helpers/appPackage';

const script = join(repoRoot, 'scripts', 'package-teams.ts');

/** Runs the CLI with only PATH/HOME from our environment plus `env`, writing into `outDir`. */
function runCli(env: Record<string, string>, outDir: string) {
  const { PATH, HOME, TMPDIR } = process.env;
  const base = Object.fromEntries(Object.entries({ PATH, HOME, TMPDIR }).filter((e): e is [string, string] => e[1] !== undefined));
  // tsx as a loader in one process (its CLI would start a second Node process to run the script in).
  return spawnSync(process.execPath, ['--import', 'tsx', script, outDir], {
    cwd: repoRoot,
    env: { ...base, ...env },
    encoding: 'utf8',
    timeout: 30000,
  });
}

describe('buildPackage', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir('apppkg');
  });
  afterEach(() => temp.cleanup());

  it('writes a zip with the four files at its root and the given ids and host in its manifest', async () => {
    const { zipPath } = await buildPackage(sampleValues, { sourceDir: appPackageDir, outDir: temp.dir, name: 'pseb-assist' });

    expect(zipPath).toBe(join(temp.dir, 'pseb-assist.zip'));
    const zip = await JSZip.loadAsync(readFileSync(zipPath));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png', 'ur.json']);

    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(validateManifest(manifest)).toEqual([]);
    expect(manifest.id).toBe(sampleValues.TEAMS_APP_ID);
    expect(manifest.bots[0].botId).toBe(sampleValues.MICROSOFT_APP_ID);
    expect(manifest.webApplicationInfo.resource).toBe(`api://${sampleValues.BOT_DOMAIN}/${sampleValues.MICROSOFT_APP_ID}`);
    expect(manifest.validDomains).toEqual([sampleValues.BOT_DOMAIN]);

    const icon = await zip.file('color.png')!.async('nodebuffer');
    expect(icon.equals(readFileSync(join(appPackageDir, 'color.png')))).toBe(true);
  });

  it('refuses to package an outline icon of the wrong size, and writes no zip', async () => {
    const source = join(temp.dir, 'src');
    copyAppPackageSources(source);
    writeFileSync(join(source, 'outline.png'), encodePng({ width: 64, height: 64, channels: 4, pixels: new Uint8Array(64 * 64 * 4) }));
    const out = join(temp.dir, 'out');

    const attempt = buildPackage(sampleValues, { sourceDir: source, outDir: out, name: 'pseb-assist' });
    await expect(attempt).rejects.toThrow(PackageError);
    await expect(attempt).rejects.toMatchObject({ problems: ['outline.png is 64×64; the outline icon must be 32×32'] });
    expect(existsSync(join(out, 'pseb-assist.zip'))).toBe(false);
  });

  it('refuses an invalid manifest and lists the schema problems', async () => {
    const attempt = buildPackage({ ...sampleValues, TEAMS_APP_ID: 'pseb' }, { sourceDir: appPackageDir, outDir: temp.dir, name: 'x' });
    await expect(attempt).rejects.toMatchObject({ problems: [expect.stringContaining('manifest.json: id must match pattern')] });
  });

  it('names a localization file the manifest declares but the folder lacks', async () => {
    const source = join(temp.dir, 'src');
    copyAppPackageSources(source);
    const manifest = JSON.parse(readFileSync(join(source, 'manifest.json'), 'utf8'));
    manifest.localizationInfo.additionalLanguages.push({ languageTag: 'pa', file: 'pa.json' });
    writeFileSync(join(source, 'manifest.json'), JSON.stringify(manifest));

    await expect(buildPackage(sampleValues, { sourceDir: source, outDir: temp.dir, name: 'x' })).rejects.toMatchObject({
      problems: [`pa.json is named in manifest.json but missing from ${source}`],
    });
  });
});

describe('package-teams CLI', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir('cli');
  });
  afterEach(() => temp.cleanup());

  it('exits 1 and names the missing variables when MicrosoftAppId and BOT_PUBLIC_HOST are unset', () => {
    const result = runCli({}, temp.dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('MicrosoftAppId is missing');
    expect(result.stderr).toContain('BOT_PUBLIC_HOST is missing');
    expect(existsSync(join(temp.dir, 'pseb-assist.zip'))).toBe(false);
  });

  it('exits 1 naming BOT_PUBLIC_HOST when only it is missing', () => {
    const result = runCli({ MicrosoftAppId: sampleValues.MICROSOFT_APP_ID }, temp.dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('BOT_PUBLIC_HOST is missing');
    expect(result.stderr).not.toContain('MicrosoftAppId');
  });

  it('writes <package name>.zip to the given folder, versioned from package.json by default', async () => {
    const result = runCli({ MicrosoftAppId: sampleValues.MICROSOFT_APP_ID, BOT_PUBLIC_HOST: sampleValues.BOT_DOMAIN }, temp.dir);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);

    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    const zip = await JSZip.loadAsync(readFileSync(join(temp.dir, `${pkg.name}.zip`)));
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest).toMatchObject({ id: sampleValues.MICROSOFT_APP_ID, version: pkg.version });
  });
});

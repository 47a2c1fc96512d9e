/**
 * The project modules the test runtime loads once per worker (sharedModulesRuntime.js) must stay pure: if one of them
 * imported a module with state (Prisma, i18next, the logger) or the SDK, test files would share that state unseen.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the runtime is CommonJS, loaded by jest's config.
const { SHARED_PROJECT_MODULES } = require('./sharedModulesRuntime') as { SHARED_PROJECT_MODULES: string[] };

const root = path.resolve(__dirname, '../..');

/** Every module specifier a TypeScript file imports, statically or dynamically. */
function importsOf(file: string): string[] {
  const source = readFileSync(path.join(root, file), 'utf8');
  return [...source.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^import\s+)'([^']+)'/gm)].map((m) => m[1] as string);
}

describe('project modules shared by the test runtime', () => {
  it('import nothing but each other, Node built-ins and JSON data beside them', () => {
    const shared = new Set(SHARED_PROJECT_MODULES);
    const outside = SHARED_PROJECT_MODULES.flatMap((file) =>
      importsOf(file)
        // Built-ins, and data files (the out-of-scope examples), which hold no state.
        .filter((specifier) => !specifier.startsWith('node:') && !(specifier.startsWith('./') && specifier.endsWith('.json')))
        .map((specifier) => ({ file, specifier, resolved: path.join(path.dirname(file), `${specifier}.ts`) }))
        .filter(({ specifier, resolved }) => !specifier.startsWith('.') || !shared.has(resolved)),
    );
    expect(outside).toEqual([]);
  });

  it('sees an import from outside the list (the check can fail)', () => {
    expect(importsOf('bot/faq/faqService.ts')).toEqual(expect.arrayContaining(['../../generated/prisma/client', './engine']));
  });
});

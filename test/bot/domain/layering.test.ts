import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const domainDir = path.resolve(__dirname, '../../../bot/domain');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

/** Every module specifier a file imports (static, dynamic and require). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|import\(\s*|require\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

describe('the domain layer', () => {
  const files = sourceFiles(domainDir);

  it('has modules to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files.map((f) => [path.relative(domainDir, f), f]))('%s imports no chat SDK, card or dialog', (_name, file) => {
    const forbidden = importsOf(file).filter(
      (spec) =>
        /^(botbuilder|botframework-|restify|adaptivecards)/.test(spec) ||
        (spec.startsWith('.') && /(^|\/)(dialogs|cards)(\/|$)/.test(path.relative(domainDir, path.resolve(path.dirname(file), spec)))),
    );
    expect(forbidden).toEqual([]);
  });

  it('would notice a forbidden import', () => {
    const probe = "import { TurnContext } from 'botbuilder';\nimport { x } from '../../cards/verbs';";
    const specs = [...probe.matchAll(/(?:from\s+)['"]([^'"]+)['"]/g)].map((m) => m[1]);
    expect(specs.filter((s) => /^botbuilder/.test(s) || /cards/.test(s))).toHaveLength(2);
  });
});

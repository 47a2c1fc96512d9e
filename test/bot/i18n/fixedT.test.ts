/** The per-language fixed `t` the bot uses every turn: same answers as i18next's own, built once, never stale. */
import { createI18n, fixedT, readLocaleResources, uiLanguages } from '../../../bot/i18n';

/** Every `ns:key` leaf of the English resources. */
function keysOf(resources: Record<string, unknown>): string[] {
  const keys: string[] = [];
  const walk = (node: unknown, path: string) => {
    if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
      for (const [k, v] of Object.entries(node)) walk(v, path.endsWith(':') ? `${path}${k}` : `${path}.${k}`);
    } else keys.push(path);
  };
  for (const [ns, tree] of Object.entries(resources)) walk(tree, `${ns}:`);
  return keys;
}

describe('fixedT', () => {
  const i18n = createI18n();
  const keys = keysOf(readLocaleResources().en);

  it.each(uiLanguages)('answers every string in %s as i18next does, asked once or twice', (lang) => {
    const ours = fixedT(i18n, lang);
    const theirs = i18n.getFixedT(lang);
    for (const key of keys) {
      expect(ours(key)).toBe(theirs(key));
      expect(ours(key)).toBe(theirs(key));
    }
  });

  it('interpolates and counts as i18next does', () => {
    const t = fixedT(i18n, 'ur');
    expect(t('common:errors.tooLong', { length: 5000, max: 4000 })).toBe(
      i18n.getFixedT('ur')('common:errors.tooLong', { length: 5000, max: 4000 }),
    );
    expect(t('common:errors.tooLong', { length: 5000, max: 4000 })).toContain('4000');
  });

  it('keeps one function per language and i18next instance', () => {
    expect(fixedT(i18n, 'en')).toBe(fixedT(i18n, 'en'));
    expect(fixedT(i18n, 'en')).not.toBe(fixedT(i18n, 'ur'));
    expect(fixedT(createI18n(), 'en')).not.toBe(fixedT(i18n, 'en'));
    expect((fixedT(i18n, 'ur-Latn') as unknown as { lng: string }).lng).toBe('ur-Latn');
  });

  it('sees a string changed after it was asked', () => {
    const own = createI18n();
    const t = fixedT(own, 'en');
    const before = t('common:menu.title');
    own.addResource('en', 'common', 'menu.title', `${before} (changed)`);
    expect(t('common:menu.title')).toBe(`${before} (changed)`);
    expect(fixedT(own, 'en')('common:menu.title')).toBe(`${before} (changed)`);
  });
});

import { readLocaleResources, createI18n } from '../bot/i18n';

/** Every leaf key path of a nested resource, as `ns:path`. */
function leafKeys(resources: Record<string, unknown>): string[] {
  const keys: string[] = [];
  const walk = (node: unknown, prefix: string) => {
    if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
      for (const [k, v] of Object.entries(node)) walk(v, prefix ? `${prefix}.${k}` : k);
    } else keys.push(prefix);
  };
  for (const [ns, tree] of Object.entries(resources)) walk(tree, `${ns}:`.slice(0, -1) + ':');
  return keys.map((k) => k.replace(':.', ':')).sort();
}

describe('locales', () => {
  const resources = readLocaleResources();

  it('has exactly the same keys in English and Urdu', () => {
    expect(leafKeys(resources.ur as Record<string, unknown>)).toEqual(leafKeys(resources.en as Record<string, unknown>));
  });

  it('has no empty strings in either language', () => {
    for (const lang of ['en', 'ur'] as const) {
      const empty: string[] = [];
      const walk = (node: unknown, path: string) => {
        if (typeof node === 'string') {
          if (!node.trim()) empty.push(path);
        } else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, `${path}.${k}`);
      };
      walk(resources[lang], lang);
      expect(empty).toEqual([]);
    }
  });

  it('writes Urdu strings in Urdu script', () => {
    const t = createI18n().getFixedT('ur');
    expect(t('common:menu.title')).toMatch(/[\u0600-\u06FF]/);
    expect(t('common:menu.title')).not.toEqual(createI18n().getFixedT('en')('common:menu.title'));
  });
});

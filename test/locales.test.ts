import { readLocaleResources, createI18n, uiLanguages } from '../bot/i18n';

/** Every leaf of a nested resource, as `ns:path` → string. */
function leaves(resources: Record<string, unknown>): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (node: unknown, path: string) => {
    if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
      for (const [k, v] of Object.entries(node)) walk(v, path.endsWith(':') ? `${path}${k}` : `${path}.${k}`);
    } else out.set(path, String(node));
  };
  for (const [ns, tree] of Object.entries(resources)) walk(tree, `${ns}:`);
  return out;
}

const leafKeys = (resources: unknown) => [...leaves(resources as Record<string, unknown>).keys()].sort();
/** The i18next placeholders of a string, sorted ({{reference}}, {{count}}…). */
const placeholders = (text: string) => (text.match(/\{\{\s*[\w.-]+\s*\}\}/g) ?? []).map((p) => p.replace(/\s/g, '')).sort();

describe('locales', () => {
  const resources = readLocaleResources();
  const others = uiLanguages.filter((l) => l !== 'en');

  it('has three reply languages: English, Urdu script and Roman Urdu', () => {
    expect([...uiLanguages]).toEqual(['en', 'ur', 'ur-Latn']);
  });

  it.each(others)('has exactly the same keys in %s as in English', (lang) => {
    expect(leafKeys(resources[lang])).toEqual(leafKeys(resources.en));
  });

  /** Strings that leave a placeholder out on purpose, with the reason. */
  const withoutPlaceholders: Record<string, { lang: string; why: string }> = {
    // The letter sets an Urdu line right to left as a whole (pdfkit), which would reverse the digits of a count.
    'letters:pdf.moreAgents': { lang: 'ur', why: 'no digits in right-to-left lines of the PDF' },
  };

  it.each(others)('keeps every interpolation placeholder of the English string in %s', (lang) => {
    const en = leaves(resources.en as Record<string, unknown>);
    const other = leaves(resources[lang] as Record<string, unknown>);
    const mismatched = [...en]
      .filter(([key]) => withoutPlaceholders[key]?.lang !== lang)
      .filter(([key, text]) => placeholders(text).join() !== placeholders(other.get(key) ?? '').join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it('has no empty strings in any language', () => {
    for (const lang of uiLanguages) {
      const empty = [...leaves(resources[lang] as Record<string, unknown>)]
        .filter(([, text]) => !text.trim())
        .map(([key]) => `${lang} ${key}`);
      expect(empty).toEqual([]);
    }
  });

  it('writes Urdu strings in Urdu script', () => {
    const t = createI18n().getFixedT('ur');
    expect(t('common:menu.title')).toMatch(/[\u0600-\u06FF]/);
    expect(t('common:menu.title')).not.toEqual(createI18n().getFixedT('en')('common:menu.title'));
  });

  it('writes Roman Urdu in Latin letters, never Urdu script, apart from the names of the languages', () => {
    const inScript = [...leaves(resources['ur-Latn'] as Record<string, unknown>)]
      .filter(([key, text]) => key !== 'webchat:toggle.ur' && /[\u0600-\u06FF]/.test(text))
      .map(([key]) => key);
    expect(inScript).toEqual([]);
    const t = createI18n().getFixedT('ur-Latn');
    expect(t('intake:flow.submitted', { title: t('requests:kinds.wfh'), reference: 'WFH-3T8N2P' })).toBe(
      'Shukriya! Aap ki ghar se kaam (WFH) ki darkhwast jama ho gayi hai. Aap ka reference number WFH-3T8N2P hai. Kisi bhi waqt is ka haal jaanne ke liye "status WFH-3T8N2P" likhein.',
    );
  });

  it('falls back from Roman Urdu to English, never to Urdu script, for a key only English has', () => {
    const i18n = createI18n();
    i18n.addResource('en', 'common', 'onlyInEnglish', 'English only');
    i18n.addResource('ur', 'common', 'onlyInEnglish', 'صرف اردو');
    expect(i18n.getFixedT('ur-Latn')('common:onlyInEnglish')).toBe('English only');
  });
});

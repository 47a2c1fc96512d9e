import i18next from 'i18next';
import en from '../../../../locales/en/intake.json';
import ur from '../../../../locales/ur/intake.json';
import roman from '../../../../locales/ur-Latn/intake.json';
import { formFields } from '../../../../bot/domain/forms';
import {
  agentRowMessages,
  errorMessage,
  INTAKE_ERROR_CODES,
  INTAKE_ERRORS,
  NAMED_CITIES,
  OTHER_CITY,
  type Translate,
} from '../../../../bot/domain/validators';

type Tree = { [key: string]: string | Tree };

/** Every leaf of a locale tree as `path → text`. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [p, v] of leaves(value, path)) out.set(p, v);
  }
  return out;
}

const locales = { en: leaves(en), ur: leaves(ur), 'ur-Latn': leaves(roman) };
const URDU_LETTER = /[\u0600-\u06ff]/;

describe('intake locale files', () => {
  test('have the same keys in English, Urdu and Roman Urdu', () => {
    expect([...locales.ur.keys()].sort()).toEqual([...locales.en.keys()].sort());
    expect([...locales['ur-Latn'].keys()].sort()).toEqual([...locales.en.keys()].sort());
  });

  test('have exactly one error text per catalog code', () => {
    const errorKeys = [...locales.en.keys()].filter((k) => k.startsWith('errors.')).map((k) => k.slice('errors.'.length));
    expect(errorKeys.sort()).toEqual([...INTAKE_ERROR_CODES].sort());
  });

  test.each(INTAKE_ERROR_CODES)('interpolate the offending value in "%s" exactly when the code carries one', (code) => {
    for (const texts of Object.values(locales)) {
      expect(texts.get(`errors.${code}`)?.includes('{{value}}')).toBe(INTAKE_ERRORS[code].takesValue);
    }
  });

  test('give every field of both forms, and the other-city input, a prompt, label, help and example', () => {
    const defs = [...formFields('whitelisting'), ...formFields('wfh')];
    const names = new Set<string>(defs.flatMap((f) => (f.otherInputId ? [f.name, f.otherInputId] : [f.name])));
    for (const texts of Object.values(locales)) {
      for (const name of names) {
        for (const part of ['prompt', 'label', 'help', 'example']) expect(texts.get(`fields.${name}.${part}`)).toBeTruthy();
      }
    }
  });

  test('label every city choice', () => {
    for (const texts of Object.values(locales)) {
      for (const city of [...NAMED_CITIES, OTHER_CITY]) expect(texts.get(`cities.${city}`)).toBeTruthy();
    }
  });

  test('are written in Latin letters in Roman Urdu', () => {
    expect([...locales['ur-Latn']].filter(([, text]) => URDU_LETTER.test(text))).toEqual([]);
  });

  test('are written in Urdu script in Urdu, examples aside', () => {
    const untranslated = [...locales.ur].filter(([key, text]) => !/\.example$/.test(key) && !URDU_LETTER.test(text));
    expect(untranslated).toEqual([]);
  });
});

describe('errorMessage and agentRowMessages', () => {
  async function fixedT(lng: 'en' | 'ur'): Promise<Translate> {
    const instance = i18next.createInstance();
    await instance.init({
      lng,
      ns: ['intake'],
      resources: { en: { intake: en }, ur: { intake: ur } },
      interpolation: { escapeValue: false },
    });
    const t = instance.getFixedT(lng);
    return (key, options) => t(key, options);
  }

  test('name the refused IP address in English', async () => {
    const t = await fixedT('en');
    expect(errorMessage(t, { error: 'ip.private', detail: '192.168.1.10' })).toBe(
      en.errors.ip.private.replace('{{value}}', '192.168.1.10'),
    );
  });

  test('name the refused IP address in Urdu', async () => {
    const t = await fixedT('ur');
    const text = errorMessage(t, { error: 'ip.private', detail: '192.168.1.10' });
    expect(text).toContain('192.168.1.10');
    expect(text).toMatch(URDU_LETTER);
  });

  test('prefix each bad agent row with its number, and the header as such', async () => {
    const t = await fixedT('en');
    expect(
      agentRowMessages(t, [
        { row: 4, code: 'cnic.length' },
        { row: 0, code: 'agents.headerColumns', value: 'isp' },
      ]),
    ).toEqual([`Row 4: ${en.errors.cnic.length}`, `Header row: ${en.errors.agents.headerColumns.replace('{{value}}', 'isp')}`]);
  });
});

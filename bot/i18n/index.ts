/**
 * i18next with one namespace per locale file (`locales/<lang>/<ns>.json`). Code asks for a fixed `t`
 * per turn — never the global changeLanguage, which concurrent turns would fight over.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type i18n, type TFunction, type Resource } from 'i18next';
import { fromRoot } from '../paths';

/** English, Urdu script, and Roman Urdu (Urdu written in Latin letters, as people type it on phones). */
export const uiLanguages = ['en', 'ur', 'ur-Latn'] as const;
export type UiLanguage = (typeof uiLanguages)[number];
export type Translate = TFunction;

export const localesDir = fromRoot('locales');

/** Reads every namespace file of every language. */
export function readLocaleResources(dir = localesDir): Resource & Record<UiLanguage, Resource[string]> {
  const resources = {} as Resource & Record<UiLanguage, Resource[string]>;
  for (const lang of uiLanguages) {
    resources[lang] = {};
    for (const file of readdirSync(path.join(dir, lang)).filter((f) => f.endsWith('.json'))) {
      resources[lang][file.replace(/\.json$/, '')] = JSON.parse(
        readFileSync(path.join(dir, lang, file), 'utf8'),
      ) as Resource[string][string];
    }
  }
  return resources;
}

/** An initialised, independent i18next instance (the app owns one; tests may build their own). */
export function createI18n(dir = localesDir): i18n {
  const resources = readLocaleResources(dir);
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng: 'en',
    fallbackLng: 'en',
    // Only the exact language, then English: a missing Roman Urdu string must not fall back to Urdu script.
    load: 'currentOnly',
    supportedLngs: [...uiLanguages],
    ns: Object.keys(resources.en),
    defaultNS: 'common',
    nsSeparator: ':',
    keySeparator: '.',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}

/** Most distinct option-less keys remembered per language (the code's keys are a few hundred). */
const MAX_MEMO_KEYS = 4000;

/** Per i18next instance: its fixed `t` per language, and their memos (cleared together). */
const fixedTs = new WeakMap<i18n, { languages: Map<string, Translate>; memos: Map<string, string>[] }>();

/**
 * The fixed `t` of a language, one per instance and language (getFixedT builds a new one per call). A
 * key asked without options — menu items, titles, prompts, most strings of a turn — is translated once
 * and then answered from a memo, which any change of the resources clears; a call with options
 * (interpolation, counts) goes to i18next every time.
 */
export function fixedT(instance: i18n, lang: UiLanguage): Translate {
  let own = fixedTs.get(instance);
  if (!own) {
    const memos: Map<string, string>[] = [];
    const forget = (): void => memos.forEach((memo) => memo.clear());
    instance.store.on('added', forget);
    instance.store.on('removed', forget);
    fixedTs.set(instance, (own = { languages: new Map(), memos }));
  }
  let t = own.languages.get(lang);
  if (!t) {
    const memo = new Map<string, string>();
    own.memos.push(memo);
    own.languages.set(lang, (t = memoized(instance.getFixedT(lang), memo)));
  }
  return t;
}

function memoized(t: Translate, memo: Map<string, string>): Translate {
  const translate = t as unknown as (...args: unknown[]) => unknown;
  const fast = (...args: unknown[]): unknown => {
    const [key] = args;
    if (args.length !== 1 || typeof key !== 'string') return translate(...args);
    const known = memo.get(key);
    if (known !== undefined) return known;
    const text = translate(key);
    if (typeof text === 'string' && memo.size < MAX_MEMO_KEYS) memo.set(key, text);
    return text;
  };
  // Keeps what i18next hangs on its fixed `t` (language, namespace, key prefix).
  return Object.assign(fast, t) as unknown as Translate;
}

/** True for the UI languages we have strings for. */
export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (uiLanguages as readonly string[]).includes(value);
}

/**
 * Maps a BCP-47 locale or detected language to a UI language: `ur-Latn` (any region, any case) → Roman
 * Urdu; other `ur-*` (`ur-PK`) → Urdu script; `en-*` → English.
 */
export function toUiLanguage(locale: string | undefined | null): UiLanguage | undefined {
  if (!locale) return undefined;
  const parts = locale.toLowerCase().split(/[-_]/);
  if (parts[0] === 'ur' && parts.includes('latn')) return 'ur-Latn';
  return isUiLanguage(parts[0]) ? parts[0] : undefined;
}

/** Whether a language is written right-to-left (Urdu script only; Roman Urdu is left-to-right). */
export function isRtl(lang: UiLanguage | string | undefined | null): boolean {
  return lang === 'ur';
}

const languageNameKeys: Record<UiLanguage, string> = {
  en: 'common:language.nameEn',
  ur: 'common:language.nameUr',
  'ur-Latn': 'common:language.nameUrLatn',
};

/** The key of a language's name ("English", "Urdu", "Roman Urdu") as staff see it; unknown values read as English. */
export function languageNameKey(lang: string | undefined | null): string {
  return languageNameKeys[isUiLanguage(lang) ? lang : 'en'];
}

/**
 * The user's reply language: an explicit choice ("Urdu", "اردو", "English", "انگریزی") wins; else the
 * language the message is written in; else the channel's locale; else English.
 */
import type { UiLanguage } from './i18n';
import { toUiLanguage } from './i18n';

/** What we remember per user (UserState). */
export interface LanguagePreference {
  language?: UiLanguage;
  /** True when the user asked for it; a detected language never overrides an explicit one. */
  explicit?: boolean;
}

/** Detects the language a text is written in; `ur-Latn` is Roman Urdu. Undefined when unsure. */
export type LanguageDetector = (text: string, previous?: string) => 'en' | 'ur' | 'ur-Latn' | undefined;

const switchWords: Record<string, UiLanguage> = {
  urdu: 'ur',
  'اردو': 'ur',
  'اُردو': 'ur',
  'urdu mein': 'ur',
  'urdu me': 'ur',
  'urdu please': 'ur',
  'in urdu': 'ur',
  english: 'en',
  'انگریزی': 'en',
  'انگلش': 'en',
  angrezi: 'en',
  'english please': 'en',
  'in english': 'en',
};

/** The language a message asks to switch to, if the whole message is such a request. */
export function languageSwitch(text: string | undefined): UiLanguage | undefined {
  if (!text) return undefined;
  const key = text.trim().toLowerCase().replace(/[.!?۔؟\s]+$/u, '').replace(/\s+/g, ' ');
  return switchWords[key];
}

/** Urdu script anywhere in the text (Arabic block letters). */
export function hasArabicScript(text: string): boolean {
  return /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/.test(text);
}

/** Picks the reply language for this message. */
export function resolveLanguage(
  text: string | undefined,
  preference: LanguagePreference,
  activityLocale: string | undefined,
  detect: LanguageDetector,
): UiLanguage {
  if (preference.explicit && preference.language) return preference.language;
  const detected = text ? detect(text, preference.language) : undefined;
  if (detected) return detected === 'en' ? 'en' : 'ur';
  return preference.language ?? toUiLanguage(activityLocale) ?? 'en';
}

/**
 * The fallback detector until the FAQ's detector is wired in: Urdu script → ur; Latin text with a
 * letter → undefined (unsure), so the previous language stands.
 */
export const scriptDetector: LanguageDetector = (text) => (hasArabicScript(text) ? 'ur' : undefined);

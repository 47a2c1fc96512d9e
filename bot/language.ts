/**
 * The user's reply language — English (`en`), Urdu script (`ur`) or Roman Urdu (`ur-Latn`) — and the
 * rule that keeps it put.
 *
 * The rule (resolveLanguage; tested as a table in test/bot/language.test.ts):
 * 1. A whole message that is a switch word ("English", "Urdu", "اردو", "Roman Urdu", "roman", …) selects
 *    that language, in a form or not, and it is remembered as the user's explicit choice.
 * 2. Inside a form — a dialog waiting for an answer — nothing else changes the language: dates, numbers,
 *    names, yes/no, "kal se", "theek hai", "haan" are answers, not a choice of language.
 * 3. An explicit choice stands until the next switch word.
 * 4. Outside a form, with no explicit choice, the language changes only on a message that is clearly
 *    and wholly in another language: every word in one script (tokens with digits, such as references
 *    and phone numbers, don't count), the detector names the same language whatever the previous
 *    language was (no tie broken by the past), and — for Latin letters, which English and Roman Urdu
 *    share ("ok", "status", "kal se") — at least three words. Urdu script is decisive on its own.
 * 5. With no language remembered yet (a first message): the detected language, else the channel's
 *    locale, else English.
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
  اردو: 'ur',
  اُردو: 'ur',
  'urdu mein': 'ur',
  'urdu me': 'ur',
  'urdu please': 'ur',
  'in urdu': 'ur',
  'urdu script': 'ur',
  'اردو میں': 'ur',
  roman: 'ur-Latn',
  'roman urdu': 'ur-Latn',
  'roman urdu mein': 'ur-Latn',
  'roman urdu me': 'ur-Latn',
  'roman urdu please': 'ur-Latn',
  'in roman urdu': 'ur-Latn',
  'roman mein': 'ur-Latn',
  'roman me': 'ur-Latn',
  'رومن اردو': 'ur-Latn',
  english: 'en',
  انگریزی: 'en',
  انگلش: 'en',
  angrezi: 'en',
  'english please': 'en',
  'in english': 'en',
  'english mein': 'en',
  'english me': 'en',
};

/** The language a message asks to switch to, if the whole message is such a request. */
export function languageSwitch(text: string | undefined): UiLanguage | undefined {
  if (!text) return undefined;
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[.!?۔؟\s]+$/u, '')
    .replace(/\s+/g, ' ');
  return switchWords[key];
}

/** Urdu script anywhere in the text (Arabic block letters). */
export function hasArabicScript(text: string): boolean {
  return /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/.test(text);
}

/** Fewest Latin-letter words (not counting tokens with digits) before English ↔ Roman Urdu can change. */
export const MIN_LATIN_SWITCH_WORDS = 3;

const ARABIC_WORD = /^[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF\u200C]+$/u;
const LATIN_WORD = /^[a-z']+$/i;

/**
 * The language a message is clearly and wholly written in (rule 4), or undefined: too short, scripts
 * mixed, or a verdict that depends on the previous language.
 */
export function clearLanguage(text: string, detect: LanguageDetector): UiLanguage | undefined {
  const words = text
    .split(/[\s.,;:!?()"“”،۔؟]+/u)
    .filter((w) => w && !/[\d\u0660-\u0669\u06F0-\u06F9@/]/u.test(w))
    .map((w) => w.replace(/^[-']+|[-']+$/g, ''))
    .filter(Boolean);
  if (words.length === 0) return undefined;
  const arabic = words.filter((w) => ARABIC_WORD.test(w)).length;
  const latin = words.filter((w) => LATIN_WORD.test(w)).length;
  if (arabic !== words.length && latin !== words.length) return undefined;
  if (latin === words.length && latin < MIN_LATIN_SWITCH_WORDS) return undefined;
  const verdicts = new Set((['en', 'ur', 'ur-Latn'] as const).map((previous) => detect(text, previous)));
  if (verdicts.size !== 1) return undefined;
  const [verdict] = verdicts;
  if (!verdict) return undefined;
  // The verdict must match the script: Latin words are never Urdu script, Urdu script never Latin.
  if (arabic === words.length ? verdict !== 'ur' : verdict === 'ur') return undefined;
  return verdict;
}

/**
 * Picks the reply language for this message (rules 2–5 above; the caller handles a switch word first).
 * `inForm`: a dialog is waiting for an answer.
 */
export function resolveLanguage(
  text: string | undefined,
  preference: LanguagePreference,
  activityLocale: string | undefined,
  detect: LanguageDetector,
  inForm = false,
): UiLanguage {
  const remembered = preference.language;
  if (!remembered) return (text ? detect(text) : undefined) ?? toUiLanguage(activityLocale) ?? 'en';
  if (preference.explicit || inForm || !text) return remembered;
  return clearLanguage(text, detect) ?? remembered;
}

/**
 * The fallback detector until the FAQ's detector is wired in: Urdu script → ur; Latin text with a
 * letter → undefined (unsure), so the previous language stands.
 */
export const scriptDetector: LanguageDetector = (text) => (hasArabicScript(text) ? 'ur' : undefined);

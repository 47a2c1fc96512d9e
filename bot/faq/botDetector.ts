/**
 * The FAQ's language detector as the bot's per-message detector. Form answers are often one word or a
 * number ("Karachi", "250", "haan"): too little to judge, so those keep the previous language.
 */
import type { LanguageDetector } from '../language';
import { hasArabicScript } from '../language';
import { detectLanguage } from './detectLanguage';
import { FAQ_LANGUAGES, type FaqLanguage } from './types';

/** Words of two or more letters needed before Latin text may change the reply language. */
const MIN_LATIN_WORDS = 2;

export const faqLanguageDetector: LanguageDetector = (text, previous) => {
  if (hasArabicScript(text)) return 'ur';
  const words = text.match(/[A-Za-z]{2,}/g) ?? [];
  if (words.length < MIN_LATIN_WORDS) return undefined;
  const prior = (FAQ_LANGUAGES as readonly string[]).includes(previous ?? '') ? (previous as FaqLanguage) : undefined;
  return detectLanguage(text, prior);
};

/** Texts kept once per language (snippets, FAQ answers): the user's language, else English. */

/** One text per language the desk writes in; `ur-Latn` is Roman Urdu. */
export interface LanguageTexts {
  en: string;
  ur?: string;
  'ur-Latn'?: string;
}

/** The text in `language` when it is written, otherwise the English one. */
export function textInLanguage(texts: LanguageTexts, language: string): string {
  const own = (texts as unknown as Record<string, string | undefined>)[language];
  return own && own.trim() ? own : texts.en;
}

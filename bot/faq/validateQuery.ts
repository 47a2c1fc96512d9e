import { FAQ_LANGUAGES, type FaqLanguage } from './types';

/** Longest question the FAQ searches; longer text is not a question (and would slow every search). */
export const MAX_FAQ_QUERY_LENGTH = 500;

export type FaqQueryCheck =
  | { readonly ok: true; readonly text: string; readonly lang?: FaqLanguage }
  | { readonly ok: false; readonly error: 'missingQuery' | 'queryTooLong' | 'badLanguage' };

/** Validate the `q` and optional `lang` of a FAQ search (e.g. `GET /api/faq/search`); pure, for the HTTP layer. */
export function validateFaqQuery(q: unknown, lang?: unknown): FaqQueryCheck {
  if (typeof q !== 'string' || q.trim().length === 0) return { ok: false, error: 'missingQuery' };
  if (q.length > MAX_FAQ_QUERY_LENGTH) return { ok: false, error: 'queryTooLong' };
  if (lang === undefined || lang === '') return { ok: true, text: q };
  if (typeof lang !== 'string' || !(FAQ_LANGUAGES as readonly string[]).includes(lang)) return { ok: false, error: 'badLanguage' };
  return { ok: true, text: q, lang: lang as FaqLanguage };
}

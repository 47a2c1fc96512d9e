/** Reading a satisfaction rating the user typed ("4", "۵ very helpful", "2 - slow"). Pure. */
import { toAsciiDigits } from '../domain/digits';

export const minScore = 1;
export const maxScore = 5;
/** Ratings at or below this are flagged for follow-up in the console. */
export const lowScore = 2;
/** A rating prompt older than this is no longer waiting for an answer. */
export const ratingTtlMs = 24 * 60 * 60 * 1000;
/** The oldest time a rating prompt may have been asked and still wait for its answer at `now`. */
export function ratingOpenSince(now: Date): Date {
  return new Date(now.getTime() - ratingTtlMs);
}
/** Longest comment kept. */
export const maxCommentLength = 1000;

export interface TypedRating {
  score: number;
  comment?: string;
}

/** A message that starts with a single digit 1–5 (Latin, Urdu or Arabic-Indic), with an optional comment after it. */
export function parseRating(text: string): TypedRating | undefined {
  const match = /^\s*([0-9])(?![0-9])\s*[-–:.,)]?\s*([\s\S]*)$/.exec(toAsciiDigits(text));
  if (!match) return undefined;
  const score = Number(match[1]);
  if (score < minScore || score > maxScore) return undefined;
  const comment = match[2].trim().slice(0, maxCommentLength);
  return comment ? { score, comment } : { score };
}

/** A score from a card submit, if it is a whole number 1–5. */
export function scoreOf(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= minScore && n <= maxScore ? n : undefined;
}

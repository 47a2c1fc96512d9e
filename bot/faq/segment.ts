/**
 * Where the question sits in a message. People write "Salam sir, we are a 60 seat BPO in Multan and
 * transport is closed. How do we get permission to stay open? Thanks, Bilal": the greeting, the company
 * context and the sign-off are not the question. The message is cut into sentences and clauses, and each
 * of them — plus each clause together with the one before it, for questions that lean on their context
 * ("…transport band hai, iske liye request kahan deni hai?") — is scored on its own. A view's score does
 * not depend on how much else the message says, so a long message is judged on its best part.
 */
import { normalizeText } from './normalize';

/** Enough views for a long message (about eight clauses); beyond it the last clauses are kept (the question usually ends a message). */
const MAX_VIEWS = 24;

/** Sentence ends: . ! ? and line breaks (Urdu ۔ and ؟ are already ASCII after normalizeText), but not "P@SHA"-style or decimal dots. */
const SENTENCE_END = /(?<=[!?\n])|(?<=\.)(?!\d)/;
/** Clause breaks inside a sentence: commas, semicolons, dashes between words. */
const CLAUSE_BREAK = /[,;]|\s[-–—]\s/;

/** Sentences of a message, each split into its clauses (empty pieces dropped). */
export function clauses(text: string): string[][] {
  return normalizeText(text)
    .split(/\n/)
    .flatMap((line) => line.split(SENTENCE_END))
    .map((sentence) => sentence.split(CLAUSE_BREAK).map((c) => c.replace(/[.!?\s]+$/u, '').trim()).filter((c) => /\p{L}/u.test(c)))
    .filter((sentence) => sentence.length > 0);
}

/**
 * The parts of a message worth scoring on their own, whole message first: each sentence, each clause,
 * and each pair of neighbouring clauses. A one-clause message has a single view (itself).
 */
export function messageViews(text: string): string[] {
  const sentences = clauses(text);
  const flat = sentences.flat();
  if (flat.length <= 1) return [text];
  const views = new Set<string>([text]);
  const parts: string[] = [];
  for (const sentence of sentences) if (sentence.length > 1) parts.push(sentence.join(', '));
  flat.forEach((clause, i) => {
    parts.push(clause);
    if (i > 0) parts.push(`${flat[i - 1] as string}, ${clause}`);
  });
  // Keep the views nearest the end when there are too many: sign-offs are short, so the question is rarely cut.
  for (const part of parts.slice(-(MAX_VIEWS - 1))) views.add(part);
  return [...views];
}

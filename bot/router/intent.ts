/**
 * What a free-text message outside a form asks for, at any length and in English, Urdu script or
 * Roman Urdu: the one place that decides between a form, a status, a hand-off, the user's requests,
 * the menu and the FAQ (which in turn answers, suggests or says "I don't know"). Pure: no SDK.
 *
 * Order, first match wins:
 *   1. a whole-message command ("menu", "whitelisting", "status", "agent", "meri requests");
 *   2. a request reference with a status word or a question anywhere ("sir WL-7K2M9Q ka kya bana?");
 *   3. asking for a person anywhere, also inside a long message;
 *   4. a request kind (whitelisting / work from home) with a question about how → FAQ + start button,
 *      with a word of applying in a statement → the form starts;
 *   5. the user's own requests ("meri requests", "what requests have I submitted");
 *   6. everything else → the FAQ.
 */
import { commandIntent } from '../intents';
import { commandKey } from '../domain/commands';
import { statusQuery } from '../../dialogs/intake/statusText';
import { parseReference, type RequestKind } from '../domain/reference';
import { LEXICON, type Concept } from './lexicon';

export type Understanding =
  | { intent: 'apply'; kind: RequestKind }
  | { intent: 'howToApply'; kind: RequestKind }
  | { intent: 'status'; reference: string | null }
  | { intent: 'agent' }
  | { intent: 'myRequests' }
  | { intent: 'menu' }
  | { intent: 'faq' };

/** One word slot of a phrase: its accepted spellings (normalised), or a gap of up to MAX_GAP words. */
type Slot = ReadonlySet<string> | 'gap';
const MAX_GAP = 3;

function compile(phrase: string): Slot[] {
  return phrase.split(' ').map((word) => (word === '*' ? 'gap' : new Set(word.split('|').map(commandKey))));
}

const PHRASES: ReadonlyMap<Concept, readonly Slot[][]> = new Map(
  (Object.keys(LEXICON) as Concept[]).map((concept) => [concept, Object.values(LEXICON[concept]).flat().map(compile)]),
);

function matchesAt(words: readonly string[], at: number, slots: readonly Slot[]): boolean {
  if (slots.length === 0) return true;
  const [slot, ...rest] = slots;
  if (slot === 'gap') {
    for (let skip = 0; skip <= MAX_GAP && at + skip <= words.length; skip += 1) if (matchesAt(words, at + skip, rest)) return true;
    return false;
  }
  return at < words.length && slot.has(words[at]) && matchesAt(words, at + 1, rest);
}

/** Whether any phrase of the concept occurs in the words (only where its first word occurs, so long messages stay cheap). */
function has(words: readonly string[], concept: Concept): boolean {
  const phrases = PHRASES.get(concept) ?? [];
  return phrases.some((slots) => {
    const first = slots[0];
    return words.some((word, at) => first !== 'gap' && first.has(word) && matchesAt(words, at, slots));
  });
}

/** English questions open with a question word or an inverted verb; "can you …" is a request. */
const ENGLISH_QUESTION = /^(what|how|when|why|where|which|who|whom|is|are|does|do|did|can i|can we|could i|could we|should|will|may i)\b/;

function isQuestion(text: string, words: readonly string[]): boolean {
  return /[?؟]\s*$/.test(text) || ENGLISH_QUESTION.test(words.join(' ')) || has(words, 'questionWord');
}

/** The request kind a message names, if exactly one. */
function kindOf(words: readonly string[]): RequestKind | undefined {
  const whitelisting = has(words, 'whitelisting');
  const wfh = has(words, 'wfh');
  if (whitelisting === wfh) return undefined;
  return whitelisting ? 'whitelisting' : 'wfh';
}

/** Reads what the message asks for. */
export function understand(text: string): Understanding {
  const bare = statusQuery(text);
  if (bare) return { intent: 'status', reference: bare };
  const command = commandIntent(text);
  switch (command) {
    case 'whitelisting':
    case 'wfh':
      return { intent: 'apply', kind: command };
    case 'status':
      return { intent: 'status', reference: null };
    case 'agent':
    case 'myRequests':
    case 'menu':
      return { intent: command };
    default:
      break;
  }
  const words = commandKey(text).split(' ').filter(Boolean);
  const question = isQuestion(text, words);
  const reference = parseReference(text);
  if (reference && (question || has(words, 'statusWord'))) return { intent: 'status', reference };
  if (has(words, 'person')) return { intent: 'agent' };
  const kind = kindOf(words);
  if (kind) {
    if (question && (has(words, 'howWord') || has(words, 'applyWord'))) return { intent: 'howToApply', kind };
    if (!question && has(words, 'howWord')) return { intent: 'howToApply', kind };
    if (!question && has(words, 'applyWord')) return { intent: 'apply', kind };
    // Only the kind's name and little else ("whitelisting karni hai", "ghar se kaam"): the form.
    if (!question && words.length <= 4) return { intent: 'apply', kind };
  }
  if (has(words, 'myRequests')) return { intent: 'myRequests' };
  return { intent: 'faq' };
}

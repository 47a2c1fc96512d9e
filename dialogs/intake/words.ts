/**
 * What a user types to steer a form rather than answer it — help, cancel, menu, a person, yes/no,
 * "done" — in English, Roman Urdu and Urdu. Whole-message matches only, so an answer that merely
 * contains one of these words is still an answer.
 */
import { matchKey } from '../validators/normalize';
import { commandIntent } from '../../bot/intents';

export type Interruption = 'help' | 'cancel' | 'menu' | 'agent';

const keySet = (...words: string[]): ReadonlySet<string> => new Set(words.map(matchKey));

const HELP = keySet('help', '?', 'madad', 'help me', 'what is this', 'explain', 'مدد', 'وضاحت', '؟');
const CANCEL = keySet('cancel', 'stop', 'quit', 'exit', 'abort', 'band karo', 'khatam karo', 'cancel karo', 'mansookh',
  'منسوخ', 'منسوخ کریں', 'منسوخ کرو', 'بند کریں', 'بند کرو', 'ختم کریں', 'رک جائیں');
const MENU = keySet('menu', 'main menu', 'مینو', 'مین مینو');
const YES = keySet('yes', 'y', 'yeah', 'yep', 'ok', 'okay', 'sure', 'haan', 'han', 'haa', 'ha', 'jee', 'ji', 'g', 'jee haan', 'ji haan',
  'theek hai', 'ہاں', 'جی', 'جی ہاں', 'ہاں جی', 'ٹھیک ہے', 'بالکل');
const NO = keySet('no', 'n', 'nope', 'no thanks', 'nahi', 'nahin', 'nhi', 'na', 'jee nahi', 'ji nahi', 'نہیں', 'جی نہیں', 'نا', 'نہ', 'مت کریں');
const DONE = keySet('done', 'finished', 'that is all', "that's all", 'no more', 'bas', 'ho gaya', 'mukammal', 'بس', 'ہو گیا', 'مکمل', 'ختم');
const CLEAR = keySet('clear', 'start again', 'reset', 'saaf karo', 'صاف کریں', 'صاف کرو', 'دوبارہ شروع');

/** The interruption a whole message asks for, if any. */
export function interruptionOf(text: string): Interruption | undefined {
  const key = matchKey(text);
  if (HELP.has(key)) return 'help';
  if (CANCEL.has(key)) return 'cancel';
  if (MENU.has(key)) return 'menu';
  if (commandIntent(text) === 'agent') return 'agent';
  return undefined;
}

/** Yes, no, or undefined when the reply is neither. The one yes/no word list of the bot. */
export function recognizeYesNo(text: string): boolean | undefined {
  const key = matchKey(text);
  if (NO.has(key)) return false;
  if (YES.has(key)) return true;
  return undefined;
}

/** "done" — the agent list is complete. */
export function isDone(text: string): boolean {
  return DONE.has(matchKey(text));
}

/** "clear" — start the agent list again. */
export function isClear(text: string): boolean {
  return CLEAR.has(matchKey(text));
}

const QUESTION_OPENERS = /^(what|how|when|why|where|which|who|can|could|do|does|is|are|will|should|kya|kaise|kaisay|kab|kyun|kahan|کیا|کیسے|کب|کیوں|کہاں|کون)\b/iu;

/**
 * Urdu puts the question word anywhere, usually late ("helpline ka number kya hai", "ہیلپ لائن نمبر کیا
 * ہے"), and phone users rarely type "?". Form answers (names, numbers, addresses of IPs) never contain these.
 */
const URDU_QUESTION_WORDS = /(^|\s)(kya|kia|kiya|kaise|kese|kaisay|kab|kyun|kyon|kahan|kahaan|kon|kaun|kitna|kitne|kitni|کیا|کیسے|کب|کیوں|کہاں|کون|کتنا|کتنے|کتنی)(\s|$)/iu;

/** A message that reads as a question to the FAQ rather than an answer to the form. */
export function looksLikeQuestion(text: string): boolean {
  const trimmed = text.trim();
  const words = trimmed.split(/\s+/).length;
  if (/[?؟]$/.test(trimmed) && words >= 3) return true;
  if (URDU_QUESTION_WORDS.test(trimmed) && words >= 3) return true;
  return QUESTION_OPENERS.test(trimmed) && words >= 4;
}

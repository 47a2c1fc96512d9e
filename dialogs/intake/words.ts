/**
 * What a user types to steer a form rather than answer it — help, cancel, menu, a person, yes/no,
 * "done", "clear". The words live in the bot's one vocabulary (bot/domain/commands.ts); this file says
 * what they mean inside a form. Whole-message matches only, so an answer that merely contains one of
 * these words is still an answer.
 */
import { isCommand, yesOrNo } from '../../bot/domain/commands';
import { understand } from '../../bot/router/intent';

export type Interruption = 'help' | 'cancel' | 'menu' | 'agent';

/** The interruption a whole message asks for, if any. */
export function interruptionOf(text: string): Interruption | undefined {
  if (isCommand(text, 'help')) return 'help';
  if (isCommand(text, 'cancel')) return 'cancel';
  if (isCommand(text, 'menu')) return 'menu';
  // Asking for a person reads the same as outside a form, also inside a sentence.
  if (understand(text).intent === 'agent') return 'agent';
  return undefined;
}

/** Yes, no, or undefined when the reply is neither. */
export function recognizeYesNo(text: string): boolean | undefined {
  return yesOrNo(text);
}

/** "done" — the agent list is complete ("بس" here means done). */
export function isDone(text: string): boolean {
  return isCommand(text, 'done');
}

/** "clear" — start the agent list again. */
export function isClear(text: string): boolean {
  return isCommand(text, 'clear');
}

const QUESTION_OPENERS =
  /^(what|how|when|why|where|which|who|can|could|do|does|is|are|will|should|kya|kaise|kaisay|kab|kyun|kahan|کیا|کیسے|کب|کیوں|کہاں|کون)\b/iu;

/**
 * Urdu puts the question word anywhere, usually late ("helpline ka number kya hai", "ہیلپ لائن نمبر کیا
 * ہے"), and phone users rarely type "?". Form answers (names, numbers, addresses of IPs) never contain these.
 */
const URDU_QUESTION_WORDS =
  /(^|\s)(kya|kia|kiya|kaise|kese|kaisay|kab|kyun|kyon|kahan|kahaan|kon|kaun|kitna|kitne|kitni|کیا|کیسے|کب|کیوں|کہاں|کون|کتنا|کتنے|کتنی)(\s|$)/iu;

/** A message that reads as a question to the FAQ rather than an answer to the form. */
export function looksLikeQuestion(text: string): boolean {
  const trimmed = text.trim();
  const words = trimmed.split(/\s+/).length;
  if (/[?؟]$/.test(trimmed) && words >= 3) return true;
  if (URDU_QUESTION_WORDS.test(trimmed) && words >= 3) return true;
  return QUESTION_OPENERS.test(trimmed) && words >= 4;
}

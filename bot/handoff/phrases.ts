/**
 * What users and agents type to steer a hand-off. Pure, so the words are tested on their own.
 * Matching is whole-message (after normalising), so "bot" ends a chat but "my bot question" does not.
 */
import { normalizeCommand } from '../intents';

const endWords = new Set(
  ['end chat', 'end the chat', 'end', 'bot', 'back to bot', 'back to the bot', 'talk to the bot', 'stop chat', 'chat khatam', 'baat khatam',
    'بات ختم', 'چیٹ ختم', 'بوٹ', 'بوٹ سے بات', 'ختم'].map(normalizeCommand),
);

const cancelWords = new Set(
  ['cancel', 'leave', 'leave queue', 'leave the queue', 'no', 'no thanks', 'stop', 'nahi', 'nahin', 'cancel karo', 'rehne do',
    'منسوخ', 'منسوخ کریں', 'نہیں', 'رہنے دیں', 'بس'].map(normalizeCommand),
);

/** The user wants the bot back ("end chat", "bot", "بات ختم"). */
export function isEndRequest(text: string): boolean {
  return endWords.has(normalizeCommand(text));
}

/** The user wants to leave the queue or decline an offer ("cancel", "منسوخ"). */
export function isCancelRequest(text: string): boolean {
  return cancelWords.has(normalizeCommand(text));
}

export type AgentCommand =
  | { kind: 'note'; text: string }
  | { kind: 'end' }
  | { kind: 'reply'; name: string }
  | { kind: 'message'; text: string }
  | { kind: 'empty' };

/** Reads an agent's thread message: `/note …` is private, `/end` closes, `/reply <name>` sends a saved reply, anything else goes to the user. */
export function parseAgentCommand(text: string): AgentCommand {
  const trimmed = text.trim();
  if (!trimmed) return { kind: 'empty' };
  const note = /^\/note\b\s*([\s\S]*)$/i.exec(trimmed);
  if (note) return { kind: 'note', text: note[1].trim() };
  if (/^\/end\s*$/i.test(trimmed)) return { kind: 'end' };
  const reply = /^\/reply\s+(\S[\s\S]*)$/i.exec(trimmed);
  if (reply) return { kind: 'reply', name: reply[1].trim() };
  return { kind: 'message', text: trimmed };
}

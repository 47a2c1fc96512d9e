/**
 * What users and agents type to steer a hand-off; the words live in bot/domain/commands.ts.
 * Matching is whole-message (after normalising), so "bot" ends a chat but "my bot question" does not.
 */
import { isCommand, leavesQueue } from '../domain/commands';

/** The user wants the bot back ("end chat", "bot", "بات ختم"). */
export function isEndRequest(text: string): boolean {
  return isCommand(text, 'endChat');
}

/** The user wants to leave the queue or decline an offer: cancel, no or leave ("منسوخ", "نهيں", "mansookh", "بس"). */
export function isCancelRequest(text: string): boolean {
  return leavesQueue(text);
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

/** Conversations and their transcripts for the console: masked unless revealed (which is audited), plus private notes. */
import type { PrismaClient } from '../../generated/prisma/client';
import { maskText } from '../privacy/mask';
import type { ConsoleActor } from './auth';
import { ConsoleError } from './errors';

export interface ConversationSummary {
  conversationId: string;
  channelId: string;
  userName: string | null;
  language: string | null;
  updatedAt: string;
}

export interface TranscriptEntry {
  id: string;
  direction: 'incoming' | 'outgoing' | 'activity';
  private: boolean;
  userName: string | null;
  text: string | null;
  createdAt: string;
}

/** The most recently active conversations (from the stored conversation references). */
export async function recentConversations(prisma: PrismaClient, limit = 100): Promise<ConversationSummary[]> {
  const refs = await prisma.conversationRef.findMany({ orderBy: { updatedAt: 'desc' }, take: limit });
  return refs.map((r) => ({ conversationId: r.conversationId, channelId: r.channelId, userName: r.userName, language: r.language, updatedAt: r.updatedAt.toISOString() }));
}

/** A conversation's messages in order; PII masked unless `reveal`, and a reveal writes an AuditLog row first. */
export async function readTranscript(prisma: PrismaClient, conversationId: string, options: { reveal: boolean; actor: ConsoleActor }): Promise<TranscriptEntry[]> {
  const messages = await prisma.transcriptMessage.findMany({ where: { conversationId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: 2000 });
  if (messages.length === 0) {
    const ref = await prisma.conversationRef.findUnique({ where: { conversationId }, select: { conversationId: true } });
    if (!ref) throw new ConsoleError('not_found', 'no such conversation');
  }
  if (options.reveal) await prisma.auditLog.create({ data: { actorId: options.actor.oid, action: 'transcript.reveal', target: conversationId } });
  return messages.map((m) => ({
    id: m.id,
    direction: m.direction,
    private: m.private,
    userName: m.userName,
    text: m.text === null || options.reveal ? m.text : maskText(m.text),
    createdAt: m.createdAt.toISOString(),
  }));
}

/** Stores a private agent note in the conversation's transcript (as bot/handoff stores `/note`); never sent to the user. */
export async function addNote(prisma: PrismaClient, conversationId: string, text: string, actor: ConsoleActor): Promise<TranscriptEntry> {
  const ref = await prisma.conversationRef.findUnique({ where: { conversationId }, select: { channelId: true } });
  const channelId = ref?.channelId ?? (await prisma.transcriptMessage.findFirst({ where: { conversationId }, select: { channelId: true } }))?.channelId;
  if (!channelId) throw new ConsoleError('not_found', 'no such conversation');
  const note = await prisma.transcriptMessage.create({
    data: { conversationId, channelId, userId: actor.oid, userName: actor.name, direction: 'activity', private: true, text },
  });
  return { id: note.id, direction: note.direction, private: true, userName: note.userName, text: note.text, createdAt: note.createdAt.toISOString() };
}

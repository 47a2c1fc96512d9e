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
  const names = await contactNames(
    prisma,
    refs.filter((r) => !r.userName),
  );
  return refs.map((r) => ({
    conversationId: r.conversationId,
    channelId: r.channelId,
    userName: r.userName ?? names.get(userKey(r)) ?? null,
    language: r.language,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

const userKey = (r: { channelId: string; userId: string }) => `${r.channelId}\u0000${r.userId}`;

/** Web Chat gives no names: a user's contact person from their latest request stands in for it. */
async function contactNames(prisma: PrismaClient, users: { channelId: string; userId: string }[]): Promise<Map<string, string>> {
  if (users.length === 0) return new Map();
  const requests = await prisma.request.findMany({
    where: { OR: users.map((u) => ({ channelId: u.channelId, userId: u.userId })) },
    orderBy: { createdAt: 'asc' },
    select: { channelId: true, userId: true, fields: true },
  });
  const names = new Map<string, string>();
  for (const r of requests) {
    const name =
      typeof r.fields === 'object' && r.fields !== null && !Array.isArray(r.fields)
        ? (r.fields as Record<string, unknown>).contactName
        : undefined;
    if (typeof name === 'string' && name) names.set(userKey(r), name);
  }
  return names;
}

/** A conversation's messages in order; PII masked unless `reveal`, and a reveal writes an AuditLog row first. */
export async function readTranscript(
  prisma: PrismaClient,
  conversationId: string,
  options: { reveal: boolean; actor: ConsoleActor },
): Promise<TranscriptEntry[]> {
  const messages = await prisma.transcriptMessage.findMany({
    where: { conversationId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: 2000,
  });
  if (messages.length === 0) {
    const ref = await prisma.conversationRef.findUnique({ where: { conversationId }, select: { conversationId: true } });
    if (!ref) throw new ConsoleError('not_found', 'no such conversation');
  }
  if (options.reveal)
    await prisma.auditLog.create({ data: { actorId: options.actor.oid, action: 'transcript.reveal', target: conversationId } });
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
  const channelId =
    ref?.channelId ?? (await prisma.transcriptMessage.findFirst({ where: { conversationId }, select: { channelId: true } }))?.channelId;
  if (!channelId) throw new ConsoleError('not_found', 'no such conversation');
  const note = await prisma.transcriptMessage.create({
    data: { conversationId, channelId, userId: actor.oid, userName: actor.name, direction: 'activity', private: true, text },
  });
  return {
    id: note.id,
    direction: note.direction,
    private: true,
    userName: note.userName,
    text: note.text,
    createdAt: note.createdAt.toISOString(),
  };
}

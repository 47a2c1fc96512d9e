/**
 * Where a person is reached now: the one-to-one conversation they used last on their channel (a Web Chat
 * user who came back talks in a new one; a Teams user who also writes in a team channel is told in their
 * own chat, never in the channel). Every proactive message addressed to a person (decision notices,
 * announcements, reminders) asks here, so the rule lives in one place.
 */
import type { ConversationReference } from 'botbuilder';
import type { PrismaClient } from '../../generated/prisma/client';

export interface PersonOnChannel {
  channelId: string;
  userId: string;
}

export interface LatestConversation {
  conversationId: string;
  reference: Partial<ConversationReference>;
  /** The reply language last used there; undefined when never recorded. */
  language?: string;
}

/** The person's most recent one-to-one conversation, or null when the bot never talked to them. */
export async function latestConversationOf(prisma: PrismaClient, person: PersonOnChannel): Promise<LatestConversation | null> {
  const recent = await prisma.conversationRef.findMany({
    where: { channelId: person.channelId, userId: person.userId },
    orderBy: { updatedAt: 'desc' },
    take: 10,
  });
  const row = recent.find((candidate) => isOneToOne(candidate.reference));
  if (!row) return null;
  return {
    conversationId: row.conversationId,
    reference: row.reference as unknown as Partial<ConversationReference>,
    language: row.language ?? (await storedLanguageOf(prisma, person)),
  };
}

/** The reply language kept in the person's UserState (botbuilder's `<channel>/users/<user>/` row), else their latest request's. */
async function storedLanguageOf(prisma: PrismaClient, person: PersonOnChannel): Promise<string | undefined> {
  const state = await prisma.botState.findUnique({ where: { key: `${person.channelId}/users/${person.userId}/` }, select: { data: true } });
  const preference = (state?.data as { language?: { language?: unknown } } | null)?.language?.language;
  if (typeof preference === 'string') return preference;
  const request = await prisma.request.findFirst({
    where: { channelId: person.channelId, userId: person.userId },
    orderBy: { createdAt: 'desc' },
    select: { language: true },
  });
  return request?.language;
}

/** A personal chat (Teams `personal`, or a channel without conversation types such as Web Chat). */
export function isOneToOne(reference: unknown): boolean {
  const conversation = isRecord(reference) && isRecord(reference.conversation) ? reference.conversation : {};
  return conversation.conversationType === undefined || conversation.conversationType === 'personal';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Where a person is reached now: the conversation they used last on their channel. Every proactive
 * message addressed to a person (announcements, reminders) asks here, so the rule lives in one place.
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
  const row = await prisma.conversationRef.findFirst({
    where: { channelId: person.channelId, userId: person.userId },
    orderBy: { updatedAt: 'desc' },
  });
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

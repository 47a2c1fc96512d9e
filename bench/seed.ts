/**
 * Stores N conversations the way real turns leave them — conversation and user state, a conversation
 * reference, one line in and one out — in bulk, so the RSS figure is taken over a full database
 * without spending minutes of the bench on driving them one by one.
 */
import type { PrismaClient, Prisma } from '../generated/prisma/client';

/** Inserts `count` conversations in chunks; returns how many exist afterwards. */
export async function seedConversations(prisma: PrismaClient, count: number, tag: string): Promise<number> {
  const chunk = 1_000;
  for (let start = 0; start < count; start += chunk) {
    const ids = Array.from({ length: Math.min(chunk, count - start) }, (_, i) => `seed-${tag}-${start + i}`);
    const reference = (id: string): Prisma.InputJsonValue => ({ conversation: { id }, channelId: 'webchat', serviceUrl: 'http://127.0.0.1:9/', user: { id: `u-${id}` }, bot: { id: 'bot' } });
    await prisma.botState.createMany({
      data: ids.flatMap((id) => [
        { key: `webchat/conversations/${id}/`, data: { dialogState: { dialogStack: [] } }, etag: id },
        { key: `webchat/users/u-${id}/`, data: { language: { language: 'en' } }, etag: id },
      ]),
      skipDuplicates: true,
    });
    await prisma.conversationRef.createMany({ data: ids.map((id) => ({ conversationId: id, channelId: 'webchat', userId: `u-${id}`, reference: reference(id) })), skipDuplicates: true });
    await prisma.transcriptMessage.createMany({
      data: ids.flatMap((id) => [
        { conversationId: id, channelId: 'webchat', userId: `u-${id}`, direction: 'incoming' as const, text: 'What documents do I need for whitelisting?' },
        { conversationId: id, channelId: 'webchat', userId: `u-${id}`, direction: 'outgoing' as const, text: 'You need your PSEB registration, NTN and the list of agents.' },
      ]),
    });
  }
  return prisma.conversationRef.count();
}

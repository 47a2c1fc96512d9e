/** Stored transcript lines and the conversation references proactive messages need. */
import type { PrismaClient, Prisma } from '../../generated/prisma/client';

export type Direction = 'incoming' | 'outgoing' | 'activity';

export interface TranscriptEntry {
  conversationId: string;
  channelId: string;
  userId?: string;
  userName?: string;
  direction: Direction;
  text: string | null;
  activityId?: string;
  private?: boolean;
}

export interface ConversationRefEntry {
  conversationId: string;
  channelId: string;
  userId: string;
  userName?: string;
  language?: string;
  reference: Record<string, unknown>;
}

/** What the transcript middleware and later the console need from storage. */
export interface TranscriptStore {
  record(entries: TranscriptEntry[]): Promise<void>;
  rememberConversation(ref: ConversationRefEntry): Promise<void>;
}

/** Longest text kept per line; the rest of a 10 kB paste is not worth an agent's screen. */
export const MAX_TRANSCRIPT_TEXT = 4000;

export class PrismaTranscriptStore implements TranscriptStore {
  constructor(private readonly prisma: PrismaClient) {}

  /** Appends lines in one statement. */
  async record(entries: TranscriptEntry[]): Promise<void> {
    if (!entries.length) return;
    await this.prisma.transcriptMessage.createMany({
      data: entries.map((e) => ({ ...e, text: e.text === null ? null : e.text.slice(0, MAX_TRANSCRIPT_TEXT) })),
    });
  }

  /** Keeps the latest reference for a conversation. */
  async rememberConversation(ref: ConversationRefEntry): Promise<void> {
    const reference = ref.reference as Prisma.InputJsonValue;
    await this.prisma.conversationRef.upsert({
      where: { conversationId: ref.conversationId },
      create: { ...ref, reference },
      update: { userId: ref.userId, userName: ref.userName, language: ref.language, reference, channelId: ref.channelId },
    });
  }
}

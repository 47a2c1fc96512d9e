/** Stored transcript lines and the conversation references proactive messages need. */
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../../generated/prisma/client';
import { TickBatcher } from '../batching/tickBatcher';
import { prismaRunner, valuesList, type SqlRunner } from '../../prisma/sql';

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
  /** When it happened; the time of the write when absent. */
  createdAt?: Date;
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
  /** Lines and references of concurrent turns are written together (group commit). */
  private readonly lines: TickBatcher<TranscriptEntry[], void>;
  private readonly references: TickBatcher<ConversationRefEntry, void>;

  /** `sql` runs the writes; by default through the Prisma client, in the app straight on the driver. */
  constructor(
    prisma: PrismaClient,
    private readonly sql: SqlRunner = prismaRunner(prisma),
  ) {
    this.lines = new TickBatcher((batches) => this.insertLines(batches.flat()).then(() => batches.map(() => undefined)));
    this.references = new TickBatcher((refs) => this.upsertReferences(refs).then(() => refs.map(() => undefined)));
  }

  /** Appends lines; returns once they are stored. */
  async record(entries: TranscriptEntry[]): Promise<void> {
    if (!entries.length) return;
    await this.lines.add(entries);
  }

  /** Keeps the latest reference for a conversation; returns once it is stored. */
  async rememberConversation(ref: ConversationRefEntry): Promise<void> {
    await this.references.add(ref);
  }

  private async insertLines(entries: TranscriptEntry[]): Promise<void> {
    const now = new Date().toISOString();
    await this.sql(
      `INSERT INTO transcript_message (id, conversation_id, channel_id, user_id, user_name, direction, text, private, activity_id, created_at)
      VALUES ${valuesList(entries.length, 10, ['::text', '::text', '::text', '::text', '::text', '::"MessageDirection"', '::text', '::boolean', '::text', '::timestamp'])}`,
      entries.flatMap((e) => [
        randomUUID(),
        e.conversationId,
        e.channelId,
        e.userId ?? null,
        e.userName ?? null,
        e.direction,
        e.text === null ? null : e.text.slice(0, MAX_TRANSCRIPT_TEXT),
        e.private ?? false,
        e.activityId ?? null,
        e.createdAt?.toISOString() ?? now,
      ]),
    );
  }

  /**
   * One upsert for the batch. A field left undefined keeps its stored value, as Prisma's upsert did;
   * a conversation twice in one batch keeps its later reference (one statement may not update a row twice).
   */
  private async upsertReferences(refs: ConversationRefEntry[]): Promise<void> {
    const latest = [...new Map(refs.map((ref) => [ref.conversationId, ref])).values()];
    const now = new Date().toISOString();
    await this.sql(
      `INSERT INTO conversation_ref (conversation_id, channel_id, user_id, user_name, language, reference, updated_at)
      VALUES ${valuesList(latest.length, 7, ['::text', '::text', '::text', '::text', '::text', '::jsonb', '::timestamp'])}
      ON CONFLICT (conversation_id) DO UPDATE SET
        channel_id = EXCLUDED.channel_id,
        user_id = EXCLUDED.user_id,
        user_name = COALESCE(EXCLUDED.user_name, conversation_ref.user_name),
        language = COALESCE(EXCLUDED.language, conversation_ref.language),
        reference = EXCLUDED.reference,
        updated_at = EXCLUDED.updated_at`,
      latest.flatMap((r) => [
        r.conversationId,
        r.channelId,
        r.userId,
        r.userName ?? null,
        r.language ?? null,
        JSON.stringify(r.reference),
        now,
      ]),
    );
  }
}

/** Stored transcript lines and the conversation references proactive messages need. */
import type { PrismaClient } from '../../generated/prisma/client';
import { prismaRunner } from '../../prisma/sql';
import { TurnStatements, type ConversationRefRow, type TranscriptLine } from '../storage/turnStatements';

export type { Direction } from '../storage/turnStatements';
export { MAX_TRANSCRIPT_TEXT } from '../storage/turnStatements';

/** One line; `createdAt` is when it happened (the time of the write when absent). */
export type TranscriptEntry = TranscriptLine;
export type ConversationRefEntry = ConversationRefRow;

/** What the transcript middleware and later the console need from storage. */
export interface TranscriptStore {
  record(entries: TranscriptEntry[]): Promise<void>;
  rememberConversation(ref: ConversationRefEntry): Promise<void>;
}

export class PrismaTranscriptStore implements TranscriptStore {
  /**
   * `statements` runs the writes; by default through the Prisma client, in the app the turn's shared
   * write (group commit with the state, the FAQ log and those of concurrent turns).
   */
  constructor(
    prisma: PrismaClient,
    private readonly statements: TurnStatements = new TurnStatements(prismaRunner(prisma)),
  ) {}

  /** Appends lines; returns once they are stored. */
  async record(entries: TranscriptEntry[]): Promise<void> {
    await this.statements.recordLines(entries);
  }

  /** Keeps the latest reference for a conversation (a field left undefined keeps its stored value); returns once it is stored. */
  async rememberConversation(ref: ConversationRefEntry): Promise<void> {
    await this.statements.rememberConversation(ref);
  }
}

/**
 * Direct Line conversations and their activities in the database. Every write to a conversation first
 * locks its row and gives the activity the next position in the conversation (`seq`, the watermark), so
 * positions are committed in order: a poller that has seen seq N can never later find an activity of that
 * conversation at or below N.
 */
import { Prisma, type PrismaClient } from '../../generated/prisma/client';
import { ConversationSignals } from './signals';
import type { Notifications } from '../../prisma/notifications';

/** A stored activity as clients see it. */
export type StoredActivity = Record<string, unknown> & { id: string };

export interface ActivityPage {
  activities: StoredActivity[];
  /** The seq of the last activity returned, or the one asked with when nothing is new. */
  watermark: number | undefined;
}

export interface ConversationRow {
  id: string;
  userId: string | null;
}

/** The conversation was never started (or its token names one that does not exist). */
export class UnknownConversationError extends Error {
  constructor(readonly conversationId: string) {
    super('unknown conversation');
    this.name = 'UnknownConversationError';
  }
}

type Tx = Prisma.TransactionClient;

const asJson = (activity: StoredActivity): Prisma.InputJsonObject => activity as Prisma.InputJsonObject;

const isUniqueViolation = (err: unknown): boolean => err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';

export class DirectLineStore {
  /** Fired after each committed write, for streams on this instance. */
  readonly signals: ConversationSignals;

  /** With notifications, streams on other instances are woken by this instance's writes. */
  constructor(
    private readonly prisma: PrismaClient,
    notifications?: Notifications,
  ) {
    this.signals = new ConversationSignals(notifications);
  }

  /** Creates the conversation if needed; returns whether it is new. */
  async start(conversationId: string, userId: string): Promise<boolean> {
    try {
      await this.prisma.directLineConversation.create({ data: { id: conversationId, userId } });
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }

  /** The conversation, if it was started. */
  find(conversationId: string): Promise<ConversationRow | null> {
    return this.prisma.directLineConversation.findUnique({ where: { id: conversationId }, select: { id: true, userId: true } });
  }

  /** Appends an activity; returns its seq. Throws UnknownConversationError. */
  async append(conversationId: string, activity: StoredActivity): Promise<number> {
    const seq = await this.prisma.$transaction(async (tx) => {
      await lock(tx, conversationId);
      const next = await nextSeq(tx, conversationId);
      await tx.directLineActivity.create({ data: { seq: next, id: activity.id, conversationId, activity: asJson(activity) } });
      return next;
    });
    this.signals.notify(conversationId);
    return Number(seq);
  }

  /**
   * Replaces an activity (the bot updated it): the new version gets a new seq so pollers past the old
   * one still receive it, under the same id so Web Chat swaps it in place. False when there is none.
   */
  async replace(conversationId: string, activity: StoredActivity): Promise<boolean> {
    const replaced = await this.prisma.$transaction(async (tx) => {
      await lock(tx, conversationId);
      // Taken before the delete: the old version may hold the highest position, and its seq is never reused.
      const next = await nextSeq(tx, conversationId);
      const removed = await tx.directLineActivity.deleteMany({ where: { id: activity.id, conversationId } });
      if (removed.count === 0) return false;
      await tx.directLineActivity.create({ data: { seq: next, id: activity.id, conversationId, activity: asJson(activity) } });
      return true;
    });
    if (replaced) this.signals.notify(conversationId);
    return replaced;
  }

  /** The activities after a watermark, oldest first. */
  async list(conversationId: string, after: number | undefined, limit: number): Promise<ActivityPage> {
    const rows = await this.prisma.directLineActivity.findMany({
      where: { conversationId, ...(after === undefined ? {} : { seq: { gt: BigInt(after) } }) },
      orderBy: { seq: 'asc' },
      take: limit,
      select: { seq: true, activity: true },
    });
    return {
      activities: rows.map((r) => r.activity as StoredActivity),
      watermark: rows.length ? Number(rows[rows.length - 1].seq) : after,
    };
  }

  /** The stored original of an activity (for updates, which keep its timestamp). */
  async get(conversationId: string, activityId: string): Promise<StoredActivity | undefined> {
    const row = await this.prisma.directLineActivity.findFirst({ where: { id: activityId, conversationId }, select: { activity: true } });
    return row ? (row.activity as StoredActivity) : undefined;
  }
}

/** The next position in the conversation (its row must be locked). */
async function nextSeq(tx: Tx, conversationId: string): Promise<bigint> {
  const { _max } = await tx.directLineActivity.aggregate({ where: { conversationId }, _max: { seq: true } });
  return (_max.seq ?? 0n) + 1n;
}

/** Row-locks the conversation for the rest of the transaction (a no-op UPDATE takes the lock). */
async function lock(tx: Tx, conversationId: string): Promise<void> {
  const { count } = await tx.directLineConversation.updateMany({ where: { id: conversationId }, data: { id: conversationId } });
  if (count === 0) throw new UnknownConversationError(conversationId);
}

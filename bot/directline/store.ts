/**
 * Direct Line conversations and their activities in the database. A conversation gets its row with its
 * first activity (a start stores nothing). Every write to a conversation first locks its row and gives the
 * activity the next position in the conversation (`seq`, the watermark), so positions are committed in
 * order: a poller that has seen seq N can never later find an activity of that conversation at or below N.
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

/** What a conversation's first stored activity brings along: its user and the welcome clients were shown. */
export interface Opening {
  userId: string;
  /** Stored at positions 1…n, where the welcome computed on the fly showed them. */
  welcome: readonly StoredActivity[];
}

export interface Appended {
  seq: number;
  /** True when this activity created the conversation (it was its first). */
  created: boolean;
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

  /** The conversation, once something was stored in it. */
  find(conversationId: string): Promise<ConversationRow | null> {
    return this.prisma.directLineConversation.findUnique({ where: { id: conversationId }, select: { id: true, userId: true } });
  }

  /**
   * Appends an activity; returns its seq and whether it created the conversation. With an opening, a conversation not stored yet is created with
   * its welcome in the same transaction (when two first activities race, one creates it and the other
   * only appends). Without one, throws UnknownConversationError for a conversation not stored yet.
   */
  async append(conversationId: string, activity: StoredActivity, opening?: Opening): Promise<Appended> {
    const appended = await this.prisma.$transaction(async (tx) => {
      const created = opening ? await open(tx, conversationId, opening) : false;
      await lock(tx, conversationId);
      if (created) await insertWelcome(tx, conversationId, opening?.welcome ?? []);
      const seq = await nextSeq(tx, conversationId);
      await tx.directLineActivity.create({ data: { seq, id: activity.id, conversationId, activity: asJson(activity) } });
      return { seq: Number(seq), created };
    });
    this.signals.notify(conversationId);
    return appended;
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

/** Creates the conversation's row unless it exists; true when this transaction created it. */
async function open(tx: Tx, conversationId: string, opening: Opening): Promise<boolean> {
  const { count } = await tx.directLineConversation.createMany({
    data: [{ id: conversationId, userId: opening.userId }],
    skipDuplicates: true,
  });
  return count === 1;
}

/** Stores the welcome at positions 1…n. */
async function insertWelcome(tx: Tx, conversationId: string, welcome: readonly StoredActivity[]): Promise<void> {
  if (welcome.length === 0) return;
  await tx.directLineActivity.createMany({
    data: welcome.map((activity, index) => ({ seq: BigInt(index + 1), id: activity.id, conversationId, activity: asJson(activity) })),
  });
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

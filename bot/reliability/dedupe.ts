/**
 * Channel retries: the same activity (channel + conversation + activity id) delivered twice is
 * processed once. A claim is a ProcessedActivity row inserted if absent (or if the old one expired);
 * a turn that fails releases its claim so the channel's retry, or our own eTag retry, runs again.
 */
import { createHash } from 'node:crypto';
import type { Activity, Middleware, TurnContext } from 'botbuilder';
import type { PrismaClient } from '../../generated/prisma/client';
import { prismaRunner } from '../../prisma/sql';
import { TurnStatements } from '../storage/turnStatements';
import type { Logger } from '../logger';

/** Channels retry within seconds to minutes; ten minutes covers them without keeping rows long. */
export const DEDUPE_TTL_MS = 10 * 60_000;
/** Expired claims are swept at most this often, by whichever turn comes by. */
export const DEDUPE_SWEEP_INTERVAL_MS = 60_000;

/** The identity of a delivery, or undefined when the activity has no id to recognise it by. */
export function activityKey(activity: Pick<Partial<Activity>, 'channelId' | 'conversation' | 'id'>): string | undefined {
  const { channelId, id } = activity;
  const conversationId = activity.conversation?.id;
  if (!channelId || !conversationId || !id) return undefined;
  // Hashed so hostile ids of any length make a fixed-size primary key.
  return createHash('sha256')
    .update(JSON.stringify([channelId, conversationId, id]))
    .digest('base64url');
}

/** Where claims live. */
export interface DedupeStore {
  /** True when this call made the claim; false when a live claim already exists. */
  claim(key: string, expiresAt: Date): Promise<boolean>;
  release(key: string): Promise<void>;
  /** Deletes claims expired before `now`; returns how many. */
  sweep(now: Date): Promise<number>;
}

export class PrismaDedupeStore implements DedupeStore {
  /**
   * `statements` runs the claim; by default through the Prisma client, in the app the turn's shared read
   * (one statement with the state rows and the claims of concurrent turns, so two instances racing for the
   * same key cannot both win, and a key twice in one batch is won by its first copy only).
   */
  constructor(
    private readonly prisma: PrismaClient,
    private readonly statements: TurnStatements = new TurnStatements(prismaRunner(prisma)),
  ) {}

  /** True when this call made the claim; resolves once the claim is stored. */
  async claim(key: string, expiresAt: Date): Promise<boolean> {
    return this.statements.claim(key, expiresAt);
  }

  async release(key: string): Promise<void> {
    await this.prisma.processedActivity.deleteMany({ where: { key } });
  }

  async sweep(now: Date): Promise<number> {
    const { count } = await this.prisma.processedActivity.deleteMany({ where: { expiresAt: { lt: now } } });
    return count;
  }
}

export interface DedupeOptions {
  ttlMs?: number;
  /**
   * Work started together with the claim, so it shares its round trip (the app loads the turn's state
   * here); its result is simply unused when the delivery turns out to be a duplicate.
   */
  prefetch?: (context: TurnContext) => Promise<unknown>;
  sweepIntervalMs?: number;
  now?: () => number;
}

export class DedupeMiddleware implements Middleware {
  private lastSweep = 0;
  private readonly ttlMs: number;
  private readonly sweepIntervalMs: number;
  private readonly now: () => number;
  private readonly prefetch: (context: TurnContext) => Promise<unknown>;

  constructor(
    private readonly store: DedupeStore,
    private readonly logger: Logger,
    options: DedupeOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? DEDUPE_TTL_MS;
    this.sweepIntervalMs = options.sweepIntervalMs ?? DEDUPE_SWEEP_INTERVAL_MS;
    this.now = options.now ?? Date.now;
    this.prefetch = options.prefetch ?? (() => Promise.resolve());
  }

  /** Skips a delivery already claimed; otherwise runs the turn and keeps the claim only if it succeeded. */
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const key = activityKey(context.activity);
    if (!key) return next();
    const now = this.now();
    const [claim, prefetched] = await Promise.allSettled([this.store.claim(key, new Date(now + this.ttlMs)), this.prefetch(context)]);
    if (claim.status === 'rejected') throw claim.reason;
    if (!claim.value) {
      this.logger.info({ channelId: context.activity.channelId, type: context.activity.type }, 'duplicate delivery skipped');
      return;
    }
    this.sweepNowAndThen(now);
    try {
      if (prefetched.status === 'rejected') throw prefetched.reason;
      await next();
    } catch (err) {
      await this.store
        .release(key)
        .catch((releaseError: unknown) => this.logger.warn({ err: releaseError }, 'could not release dedupe claim'));
      throw err;
    }
  }

  private sweepNowAndThen(now: number): void {
    if (now - this.lastSweep < this.sweepIntervalMs) return;
    this.lastSweep = now;
    this.store.sweep(new Date(now)).catch((err: unknown) => this.logger.warn({ err }, 'dedupe sweep failed'));
  }
}

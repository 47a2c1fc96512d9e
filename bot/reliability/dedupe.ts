/**
 * Channel retries: the same activity (channel + conversation + activity id) delivered twice is
 * processed once. A claim is a ProcessedActivity row inserted if absent (or if the old one expired);
 * a turn that fails releases its claim so the channel's retry, or our own eTag retry, runs again.
 */
import { createHash } from 'node:crypto';
import type { Activity, Middleware, TurnContext } from 'botbuilder';
import type { PrismaClient } from '../../generated/prisma/client';
import { TickBatcher } from '../batching/tickBatcher';
import { prismaRunner, valuesList, type SqlRunner } from '../../prisma/sql';
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
  /** Claims of concurrent turns go in one statement (group commit). */
  private readonly claims: TickBatcher<{ key: string; expiresAt: Date }, boolean>;

  /** `sql` runs the claim; by default through the Prisma client, in the app straight on the driver. */
  constructor(
    private readonly prisma: PrismaClient,
    private readonly sql: SqlRunner = prismaRunner(prisma),
  ) {
    this.claims = new TickBatcher((requests) => this.claimAll(requests));
  }

  /** True when this call made the claim; resolves once the claim is stored. */
  async claim(key: string, expiresAt: Date): Promise<boolean> {
    return this.claims.add({ key, expiresAt });
  }

  /**
   * One statement, so two instances racing for the same key cannot both win. A key twice in one batch
   * (a retry landing with the original) is claimed by its first copy only.
   */
  private async claimAll(requests: { key: string; expiresAt: Date }[]): Promise<boolean[]> {
    const first = new Map<string, number>();
    requests.forEach((r, i) => first.has(r.key) || first.set(r.key, i));
    const keys = [...first.keys()];
    // Times as UTC wall-clock strings, the way Prisma stores timestamp(3); "now" in the same terms.
    const claimed = await this.sql<{ key: string }>(
      `INSERT INTO processed_activity (key, expires_at) VALUES ${valuesList(keys.length, 2, ['::text', '::timestamp'])}
      ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at
      WHERE processed_activity.expires_at < $${keys.length * 2 + 1}::timestamp
      RETURNING key`,
      [...keys.flatMap((key) => [key, requests[first.get(key)!].expiresAt.toISOString()]), new Date().toISOString()],
    );
    const won = new Set(claimed.map((row) => row.key));
    return requests.map((r, i) => won.has(r.key) && first.get(r.key) === i);
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
  sweepIntervalMs?: number;
  now?: () => number;
}

export class DedupeMiddleware implements Middleware {
  private lastSweep = 0;
  private readonly ttlMs: number;
  private readonly sweepIntervalMs: number;
  private readonly now: () => number;

  constructor(
    private readonly store: DedupeStore,
    private readonly logger: Logger,
    options: DedupeOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? DEDUPE_TTL_MS;
    this.sweepIntervalMs = options.sweepIntervalMs ?? DEDUPE_SWEEP_INTERVAL_MS;
    this.now = options.now ?? Date.now;
  }

  /** Skips a delivery already claimed; otherwise runs the turn and keeps the claim only if it succeeded. */
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const key = activityKey(context.activity);
    if (!key) return next();
    const now = this.now();
    if (!(await this.store.claim(key, new Date(now + this.ttlMs)))) {
      this.logger.info({ channelId: context.activity.channelId, type: context.activity.type }, 'duplicate delivery skipped');
      return;
    }
    this.sweepNowAndThen(now);
    try {
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

/**
 * The announcement delivery queue, kept in announcement_delivery. Each instance claims due rows with
 * `FOR UPDATE SKIP LOCKED` in one UPDATE … RETURNING, so two instances never hold the same row; a row
 * is leased (status SENDING, due_at = end of lease) and a row left SENDING by a dead instance is claimed
 * again once its lease runs out. Sends are paced by one shared slot counter in the database (the rate
 * is for all instances together); 429 / 5xx are retried after Retry-After or a jittered exponential
 * backoff, 403 / 404 and other refusals are failed with the reason and never retried.
 */
import type { Activity } from 'botbuilder';
import type { i18n } from 'i18next';
import type { PrismaClient } from '../../generated/prisma/client';
import type { Logger } from '../logger';
import type { Delivery, Messenger } from '../proactive/messenger';
import { latestConversationOf } from '../proactive/latestConversation';
import { isUiLanguage, type UiLanguage } from '../i18n';
import { textIn, type AnnouncementStore } from './store';
import type { OptOutStore } from './optOut';

export interface WorkerSettings {
  /** Sends per second, all instances together. */
  ratePerSecond: number;
  /** How long a claimed row is held before another instance may take it. */
  leaseMs: number;
  /** Attempts before a retryable failure is recorded as failed. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  batchSize: number;
}

export const defaultWorkerSettings: WorkerSettings = {
  ratePerSecond: 5,
  leaseMs: 2 * 60_000,
  maxAttempts: 6,
  baseDelayMs: 2_000,
  maxDelayMs: 10 * 60_000,
  batchSize: 20,
};

export interface WorkerDeps {
  prisma: PrismaClient;
  store: AnnouncementStore;
  optOuts: OptOutStore;
  /** One attempt per call (no retries of its own): the queue decides when to try again. */
  messenger: Messenger;
  i18n: i18n;
  logger: Logger;
  settings?: Partial<WorkerSettings>;
  clock?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** 0 ≤ x < 1, for the backoff's jitter. */
  random?: () => number;
}

interface ClaimedRow {
  id: string;
  announcement_id: string;
  channel_id: string;
  user_id: string;
  user_key: string;
  attempts: number;
}

const paceKey = 'announcements.pace';
const maxSlotAheadMs = 10_000;
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Whether a failed send may succeed later (throttled, server error, network). */
export function isRetryable(delivery: Exclude<Delivery, { ok: true }>): boolean {
  if (delivery.kind === 'unreachable') return false;
  return delivery.status === undefined || delivery.status === 429 || delivery.status >= 500;
}

/** Wait before attempt `attempts + 1`: Retry-After when given, else base·2^(n-1) with ±50 % jitter, capped. */
export function backoffMs(
  attempts: number,
  retryAfterMs: number | undefined,
  settings: Pick<WorkerSettings, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, settings.maxDelayMs);
  const exponential = settings.baseDelayMs * 2 ** Math.max(0, attempts - 1);
  return Math.min(settings.maxDelayMs, Math.round(exponential * (0.5 + random())));
}

export class AnnouncementWorker {
  private readonly settings: WorkerSettings;
  private readonly clock: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private running: Promise<number> | undefined;

  constructor(private readonly deps: WorkerDeps) {
    this.settings = { ...defaultWorkerSettings, ...deps.settings };
    this.clock = deps.clock ?? (() => new Date());
    this.sleep = deps.sleep ?? realSleep;
    this.random = deps.random ?? Math.random;
  }

  /** Sends until nothing is due now; returns how many rows it settled or rescheduled. A call while one runs joins it. */
  drain(): Promise<number> {
    this.running ??= this.drainOnce().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Drains every `intervalMs` (and whenever wake() is called) until stop(), which waits for a running drain. */
  start(intervalMs: number): { stop(): Promise<void>; wake(): void } {
    let stopped = false;
    const tick = () => {
      if (!stopped) void this.drain().catch((err: unknown) => this.deps.logger.error({ err }, 'announcement delivery failed'));
    };
    const timer = setInterval(tick, intervalMs);
    timer.unref();
    return {
      stop: async () => {
        stopped = true;
        clearInterval(timer);
        await this.running?.catch(() => undefined);
      },
      wake: tick,
    };
  }

  /**
   * The next free send slot (ms since epoch), shared by every instance through one row. Each instance
   * holds one slot at a time, so a slot more than maxSlotAheadMs away can only come from a clock that
   * jumped: it is not waited for.
   */
  async nextSlot(): Promise<number> {
    const now = this.clock().getTime();
    const gap = Math.max(1, Math.round(1000 / this.settings.ratePerSecond));
    const latest = now + maxSlotAheadMs;
    const rows = await this.deps.prisma.$queryRaw<{ slot: bigint | number }[]>`
      INSERT INTO bot_setting (key, value, updated_at) VALUES (${paceKey}, to_jsonb(${now}::bigint), ${new Date(now)})
      ON CONFLICT (key) DO UPDATE SET
        value = to_jsonb(GREATEST(LEAST((bot_setting.value #>> '{}')::bigint + ${gap}::bigint, ${latest}::bigint), ${now}::bigint)),
        updated_at = EXCLUDED.updated_at
      RETURNING (value #>> '{}')::bigint AS slot`;
    return Number(rows[0].slot);
  }

  private async drainOnce(): Promise<number> {
    let handled = 0;
    for (;;) {
      const rows = await this.claim();
      if (!rows.length) return handled;
      for (const row of rows) {
        try {
          await this.deliver(row);
        } catch (err) {
          // A database hiccup: the lease runs out and the row is claimed again.
          this.deps.logger.error({ err, deliveryId: row.id }, 'announcement delivery step failed');
        }
        handled += 1;
      }
      const announcements = new Set(rows.map((r) => r.announcement_id));
      for (const id of announcements) await this.deps.store.finishIfDone(id);
    }
  }

  /** Takes up to batchSize due rows (pending, or sending with an expired lease) of announcements being sent. */
  private async claim(): Promise<ClaimedRow[]> {
    const now = this.clock();
    const leaseEnd = new Date(now.getTime() + this.settings.leaseMs);
    return this.deps.prisma.$queryRaw<ClaimedRow[]>`
      UPDATE announcement_delivery d SET status = 'SENDING', attempts = d.attempts + 1, due_at = ${leaseEnd}
      WHERE d.id IN (
        SELECT q.id FROM announcement_delivery q
        JOIN announcement a ON a.id = q.announcement_id AND a.status = 'SENDING'
        WHERE q.status IN ('PENDING', 'SENDING') AND q.due_at <= ${now}
        ORDER BY q.due_at
        LIMIT ${this.settings.batchSize}
        FOR UPDATE OF q SKIP LOCKED)
      RETURNING d.id, d.announcement_id, d.channel_id, d.user_id, d.user_key, d.attempts`;
  }

  private async deliver(row: ClaimedRow): Promise<void> {
    if (await this.deps.optOuts.isOptedOut(row.user_key)) return this.settle(row, 'OPTED_OUT', null);
    const [announcement, conversation] = await Promise.all([
      this.deps.prisma.announcement.findUnique({ where: { id: row.announcement_id } }),
      latestConversationOf(this.deps.prisma, { channelId: row.channel_id, userId: row.user_id }),
    ]);
    if (!announcement) return;
    if (!conversation) return this.settle(row, 'FAILED', 'NoConversationReference');
    const lang: UiLanguage = conversation.language && isUiLanguage(conversation.language) ? conversation.language : 'en';
    const wait = (await this.nextSlot()) - this.clock().getTime();
    if (wait > 0) await this.sleep(wait);
    const delivery = await this.deps.messenger.send(conversation.reference, this.activityFor(textIn(announcement, lang), lang));
    if (delivery.ok) return this.settle(row, 'SENT', null);
    const reason = [delivery.status, delivery.code].filter((p) => p !== undefined).join(' ');
    if (isRetryable(delivery) && row.attempts < this.settings.maxAttempts) {
      const delay = backoffMs(row.attempts, delivery.retryAfterMs, this.settings, this.random);
      await this.deps.prisma.announcementDelivery.updateMany({
        where: { id: row.id, status: 'SENDING', attempts: row.attempts },
        data: { status: 'PENDING', dueAt: new Date(this.clock().getTime() + delay), error: reason },
      });
      return;
    }
    return this.settle(row, 'FAILED', reason);
  }

  /** Plain text with a heading: every channel shows it, and staff markup is not interpreted. */
  private activityFor(text: string, lang: UiLanguage): Partial<Activity> {
    const t = this.deps.i18n.getFixedT(lang);
    return { type: 'message', text: `${t('announcements:heading')}\n\n${text}`, textFormat: 'plain', locale: lang };
  }

  /** Records the outcome, only if this instance still holds the row's lease. */
  private async settle(row: ClaimedRow, status: 'SENT' | 'FAILED' | 'OPTED_OUT', error: string | null): Promise<void> {
    await this.deps.prisma.announcementDelivery.updateMany({
      where: { id: row.id, status: 'SENDING', attempts: row.attempts },
      data: { status, error, sentAt: status === 'SENT' ? this.clock() : null },
    });
  }
}

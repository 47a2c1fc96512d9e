/**
 * Per-user message rate limit: an in-process token bucket per channel user. The first message over
 * the limit gets a polite answer in the user's language; further ones are dropped silently until the
 * bucket refills, so a flood never makes the bot flood back.
 */
import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { i18n } from 'i18next';
import type { Logger } from '../logger';
import { resolveLanguage, scriptDetector } from '../language';

export interface BucketState {
  tokens: number;
  updatedAt: number;
  /** The user was already told about the limit during this exhaustion. */
  warned: boolean;
}

export type Verdict = 'allow' | 'warn' | 'drop';

/** Refills a bucket to `now` and takes a token; pure, so the arithmetic is tested on its own. */
export function takeToken(state: BucketState | undefined, now: number, perMinute: number): { verdict: Verdict; state: BucketState } {
  const refillPerMs = perMinute / 60_000;
  const previous = state ?? { tokens: perMinute, updatedAt: now, warned: false };
  const elapsed = Math.max(0, now - previous.updatedAt);
  const tokens = Math.min(perMinute, previous.tokens + elapsed * refillPerMs);
  if (tokens >= 1) return { verdict: 'allow', state: { tokens: tokens - 1, updatedAt: now, warned: false } };
  return { verdict: previous.warned ? 'drop' : 'warn', state: { tokens, updatedAt: now, warned: true } };
}

/** Buckets beyond this many users are pruned (full ones first) so memory stays bounded under a flood of ids. */
const MAX_BUCKETS = 50_000;

export class RateLimiter {
  private readonly buckets = new Map<string, BucketState>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Decides for one message of `key`. */
  check(key: string): Verdict {
    const now = this.now();
    const { verdict, state } = takeToken(this.buckets.get(key), now, this.perMinute);
    this.buckets.delete(key);
    this.buckets.set(key, state);
    if (this.buckets.size > MAX_BUCKETS) this.prune(now);
    return verdict;
  }

  /** Number of users tracked (for tests and metrics). */
  get size(): number {
    return this.buckets.size;
  }

  private prune(now: number): void {
    for (const [key, state] of this.buckets) {
      if (takeToken(state, now, this.perMinute).state.tokens >= this.perMinute) this.buckets.delete(key);
    }
    // Still too many: drop the least recently seen (Map keeps insertion order; check() re-inserts).
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= MAX_BUCKETS) break;
      this.buckets.delete(key);
    }
  }
}

/** The user a limit applies to. */
export function rateLimitKey(context: TurnContext): string | undefined {
  const userId = context.activity.from?.id;
  return userId ? `${context.activity.channelId}|${userId}` : undefined;
}

export class RateLimitMiddleware implements Middleware {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly i18n: i18n,
    private readonly logger: Logger,
  ) {}

  /** Messages and card actions count; conversation updates and other events never do. */
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { type } = context.activity;
    const key = rateLimitKey(context);
    if (!key || (type !== ActivityTypes.Message && type !== ActivityTypes.Invoke)) return next();
    const verdict = this.limiter.check(key);
    if (verdict === 'allow') return next();
    this.logger.info({ channelId: context.activity.channelId, verdict }, 'rate limit exceeded');
    if (verdict === 'warn' && type === ActivityTypes.Message) {
      const text = typeof context.activity.text === 'string' ? context.activity.text : undefined;
      const lang = resolveLanguage(text, {}, context.activity.locale, scriptDetector);
      await context.sendActivity(this.i18n.getFixedT(lang)('common:errors.rateLimited'));
    }
  }
}

/**
 * What a failed call to a channel means: retry later (429, 5xx, network), give up because the bot can no
 * longer reach that conversation (403 / 404), or give up for another reason.
 */

export type FailureKind = 'retry' | 'unreachable' | 'failed';

export interface ChannelFailure {
  kind: FailureKind;
  status?: number;
  /** The channel's error code (`BotNotInConversationRoster`, `ConversationNotFound`, …) or a fallback. */
  code: string;
  /** Retry-After in milliseconds, when the channel sent one. */
  retryAfterMs?: number;
}

/** Codes that mean the bot was removed, blocked or the conversation is gone: retrying cannot help. */
export const unreachableCodes = [
  'BotNotInConversationRoster',
  'MessageWritesBlocked',
  'ConversationNotFound',
  'ConversationBlockedByUser',
] as const;

interface ErrorLike {
  statusCode?: unknown;
  code?: unknown;
  response?: { headers?: { get?: (name: string) => string | undefined | null }; bodyAsText?: string | null };
}

/** Reads status, code and Retry-After from a botframework-connector (core-rest-pipeline) error. */
export function classifyFailure(err: unknown): ChannelFailure {
  const e = (typeof err === 'object' && err !== null ? err : {}) as ErrorLike;
  const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  const code =
    bodyCode(e.response?.bodyAsText) ?? (typeof e.code === 'string' ? e.code : undefined) ?? (status ? `HTTP${status}` : 'NetworkError');
  if (status === 429) return { kind: 'retry', status, code, retryAfterMs: parseRetryAfter(e.response?.headers?.get?.('retry-after')) };
  if (status === 403 || status === 404 || (unreachableCodes as readonly string[]).includes(code))
    return { kind: 'unreachable', status, code };
  if (status === undefined || status >= 500) return { kind: 'retry', status, code };
  return { kind: 'failed', status, code };
}

/** Retry-After as seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  /** A Retry-After longer than this is not waited for inside a request; the caller records the failure. */
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 4, baseDelayMs: 500, maxDelayMs: 30_000 };

/** How long to wait before attempt `attempt + 1` (1-based), or undefined to stop. */
export function retryDelay(failure: ChannelFailure, attempt: number, policy: RetryPolicy): number | undefined {
  if (failure.kind !== 'retry' || attempt >= policy.attempts) return undefined;
  const delay = failure.retryAfterMs ?? policy.baseDelayMs * 2 ** (attempt - 1);
  return delay > policy.maxDelayMs ? undefined : delay;
}

function bodyCode(body: string | null | undefined): string | undefined {
  if (!body) return undefined;
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown } };
    return typeof parsed.error?.code === 'string' ? parsed.error.code : undefined;
  } catch {
    return undefined;
  }
}

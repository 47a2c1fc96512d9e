/**
 * What clients may post, and the activity the bot receives: our id, server timestamp, channelId
 * `webchat`, the token's user as `from`, the bot as `recipient`, and our connector as `serviceUrl`.
 * The serviceUrl carries a capability, so it is kept out of everything clients read.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { StoredActivity } from './store';
import { storableJson } from '../reliability/sanitize';

export const WEBCHAT_CHANNEL_ID = 'webchat';

/** Activity types a Direct Line client may send (Azure drops the rest too). */
export const clientActivityTypes = ['message', 'event', 'typing'] as const;

const account = z.object({ id: z.string().max(256).optional(), name: z.string().max(256).optional() }).passthrough();

const attachment = z.object({
  contentType: z.string().min(1).max(256),
  // Only inline data: files and uploads reach the bot by URL; a posted http(s) link would make the
  // bot fetch whatever a user names.
  contentUrl: z
    .string()
    .max(700_000)
    .refine((v) => v.startsWith('data:'), { message: 'must be a data: URL (upload files through /upload)' })
    .optional(),
  content: z.unknown().optional(),
  name: z.string().max(256).optional(),
});

/** A client-posted activity; fields we set ourselves are ignored, unknown ones dropped. */
export const clientActivitySchema = z.object({
  type: z.enum(clientActivityTypes),
  text: z.string().max(100_000).optional(),
  textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
  locale: z.string().max(32).optional(),
  name: z.string().max(256).optional(),
  value: z.unknown().optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
  attachments: z.array(attachment).max(10).optional(),
  entities: z.array(z.record(z.string(), z.unknown())).max(20).optional(),
  from: account.optional(),
  replyToId: z.string().max(256).optional(),
});

export type ClientActivity = z.infer<typeof clientActivitySchema>;

/**
 * Validates a posted body, cleaned of text PostgreSQL cannot store (as /api/messages does); the error
 * lists the bad fields.
 */
export function parseClientActivity(body: unknown): { ok: true; activity: ClientActivity } | { ok: false; problems: string } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { ok: false, problems: 'body must be an activity object' };
  const parsed = clientActivitySchema.safeParse(storableJson(body));
  if (parsed.success) return { ok: true, activity: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => i.path.join('.') || 'body').join(', ') };
}

export interface Participants {
  conversationId: string;
  userId: string;
  bot: { id: string; name: string };
}

/** The stored (client-visible) form of a user's activity, stamped by the server. */
export function stampUserActivity(activity: ClientActivity, who: Participants, now = new Date()): StoredActivity {
  return {
    ...activity,
    id: newActivityId(who.conversationId),
    timestamp: now.toISOString(),
    channelId: WEBCHAT_CHANNEL_ID,
    conversation: { id: who.conversationId },
    // The token decides who speaks; a posted `from.id` is ignored, the display name kept.
    from: { id: who.userId, name: activity.from?.name, role: 'user' },
    recipient: { id: who.bot.id, name: who.bot.name, role: 'bot' },
  };
}

/**
 * The stored form of an activity the bot sent through the connector. `replyToId` is given only when it
 * names an activity of this conversation: Web Chat holds back a reply to an activity it never saw
 * (a proactive message "replies" to the continuation's made-up id) for five seconds.
 */
export function stampBotActivity(
  body: Record<string, unknown>,
  conversationId: string,
  id: string,
  timestamp: string,
  replyToId?: string,
): StoredActivity {
  const { serviceUrl: _capability, replyToId: _unchecked, ...rest } = body;
  return {
    ...rest,
    id,
    timestamp,
    channelId: WEBCHAT_CHANNEL_ID,
    conversation: { id: conversationId },
    ...(replyToId ? { replyToId } : {}),
  };
}

/** A fresh activity id in Direct Line's `<conversation>|<suffix>` shape. */
export function newActivityId(conversationId: string): string {
  return `${conversationId}|${randomUUID().replace(/-/g, '').slice(0, 16)}`;
}

/**
 * Parses `?watermark=`: absent or empty → from the start; otherwise an integer 0…MAX_WATERMARK in plain
 * digits (negative, fractional, exponent or larger → not ok, a 400).
 */
export function parseWatermark(raw: unknown): { ok: true; value: number | undefined } | { ok: false } {
  if (raw === undefined || raw === '') return { ok: true, value: undefined };
  if (typeof raw !== 'string' || !/^\d{1,16}$/.test(raw)) return { ok: false };
  const value = Number(raw);
  return value <= MAX_WATERMARK ? { ok: true, value } : { ok: false };
}

/**
 * The largest watermark taken: the largest integer a JavaScript number holds exactly (the seq column is a
 * BIGINT, which goes further, but no conversation gets near either).
 */
export const MAX_WATERMARK = Number.MAX_SAFE_INTEGER;

/**
 * Bot activity types clients never see: traces (Azure Direct Line drops them outside the Emulator) and
 * the adapter's own instructions (`delay`, `invokeResponse`), which are not messages at all.
 */
export function isHiddenFromClients(type: unknown): boolean {
  return type === 'trace' || type === 'delay' || type === 'invokeResponse';
}

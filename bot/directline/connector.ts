/**
 * The bot's connector for Web Chat conversations: the Bot Connector routes the bot calls on its
 * serviceUrl (send, reply, update) store what it sends, so the page gets it by polling — replies in a
 * turn and proactive messages alike. The serviceUrl carries a per-conversation key; nobody else can post
 * as the bot.
 */
import type { Request, Response, Server } from 'restify';
import type { Activity } from 'botbuilder';
import { z } from 'zod';
import type { Logger } from '../logger';
import { safe } from '../http/safe';
import { sendDirectLineError } from './errors';
import { isHiddenFromClients, newActivityId, stampBotActivity } from './activities';
import { UnknownConversationError, type DirectLineStore } from './store';
import { storableJson } from '../reliability/sanitize';
import type { Publish } from './outbox';
import { connectorKeyFor, isConnectorKeyFor } from './tokens';
import type { DirectLineKeys } from './secret';

/** Path prefix of every conversation's serviceUrl. */
export const CONNECTOR_PREFIX = '/directline-connector';

const botActivitySchema = z.object({ type: z.string().min(1).max(64) }).passthrough();

/** The serviceUrl of a conversation, on the address and port the request came in on (reachable from here). */
export function serviceUrlFor(req: Request, keys: DirectLineKeys, conversationId: string): string {
  const socket = req.socket;
  const raw = (socket.localAddress ?? '127.0.0.1').replace(/^::ffff:(?=\d+\.)/, '');
  const host = raw.includes(':') ? `[${raw}]` : raw;
  return `http://${host}:${socket.localPort}${CONNECTOR_PREFIX}/${connectorKeyFor(keys, conversationId)}/`;
}

export interface ConnectorDeps {
  store: DirectLineStore;
  keys: () => DirectLineKeys;
  logger: Logger;
}

/** Mounts the connector routes under CONNECTOR_PREFIX. */
export function mountConnector(server: Server, deps: ConnectorDeps): void {
  const base = `${CONNECTOR_PREFIX}/:key/v3/conversations/:conversationId/activities`;
  server.post(
    base,
    safe(deps.logger, (req, res) => storeBotActivity(deps, req, res, 'send')),
  );
  server.post(
    `${base}/:activityId`,
    safe(deps.logger, (req, res) => storeBotActivity(deps, req, res, 'reply')),
  );
  server.put(
    `${base}/:activityId`,
    safe(deps.logger, (req, res) => storeBotActivity(deps, req, res, 'update')),
  );
}

async function storeBotActivity(deps: ConnectorDeps, req: Request, res: Response, mode: 'send' | 'reply' | 'update'): Promise<void> {
  const { key, conversationId, activityId } = req.params as Record<string, string | undefined>;
  if (!key || !conversationId || !isConnectorKeyFor(deps.keys(), conversationId, key)) {
    sendDirectLineError(res, 'forbidden');
    return;
  }
  const parsed = botActivitySchema.safeParse(storableJson(req.body));
  if (!parsed.success) {
    sendDirectLineError(res, 'invalid_activity', parsed.error.issues.map((i) => i.path.join('.') || 'body').join(', '));
    return;
  }
  const body = parsed.data as Record<string, unknown>;
  try {
    if (mode === 'update') {
      const original = activityId ? await deps.store.get(conversationId, activityId) : undefined;
      if (!original || !activityId) {
        sendDirectLineError(res, 'unknown_activity');
        return;
      }
      const updated = stampBotActivity(
        body,
        conversationId,
        activityId,
        String(original.timestamp ?? new Date().toISOString()),
        stringOr(original.replyToId),
      );
      if (!(await deps.store.replace(conversationId, updated))) {
        sendDirectLineError(res, 'unknown_activity');
        return;
      }
      res.send(200, { id: activityId });
      return;
    }
    const id = newActivityId(conversationId);
    await recordBotActivity(deps.store, conversationId, { ...body, id, ...(mode === 'reply' ? { replyToId: activityId } : {}) });
    res.send(200, { id });
  } catch (err) {
    if (err instanceof UnknownConversationError) {
      sendDirectLineError(res, 'unknown_conversation');
      return;
    }
    throw err;
  }
}

/**
 * Stores an activity the bot sent (with its id already chosen) for clients to poll, unless clients never
 * see its type. Throws UnknownConversationError.
 */
export async function recordBotActivity(
  store: DirectLineStore,
  conversationId: string,
  body: Record<string, unknown> & { id: string },
): Promise<void> {
  if (isHiddenFromClients(body.type)) return;
  const replyTo = stringOr(body.replyToId);
  const known = replyTo !== undefined && (await store.get(conversationId, replyTo)) !== undefined;
  await store.append(
    conversationId,
    stampBotActivity(body, conversationId, body.id, new Date().toISOString(), known ? replyTo : undefined),
  );
}

/** Publishes a turn's held replies the way the connector routes store a send. */
export function publishTo(store: DirectLineStore): Publish {
  return async (conversationId, activities) => {
    for (const activity of activities) {
      if (!activity.id) continue;
      await recordBotActivity(store, conversationId, { ...asStorable(activity), id: activity.id });
    }
  };
}

/** The JSON a connector client would have posted (no Dates, no undefined), cleaned for PostgreSQL. */
function asStorable(activity: Partial<Activity>): Record<string, unknown> {
  return storableJson(JSON.parse(JSON.stringify(activity))) as Record<string, unknown>;
}

function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

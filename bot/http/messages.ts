/** POST /api/messages: the Bot Framework messaging endpoint, with our own validation and auth boundary. */
import type { Request, Server } from 'restify';
import { z } from 'zod';
import type { Activity, TurnContext } from 'botbuilder';
import { UnauthorizedError, type PsebAdapter } from '../adapter';
import type { Logger } from '../logger';
import { safe, sendError } from './safe';
import { ETagConflictError } from '../storage/prismaStorage';
import { runWithConflictRetry, TurnConflictError } from '../reliability/turnRetry';
import { storableJson } from '../reliability/sanitize';
import { BodyRefusal } from './body';

/** The least an activity must have before any bot code sees it. */
const activityShape = z
  .object({
    type: z.string().min(1).max(64),
    channelId: z.string().min(1).max(64),
    conversation: z.object({ id: z.string().min(1).max(512) }).passthrough(),
    from: z
      .object({ id: z.string().max(512) })
      .passthrough()
      .optional(),
    serviceUrl: z.string().max(2048).optional(),
    text: z.string().optional(),
  })
  .passthrough();

export interface MessagesRouteDeps {
  adapter: PsebAdapter;
  logger: Logger;
  logic: (context: TurnContext) => Promise<void>;
}

export const MESSAGES_PATH = '/api/messages';

/**
 * The body reader's gate for the messaging endpoint: in authenticated mode the bearer token is
 * validated before a byte of the body is read, so strangers cannot make the bot inflate or parse anything.
 */
export function authenticateMessagesFirst(
  adapter: PsebAdapter,
  localMode: boolean,
  logger: Logger,
): (req: Request) => Promise<BodyRefusal | undefined> {
  return async (req) => {
    if (localMode || req.getRoute?.()?.path !== MESSAGES_PATH) return undefined;
    const header = typeof req.headers.authorization === 'string' ? req.headers.authorization : '';
    try {
      await adapter.preAuthenticate(header);
      return undefined;
    } catch (err) {
      if (!(err instanceof UnauthorizedError)) throw err;
      logger.warn({ reason: err.reason }, 'rejected unauthenticated request before reading its body');
      return new BodyRefusal(401, 'unauthorized');
    }
  };
}

/** Mounts the messaging endpoint. */
export function mountMessages(server: Server, deps: MessagesRouteDeps): void {
  server.post(
    MESSAGES_PATH,
    safe(deps.logger, async (req, res) => {
      const parsed = activityShape.safeParse(storableJson(req.body));
      if (!parsed.success) {
        sendError(res, 400, 'invalid_activity', parsed.error.issues.map((i) => i.path.join('.') || 'body').join(', '));
        return;
      }
      const authHeader = typeof req.headers.authorization === 'string' ? req.headers.authorization : '';
      try {
        // Each attempt gets its own copy: the adapter writes onto the activity it processes.
        const invokeResponse = await runWithConflictRetry(
          () => deps.adapter.handle(authHeader, structuredClone(parsed.data) as unknown as Activity, deps.logic),
          {
            isConflict: (err) => err instanceof ETagConflictError,
            onRetry: (attempt) =>
              deps.logger.info({ attempt, channelId: parsed.data.channelId }, 'state changed under the turn; re-running it'),
          },
        );
        res.send(invokeResponse?.status ?? 200, invokeResponse?.body ?? undefined);
      } catch (err) {
        if (err instanceof TurnConflictError) {
          deps.logger.warn({ attempts: err.attempts, channelId: parsed.data.channelId }, 'turn abandoned after repeated state conflicts');
          res.header('Retry-After', '1');
          sendError(res, 503, 'busy');
          return;
        }
        if (err instanceof UnauthorizedError) {
          deps.logger.warn({ reason: err.reason, channelId: parsed.data.channelId }, 'rejected unauthenticated request');
          sendError(res, 401, 'unauthorized');
          return;
        }
        throw err;
      }
    }),
  );
}

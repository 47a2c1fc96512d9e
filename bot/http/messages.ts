/** POST /api/messages: the Bot Framework messaging endpoint, with our own validation and auth boundary. */
import type { Server } from 'restify';
import { z } from 'zod';
import type { Activity, TurnContext } from 'botbuilder';
import { UnauthorizedError, type PsebAdapter } from '../adapter';
import type { Logger } from '../logger';
import { safe, sendError } from './safe';

/** The least an activity must have before any bot code sees it. */
const activityShape = z
  .object({
    type: z.string().min(1).max(64),
    channelId: z.string().min(1).max(64),
    conversation: z.object({ id: z.string().min(1).max(512) }).passthrough(),
    from: z.object({ id: z.string().max(512) }).passthrough().optional(),
    serviceUrl: z.string().max(2048).optional(),
    text: z.string().optional(),
  })
  .passthrough();

export interface MessagesRouteDeps {
  adapter: PsebAdapter;
  logger: Logger;
  logic: (context: TurnContext) => Promise<void>;
}

/** Mounts the messaging endpoint. */
export function mountMessages(server: Server, deps: MessagesRouteDeps): void {
  server.post(
    '/api/messages',
    safe(deps.logger, async (req, res) => {
      const parsed = activityShape.safeParse(req.body);
      if (!parsed.success) {
        sendError(res, 400, 'invalid_activity', parsed.error.issues.map((i) => i.path.join('.') || 'body').join(', '));
        return;
      }
      const authHeader = typeof req.headers.authorization === 'string' ? req.headers.authorization : '';
      try {
        const invokeResponse = await deps.adapter.handle(authHeader, parsed.data as unknown as Activity, deps.logic);
        res.send(invokeResponse?.status ?? 200, invokeResponse?.body ?? undefined);
      } catch (err) {
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

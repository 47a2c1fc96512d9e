/**
 * Route wrappers: our handlers never leak error text, and a throw becomes a logged, generic 500
 * (restify would otherwise send the exception's message).
 */
import type { Request, Response } from 'restify';
import type { Logger } from '../logger';

export type Handler = (req: Request, res: Response) => Promise<void>;

/** Wraps an async handler so failures are logged and answered without details. */
export function safe(logger: Logger, handler: Handler): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    try {
      await handler(req, res);
    } catch (err) {
      logger.error({ err, route: req.getRoute?.()?.path }, 'request failed');
      if (!res.headersSent) res.send(500, { error: 'internal_error' });
    }
  };
}

/** Sends a JSON error with a stable machine-readable code. */
export function sendError(res: Response, status: number, code: string, message?: string): void {
  res.send(status, message ? { error: code, message } : { error: code });
}

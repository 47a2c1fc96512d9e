/**
 * Server-wide answers that no route should have to remember: restify's own errors (404, 405, …) as a
 * fixed JSON code that never echoes the request, and a 400 for any URL carrying a NUL byte or broken
 * percent-encoding before a route passes it on to the database.
 */
import type { Request, Response, Next, Server } from 'restify';
import { sendError } from './safe';

/** Stable codes for the errors restify raises itself. */
const codes: Record<number, string> = {
  400: 'bad_request',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  413: 'too_large',
  415: 'unsupported_media_type',
};

/** Whether a raw request URL (path and query) is safe to decode and use: no NUL, valid percent-encoding. */
export function isUsableUrl(url: string): boolean {
  if (url.includes('\u0000') || /%00/i.test(url)) return false;
  try {
    decodeURIComponent(url);
    return true;
  } catch {
    return false;
  }
}

/** Installs the URL check and the fixed error bodies. */
export function installGuards(server: Server): void {
  server.pre((req: Request, res: Response, next: Next) => {
    if (isUsableUrl(req.url ?? '')) return next();
    sendError(res, 400, 'invalid_url');
    return next(false);
  });
  server.on(
    'restifyError',
    (_req: Request, _res: Response, err: Error & { statusCode?: number; toJSON?: () => unknown; body?: unknown }, callback: () => void) => {
      const status = err.statusCode ?? 500;
      const body = { error: codes[status] ?? (status >= 500 ? 'internal_error' : 'error') };
      err.toJSON = () => body;
      err.body = body;
      err.toString = () => body.error;
      return callback();
    },
  );
}

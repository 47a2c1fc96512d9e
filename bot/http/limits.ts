/**
 * Per-client-address limits on the requests that create something for a stranger (Direct Line tokens
 * and conversations): beyond the rate, 429 with Retry-After before any work is done. In-process, per
 * instance; the address is the TCP peer, so behind a proxy every client shares the proxy's budget.
 */
import type { Request, Response, Next, Server } from 'restify';
import { RateLimiter } from '../reliability/rateLimit';
import { sendError } from './safe';

export interface LimitedRoute {
  method: string;
  path: string;
}

/** Limits the given routes to `perMinute` requests per client address (all routes share one budget). */
export function limitPerAddress(server: Server, routes: LimitedRoute[], perMinute: number, now: () => number = Date.now): void {
  const limiter = new RateLimiter(perMinute, now);
  const limited = new Set(routes.map((r) => `${r.method.toUpperCase()} ${r.path}`));
  const retryAfter = String(Math.max(1, Math.ceil(60 / perMinute)));
  server.pre((req: Request, res: Response, next: Next) => {
    const path = (req.url ?? '').split('?')[0].replace(/\/+$/, '');
    if (!limited.has(`${req.method} ${path}`)) return next();
    if (limiter.check(req.socket.remoteAddress ?? 'unknown') === 'allow') return next();
    res.setHeader('Retry-After', retryAfter);
    sendError(res, 429, 'too_many_requests');
    return next(false);
  });
}

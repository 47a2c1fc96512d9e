/**
 * HTTP for letters: the public verification page and JSON (rate-limited per client address), the
 * signed download link the chat hands out, and two staff routes beside the console's own —
 * the PDF download and revoking — authenticated exactly like the console.
 */
import type { Request, Response, Server } from 'restify';
import type { JWTVerifyGetKey } from 'jose';
import type { i18n } from 'i18next';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { safe, sendError } from '../http/safe';
import { createConsoleAuth } from '../console/auth';
import type { StaffDirectory } from '../staff/staffDirectory';
import { RateLimiter } from '../reliability/rateLimit';
import { revokeApproval, type RevocationNotifier } from './revocation';
import type { LetterService } from './service';
import { verifyPage } from './verifyPage';

export interface LetterRoutesDeps {
  config: Config;
  letters: LetterService;
  staff: StaffDirectory;
  notifier?: RevocationNotifier;
  i18n: i18n;
  logger: Logger;
  /** A local key set instead of the remote JWKS (tests). */
  keys?: JWTVerifyGetKey;
  /** Milliseconds for the rate limiter (tests). */
  now?: () => number;
}

const MAX_REFERENCE = 40;
const param = (req: Request, name: string): string => String((req.params as Record<string, unknown>)[name] ?? '').slice(0, MAX_REFERENCE);
const query = (req: Request): Record<string, unknown> => (req.query ?? {}) as Record<string, unknown>;

/**
 * The client's address: the last X-Forwarded-For entry (the one our own front end appended; earlier
 * entries are the client's to invent), else the socket's.
 */
export function clientAddress(req: Pick<Request, 'headers' | 'socket'>): string {
  const forwarded = req.headers['x-forwarded-for'];
  const last = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .pop();
  return (last ?? req.socket?.remoteAddress ?? 'unknown').replace(/:\d+$/, '');
}

function sendPdf(res: Response, reference: string, pdf: Buffer): void {
  res.writeHead(200, {
    'content-type': 'application/pdf',
    'content-disposition': `attachment; filename="PSEB-letter-${reference.replace(/[^A-Za-z0-9-]/g, '')}.pdf"`,
    'content-length': pdf.length,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(pdf);
}

export function mountLetterRoutes(server: Server, deps: LetterRoutesDeps): void {
  const { config, letters, logger, i18n } = deps;
  const limiter = new RateLimiter(config.VERIFY_RATE_LIMIT_PER_MINUTE, deps.now);
  const retryAfter = String(Math.max(1, Math.ceil(60 / config.VERIFY_RATE_LIMIT_PER_MINUTE)));
  const en = i18n.getFixedT('en');
  const ur = i18n.getFixedT('ur');

  /** False (and a 429 sent) when this address checked too often. */
  const admitted = (req: Request, res: Response, asHtml: boolean): boolean => {
    if (limiter.check(clientAddress(req)) === 'allow') return true;
    res.header('Retry-After', retryAfter);
    if (asHtml) {
      res.writeHead(429, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`${en('letters:verify.tooMany')}\n${ur('letters:verify.tooMany')}\n`);
    } else sendError(res, 429, 'too_many_requests');
    return false;
  };
  const codeOf = (req: Request) => {
    const c = query(req).c;
    return typeof c === 'string' ? c.slice(0, 64) : '';
  };

  server.get(
    '/verify/:reference',
    safe(logger, async (req, res) => {
      if (!admitted(req, res, true)) return;
      const verification = await letters.verify(param(req, 'reference'), codeOf(req));
      const body = verifyPage(verification, en, ur);
      res.writeHead(verification.status === 'not_found' ? 404 : 200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      });
      res.end(body);
    }),
  );
  server.get(
    '/api/verify/:reference',
    safe(logger, async (req, res) => {
      if (!admitted(req, res, false)) return;
      const verification = await letters.verify(param(req, 'reference'), codeOf(req));
      res.setHeader('cache-control', 'no-store');
      res.send(verification.status === 'not_found' ? 404 : 200, verification);
    }),
  );
  server.get(
    '/letters/:reference',
    safe(logger, async (req, res) => {
      const reference = param(req, 'reference');
      if (!letters.linkValid(reference, query(req))) return sendError(res, 403, 'link_invalid_or_expired');
      const pdf = await letters.pdf(reference);
      if (!pdf) return sendError(res, 404, 'no_letter');
      sendPdf(res, reference, pdf);
    }),
  );

  const authenticate = createConsoleAuth({ config, logger, keys: deps.keys, isStaff: (oid) => deps.staff.isStaff(oid) });
  server.get(
    '/api/console/requests/:reference/letter',
    safe(logger, async (req, res) => {
      const auth = await authenticate(req.headers.authorization);
      if (!auth.ok) return sendError(res, auth.status, auth.code);
      const reference = param(req, 'reference');
      const pdf = await letters.pdf(reference);
      if (!pdf) return sendError(res, 404, 'no_letter', 'only an approved request has a letter');
      sendPdf(res, reference, pdf);
    }),
  );
  server.post(
    '/api/console/requests/:reference/revoke',
    safe(logger, async (req, res) => {
      res.setHeader('cache-control', 'no-store');
      const auth = await authenticate(req.headers.authorization);
      if (!auth.ok) return sendError(res, auth.status, auth.code);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const outcome = await revokeApproval(
        { letters, notifier: deps.notifier, logger },
        param(req, 'reference'),
        { id: auth.actor.oid, name: auth.actor.name },
        body.reason,
      );
      if (!outcome.ok) {
        if (outcome.reason === 'invalidReason') return sendError(res, 400, 'invalid_input', 'reason: 1 to 1000 characters');
        if (outcome.reason === 'notFound') return sendError(res, 404, 'not_found', 'no such request');
        return void res.send(409, { error: 'not_approved', message: `the request is ${outcome.status}`, status: outcome.status });
      }
      res.send(200, { reference: outcome.request.reference, status: outcome.request.status, notified: outcome.notified });
    }),
  );
}

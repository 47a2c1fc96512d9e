/**
 * Wires the reliability middleware into the adapter, in the order that matters: duplicates are
 * dropped before they cost a rate-limit token, and both run before the transcript records anything.
 */
import type { BotAdapter, TurnContext } from 'botbuilder';
import type { i18n } from 'i18next';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Database } from '../../prisma/db';
import type { TurnStatements } from '../storage/turnStatements';
import { DedupeMiddleware, PrismaDedupeStore } from './dedupe';
import { RateLimiter, RateLimitMiddleware } from './rateLimit';

export interface ReliabilityDeps {
  config: Pick<Config, 'RATE_LIMIT_PER_MINUTE'>;
  db: Pick<Database, 'prisma'>;
  logger: Logger;
  i18n: i18n;
  /** The turn's shared statements (the claim joins the state read); the Prisma client's own otherwise. */
  statements?: TurnStatements;
  /** Started with the dedupe claim so they share a round trip (the app loads the turn's state). */
  prefetch?: (context: TurnContext) => Promise<unknown>;
}

/** Adds dedupe and rate limiting to the adapter; call before any other middleware is added. */
export function useReliability(adapter: BotAdapter, deps: ReliabilityDeps): { rateLimiter: RateLimiter } {
  const rateLimiter = new RateLimiter(deps.config.RATE_LIMIT_PER_MINUTE);
  adapter.use(new DedupeMiddleware(new PrismaDedupeStore(deps.db.prisma, deps.statements), deps.logger, { prefetch: deps.prefetch }));
  adapter.use(new RateLimitMiddleware(rateLimiter, deps.i18n, deps.logger));
  return { rateLimiter };
}

export { ETagConflictError } from '../storage/prismaStorage';
export { runWithConflictRetry, TurnConflictError, MAX_TURN_ATTEMPTS } from './turnRetry';

/**
 * Plugs approval letters into the app. createLetters comes first (the decisions feature's notices
 * carry the letter); mountLetters, once the notifier exists, adds the routes and hands the Revoke verb
 * and the "letter WL-…" interceptor to bot/routing.ts.
 */
import type { Server } from 'restify';
import type { i18n } from 'i18next';
import type { JWTVerifyGetKey } from 'jose';
import type { PrismaClient } from '../../generated/prisma/client';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Interceptor, VerbHandler } from '../psebBot';
import type { StaffDirectory } from '../staff/staffDirectory';
import { staffLanguage } from '../handoff/handoffService';
import { letterCommandInterceptor, revokeVerbHandler } from './chat';
import type { RevocationNotifier } from './revocation';
import { mountLetterRoutes } from './routes';
import { LetterService } from './service';

export function createLetters(deps: {
  config: Config;
  prisma: PrismaClient;
  i18n: i18n;
  logger: Logger;
  clock?: () => Date;
}): LetterService {
  return new LetterService(deps);
}

export interface MountLettersDeps {
  config: Config;
  prisma: PrismaClient;
  letters: LetterService;
  staff: StaffDirectory;
  notifier?: RevocationNotifier;
  i18n: i18n;
  logger: Logger;
  keys?: JWTVerifyGetKey;
}

/** What bot/routing.ts places for letters. */
export interface LettersRouting {
  /** `request.revoke` on the staff card. */
  onRevoke: VerbHandler;
  /** "letter WL-…": a fresh signed link for the owner. */
  commandInterceptor: Interceptor;
}

export function mountLetters(server: Server, deps: MountLettersDeps): LettersRouting {
  const { letters, logger, notifier, staff } = deps;
  mountLetterRoutes(server, deps);
  const revoke = revokeVerbHandler({ letters, notifier, staff, staffT: deps.i18n.getFixedT(staffLanguage), logger });
  return {
    onRevoke: (dc, data) => revoke(dc.context, data),
    commandInterceptor: letterCommandInterceptor({ prisma: deps.prisma, letters }),
  };
}

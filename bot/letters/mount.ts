/**
 * Plugs approval letters into the app. createLetters comes first (the decisions feature's notices
 * carry the letter); mountLetters, once the notifier exists, adds the routes, the Revoke verb and the
 * "letter WL-…" interceptor.
 */
import type { Server } from 'restify';
import type { i18n } from 'i18next';
import type { JWTVerifyGetKey } from 'jose';
import type { PrismaClient } from '../../generated/prisma/client';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { PsebBot } from '../psebBot';
import type { StaffDirectory } from '../staff/staffDirectory';
import { staffLanguage } from '../handoff/handoffService';
import { Verbs } from '../../cards/verbs';
import { letterCommandInterceptor, revokeVerbHandler } from './chat';
import type { RevocationNotifier } from './revocation';
import { mountLetterRoutes } from './routes';
import { LetterService } from './service';

export function createLetters(deps: { config: Config; prisma: PrismaClient; i18n: i18n; logger: Logger; clock?: () => Date }): LetterService {
  return new LetterService(deps);
}

export interface MountLettersDeps {
  config: Config;
  prisma: PrismaClient;
  letters: LetterService;
  bot: PsebBot;
  staff: StaffDirectory;
  notifier?: RevocationNotifier;
  i18n: i18n;
  logger: Logger;
  keys?: JWTVerifyGetKey;
}

export function mountLetters(server: Server, deps: MountLettersDeps): void {
  const { letters, logger, notifier, staff } = deps;
  mountLetterRoutes(server, deps);
  const onRevoke = revokeVerbHandler({ letters, notifier, staff, staffT: deps.i18n.getFixedT(staffLanguage), logger });
  deps.bot.onVerb(Verbs.requestRevoke, (dc, data) => onRevoke(dc.context, data));
  deps.bot.intercept(letterCommandInterceptor({ prisma: deps.prisma, letters }));
}

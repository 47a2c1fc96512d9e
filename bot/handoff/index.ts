/**
 * Composes the hand-off feature from the app's pieces and plugs it in: the support-channel middleware,
 * the interceptor, the Claim / End / send-answer / rate verbs, the `agent` menu route, and the sweeper (stopped by stop()).
 */
import type { ConversationState } from 'botbuilder';
import type { i18n } from 'i18next';
import type { PrismaClient } from '../../generated/prisma/client';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { PsebAdapter } from '../adapter';
import type { PsebBot } from '../psebBot';
import type { MainDialog } from '../../dialogs/mainDialog';
import { Verbs } from '../../cards/verbs';
import { PrismaStaffDirectory, type StaffDirectory } from '../staff/staffDirectory';
import { PrismaSupportChannelStore, SupportChannelMiddleware, type SupportTarget } from '../support/supportChannel';
import { BotMessenger, type Messenger } from '../proactive/messenger';
import { HandoffStore } from './handoffStore';
import { HandoffService, type AnswerSource } from './handoffService';
import { SnippetStore } from '../desk/snippetStore';
import { RatingStore } from '../desk/ratingStore';
import { HandoffSweeper } from './sweeper';
import { UserSession } from './userSession';
import { parseBusinessHours } from './businessHours';
import { handoffInterceptor } from './interceptor';

/** How often each instance looks for overdue hand-offs. */
export const sweepIntervalMs = 30_000;

export interface HandoffFeatureDeps {
  config: Config;
  prisma: PrismaClient;
  adapter: PsebAdapter;
  conversationState: ConversationState;
  mainDialog: MainDialog;
  i18n: i18n;
  logger: Logger;
  clock?: () => Date;
  messenger?: Messenger;
  /** The FAQ, for suggested answers on the card and in the console. */
  answers?: AnswerSource;
}

export interface HandoffFeature {
  service: HandoffService;
  store: HandoffStore;
  sweeper: HandoffSweeper;
  staff: StaffDirectory;
  messenger: Messenger;
  supportTarget: SupportTarget;
}

/** Builds the feature's objects without plugging them in (tests build a second one with a fake clock). */
export function createHandoffFeature(deps: HandoffFeatureDeps): HandoffFeature {
  const { config, prisma, logger } = deps;
  const clock = deps.clock ?? (() => new Date());
  const store = new HandoffStore(prisma);
  const staff = new PrismaStaffDirectory(prisma, config.STAFF_AAD_OBJECT_IDS);
  const messenger = deps.messenger ?? new BotMessenger({ adapter: deps.adapter, botAppId: config.MicrosoftAppId ?? '', logger });
  const service = new HandoffService({
    store,
    staff,
    support: new PrismaSupportChannelStore(prisma),
    messenger,
    session: new UserSession(deps.conversationState, deps.mainDialog),
    i18n: deps.i18n,
    logger,
    clock,
    snippets: new SnippetStore(prisma),
    ratings: new RatingStore(prisma),
    answers: deps.answers,
    settings: {
      businessHours: parseBusinessHours(config.BUSINESS_HOURS),
      businessHoursText: config.BUSINESS_HOURS,
      slaMinutes: config.HANDOFF_SLA_MINUTES,
      giveUpMinutes: config.HANDOFF_GIVEUP_MINUTES,
    },
  });
  const sweeper = new HandoffSweeper({ store, service, logger, clock, slaMinutes: config.HANDOFF_SLA_MINUTES, giveUpMinutes: config.HANDOFF_GIVEUP_MINUTES });
  return { service, store, sweeper, staff, messenger, supportTarget: { teamId: config.SUPPORT_TEAM_ID, channelId: config.SUPPORT_CHANNEL_ID } };
}

export interface MountedHandoff extends HandoffFeature {
  /** Stops the sweeper. */
  stop(): void;
}

/** Plugs the feature into the adapter, the bot and the main dialog, and starts sweeping. */
export function mountHandoff(deps: HandoffFeatureDeps & { bot: PsebBot }): MountedHandoff {
  const feature = createHandoffFeature(deps);
  const { service, store, supportTarget } = feature;
  deps.adapter.use(new SupportChannelMiddleware(new PrismaSupportChannelStore(deps.prisma), supportTarget, deps.logger));
  deps.bot.intercept(handoffInterceptor(service, store, supportTarget));
  deps.bot.onVerb(Verbs.handoffClaim, (dc, data) => service.claim(dc.context, data.handoffId));
  deps.bot.onVerb(Verbs.handoffEnd, (dc, data) => service.endFromCard(dc.context, data.handoffId));
  deps.bot.onVerb(Verbs.handoffSendAnswer, (dc, data) => service.sendAnswerFromCard(dc.context, data));
  deps.bot.onVerb(Verbs.handoffRate, (dc, data) => service.rateFromCard(dc.context, data));
  deps.mainDialog.useRoute('agent', async (dc) => {
    await service.request(dc.context);
  });
  const stop = feature.sweeper.start(sweepIntervalMs);
  return { ...feature, stop };
}

/**
 * Composes the hand-off feature from the app's pieces: the support-channel middleware and the sweeper
 * (stopped by stop()) are plugged in here; its interceptor, Claim / End / send-answer / rate verbs, `agent`
 * route and the guard on user card actions are handed to bot/routing.ts, which places them.
 */
import type { ConversationState } from 'botbuilder';
import type { i18n } from 'i18next';
import type { PrismaClient } from '../../generated/prisma/client';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { PsebAdapter } from '../adapter';
import type { Interceptor, VerbHandler } from '../psebBot';
import type { MainDialog, Route } from '../../dialogs/mainDialog';
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
import { guardUserAction, handoffInterceptor } from './interceptor';

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
  const sweeper = new HandoffSweeper({
    store,
    service,
    logger,
    clock,
    slaMinutes: config.HANDOFF_SLA_MINUTES,
    giveUpMinutes: config.HANDOFF_GIVEUP_MINUTES,
  });
  return {
    service,
    store,
    sweeper,
    staff,
    messenger,
    supportTarget: { teamId: config.SUPPORT_TEAM_ID, channelId: config.SUPPORT_CHANNEL_ID },
  };
}

/** What the routing places: the interceptor, the verbs, the `agent` route, and the guard for user card actions. */
export interface HandoffRouting {
  interceptor: Interceptor;
  onClaim: VerbHandler;
  onEnd: VerbHandler;
  /** A suggested FAQ answer sent from the hand-off card (staff). */
  onSendAnswer: VerbHandler;
  /** The user's rating card after a chat. */
  onRate: VerbHandler;
  agentRoute: Route;
  /** A user with an open hand-off who clicks a card is told to type (the agent reads the chat); else the handler runs. */
  guard(handler: VerbHandler): VerbHandler;
}

export interface MountedHandoff extends HandoffFeature {
  routing: HandoffRouting;
  /** Stops the sweeper. */
  stop(): void;
}

/** Plugs the feature into the adapter and starts sweeping; returns what the routing places. */
export function mountHandoff(deps: HandoffFeatureDeps): MountedHandoff {
  const feature = createHandoffFeature(deps);
  const { service, store, supportTarget } = feature;
  deps.adapter.use(new SupportChannelMiddleware(new PrismaSupportChannelStore(deps.prisma), supportTarget, deps.logger));
  const routing: HandoffRouting = {
    interceptor: handoffInterceptor(service, store, supportTarget),
    onClaim: (dc, data) => service.claim(dc.context, data.handoffId),
    onEnd: (dc, data) => service.endFromCard(dc.context, data.handoffId),
    onSendAnswer: (dc, data) => service.sendAnswerFromCard(dc.context, data),
    onRate: (dc, data) => service.rateFromCard(dc.context, data),
    agentRoute: async (dc) => {
      await service.request(dc.context);
    },
    guard: (handler) => guardUserAction(service, store, handler),
  };
  const stop = feature.sweeper.start(sweepIntervalMs);
  return { ...feature, routing, stop };
}

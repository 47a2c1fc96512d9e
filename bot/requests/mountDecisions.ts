/**
 * Plugs staff decisions into the app: the `request.decide` and `request.reply` verbs, and one
 * interceptor for request threads in the support channel (staff opening a request) and for applicants
 * answering an information request. Mount it before the hand-off, whose interceptor answers every
 * other support-channel message with "no open chat".
 */
import type { ConversationState, TurnContext } from 'botbuilder';
import type { i18n } from 'i18next';
import type { PrismaClient, Request } from '../../generated/prisma/client';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { PsebAdapter } from '../adapter';
import type { Interceptor, PsebBot } from '../psebBot';
import { Verbs } from '../../cards/verbs';
import { PrismaStaffDirectory } from '../staff/staffDirectory';
import { PrismaSupportChannelStore } from '../support/supportChannel';
import { BotMessenger, type Messenger } from '../proactive/messenger';
import { staffLanguage } from '../handoff/handoffService';
import { DecisionService, RequestTransitions } from './decisions';
import { RequestNotifier, type RequestNotifierDeps } from './notifications';
import { InfoReplyFlow } from './infoReply';

export interface DecisionsFeatureDeps {
  config: Config;
  prisma: PrismaClient;
  adapter: PsebAdapter;
  conversationState: ConversationState;
  i18n: i18n;
  logger: Logger;
  clock?: () => Date;
  messenger?: Messenger;
  /** bot/letters: approval notices carry the letter. */
  letters?: RequestNotifierDeps['letters'];
}

export interface DecisionsFeature {
  transitions: RequestTransitions;
  notifier: RequestNotifier;
  decisions: DecisionService;
  replies: InfoReplyFlow;
  /** Posts the new-request card; connect it to the request store's onSubmitted hook. */
  notifyRequestSubmitted(request: Pick<Request, 'id'>): Promise<void>;
}

/** Builds the feature's objects without plugging them in. */
export function createDecisionsFeature(deps: DecisionsFeatureDeps): DecisionsFeature {
  const { config, prisma, logger, i18n } = deps;
  const staffT = i18n.getFixedT(staffLanguage);
  const transitions = new RequestTransitions(prisma);
  const messenger = deps.messenger ?? new BotMessenger({ adapter: deps.adapter, botAppId: config.MicrosoftAppId ?? '', logger });
  const notifier = new RequestNotifier({
    prisma,
    transitions,
    support: new PrismaSupportChannelStore(prisma),
    messenger,
    i18n,
    staffT,
    logger,
    clock: deps.clock ?? (() => new Date()),
    letters: deps.letters,
  });
  const decisions = new DecisionService({ transitions, staff: new PrismaStaffDirectory(prisma, config.STAFF_AAD_OBJECT_IDS), notifier, staffT, logger });
  const replies = new InfoReplyFlow({ prisma, transitions, notifier, conversationState: deps.conversationState, i18n, staffT, logger });
  return { transitions, notifier, decisions, replies, notifyRequestSubmitted: (request) => notifier.notifyRequestSubmitted(request) };
}

/** Registers the verbs and the interceptor on the bot. */
export function mountDecisions(deps: DecisionsFeatureDeps & { bot: PsebBot }): DecisionsFeature {
  const feature = createDecisionsFeature(deps);
  deps.bot.onVerb(Verbs.requestDecide, (dc, data) => feature.decisions.decide(dc.context, data));
  deps.bot.onVerb(Verbs.requestReply, (dc, data) => feature.replies.onReplyClick(dc.context, data));
  deps.bot.intercept(decisionsInterceptor(feature));
  return feature;
}

/** Request threads first (only group conversations can be one), then the applicant's answers. */
export function decisionsInterceptor(feature: Pick<DecisionsFeature, 'transitions' | 'decisions' | 'replies'>): Interceptor {
  return async (context, dc) => {
    // Card buttons reach their verb handlers.
    if (isCardSubmit(context)) return false;
    if (context.activity.conversation.isGroup) {
      const request = await feature.transitions.byThread(context.activity.conversation.id);
      if (!request) return false;
      await feature.decisions.onThreadMessage(context, request);
      return true;
    }
    return feature.replies.intercept(context, dc);
  };
}

/** A card submit: a message with a verb and no text. */
function isCardSubmit(context: TurnContext): boolean {
  const value = context.activity.value as { verb?: unknown } | undefined;
  return typeof value === 'object' && value !== null && value.verb !== undefined && !context.activity.text;
}

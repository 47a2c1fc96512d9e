/**
 * The requests features, built for bot/routing.ts to place:
 *   - intake: the whitelisting / work-from-home / status / my-requests routes and their dialogs, the
 *     intake card verbs, and an interceptor for a CSV attached (with no text) while a form waits for agents;
 *   - decisions: the `request.decide` and `request.reply` verbs, and one interceptor for request threads
 *     in the support channel (staff opening a request) and for applicants answering an information
 *     request. It runs before the hand-off's, which answers every other support-channel message.
 */
import type { ConversationState } from 'botbuilder';
import type { Dialog, DialogContext } from '../../dialogs/sdk';
import type { i18n } from 'i18next';
import type { PrismaClient, Request } from '../../generated/prisma/client';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { PsebAdapter } from '../adapter';
import type { Interceptor, VerbHandler } from '../psebBot';
import type { Route } from '../../dialogs/mainDialog';
import { DialogIds } from '../../dialogs/dialogIds';
import { sendMenu } from '../../dialogs/menu';
import { WhitelistingDialog } from '../../dialogs/intake/whitelistingDialog';
import { WfhDialog } from '../../dialogs/intake/wfhDialog';
import { StatusDialog } from '../../dialogs/intake/statusDialog';
import type { IntakeDeps } from '../../dialogs/intake/intakeDialog';
import { setSubmission, toSubmission } from '../../dialogs/intake/submission';
import { replyWithMyRequests, replyWithStatus } from '../../dialogs/intake/statusText';
import { turnInfo } from '../turnInfo';
import { csvAttachmentOf } from './attachments';
import { REFERENCE_PREFIX, type RequestKind } from '../domain/reference';
import { PrismaStaffDirectory } from '../staff/staffDirectory';
import { PrismaSupportChannelStore } from '../support/supportChannel';
import { BotMessenger, type Messenger } from '../proactive/messenger';
import { staffLanguage } from '../handoff/handoffService';
import { DecisionService } from './decisions';
import { RequestTransitions } from './transitions';
import { RequestNotifier, type RequestNotifierDeps } from './notifications';
import { InfoReplyFlow } from './infoReply';
import { PrismaRequestStore, type RequestStore, type RequestSummary } from './store';

export interface RequestsFeatureDeps extends Omit<IntakeDeps, 'store'> {
  prisma: PrismaClient;
  logger: Logger;
  /** Told about every newly filed request (the decisions feature posts it to the support channel). */
  onSubmitted?: (request: RequestSummary) => Promise<void>;
  /** A store to use instead of the Prisma one (tests). */
  store?: RequestStore;
}

const intakeDialogIds: ReadonlySet<string> = new Set([DialogIds.whitelisting, DialogIds.wfh]);

/** The innermost active dialog's id, through component dialogs. */
export function activeLeafId(dc: DialogContext): string | undefined {
  let current = dc;
  while (current.child) current = current.child;
  return current.activeDialog?.id;
}

function isKind(value: unknown): value is RequestKind {
  return typeof value === 'string' && value in REFERENCE_PREFIX;
}

/** What the routing places for intake. */
export interface RequestsFeature {
  store: RequestStore;
  routes: { whitelisting: Route; wfh: Route; status: Route; myRequests: Route };
  dialogs: readonly Dialog[];
  /** `intake.submit` and `intake.cancel`. */
  onIntakeVerb: VerbHandler;
  /** A CSV attached with no text while a form waits for its agents. */
  csvInterceptor: Interceptor;
}

/** Builds the intake feature. */
export function mountRequests(deps: RequestsFeatureDeps): RequestsFeature {
  const { logger } = deps;
  const store =
    deps.store ??
    new PrismaRequestStore(deps.prisma, {
      onSubmitted: deps.onSubmitted,
      onHookError: (err, request) => logger.warn({ err, requestId: request.id }, 'request submitted hook failed'),
    });
  const intakeDeps: IntakeDeps = {
    ...deps,
    store,
    showStatus: (context, reference) => replyWithStatus(context, store, reference),
    showMyRequests: (context) => replyWithMyRequests(context, store),
  };

  const routes: RequestsFeature['routes'] = {
    whitelisting: (dc) => dc.beginDialog(DialogIds.whitelisting),
    wfh: (dc) => dc.beginDialog(DialogIds.wfh),
    status: (dc, _text, understood) =>
      dc.beginDialog(DialogIds.status, { reference: understood.intent === 'status' ? (understood.reference ?? undefined) : undefined }),
    myRequests: async (dc) => replyWithMyRequests(dc.context, store),
  };
  const dialogs = [new WhitelistingDialog(intakeDeps), new WfhDialog(intakeDeps), new StatusDialog({ ...deps, store })];

  const onIntakeVerb: VerbHandler = async (dc, data) => {
    const submission = toSubmission(data);
    setSubmission(dc.context, submission);
    const { t } = turnInfo(dc.context);
    // Any card of a form already filed or cancelled (a second click, an old card scrolled up to) changes nothing.
    if (submission.draftId) {
      const filed = await store.findByDraft(submission.draftId);
      const ended = filed
        ? t('intake:flow.alreadySubmitted', { reference: filed.reference })
        : (await store.isCancelled(submission.draftId))
          ? t('intake:flow.formCancelled')
          : undefined;
      if (ended) {
        await dc.context.sendActivity(ended);
        if (dc.activeDialog) await dc.repromptDialog();
        return;
      }
    }
    if (intakeDialogIds.has(activeLeafId(dc) ?? '')) {
      await dc.continueDialog();
      return;
    }
    if ((submission.action === 'form' || submission.action === 'steps') && isKind(submission.kind)) {
      await dc.cancelAllDialogs();
      await dc.beginDialog(DialogIds.main, { intent: submission.kind });
      return;
    }
    await dc.context.sendActivity(t(submission.action === 'cancel' ? 'intake:flow.nothingToCancel' : 'intake:flow.nothingOpen'));
    await sendMenu(dc.context);
  };

  const csvInterceptor: Interceptor = async (context, dc) => {
    if ((context.activity.text ?? '').trim() || !csvAttachmentOf(context.activity.attachments)) return false;
    if (!intakeDialogIds.has(activeLeafId(dc) ?? '')) return false;
    await dc.continueDialog();
    return true;
  };
  return { store, routes, dialogs, onIntakeVerb, csvInterceptor };
}

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
  const decisions = new DecisionService({
    transitions,
    staff: new PrismaStaffDirectory(prisma, config.STAFF_AAD_OBJECT_IDS),
    notifier,
    staffT,
    logger,
  });
  const replies = new InfoReplyFlow({ prisma, transitions, notifier, conversationState: deps.conversationState, i18n, staffT, logger });
  return { transitions, notifier, decisions, replies, notifyRequestSubmitted: (request) => notifier.notifyRequestSubmitted(request) };
}

/** What the routing places for decisions. */
export interface DecisionsRouting {
  onDecide: VerbHandler;
  onReply: VerbHandler;
  interceptor: Interceptor;
}

/** Builds the feature and what the routing places. */
export function mountDecisions(deps: DecisionsFeatureDeps): DecisionsFeature & { routing: DecisionsRouting } {
  const feature = createDecisionsFeature(deps);
  const routing: DecisionsRouting = {
    onDecide: (dc, data) => feature.decisions.decide(dc.context, data),
    onReply: (dc, data) => feature.replies.onReplyClick(dc.context, data),
    interceptor: decisionsInterceptor(feature),
  };
  return { ...feature, routing };
}

/** Request threads first (only group conversations can be one), then the applicant's answers. */
export function decisionsInterceptor(feature: Pick<DecisionsFeature, 'transitions' | 'decisions' | 'replies'>): Interceptor {
  return async (context, dc) => {
    if (context.activity.conversation.isGroup) {
      const request = await feature.transitions.byThread(context.activity.conversation.id);
      if (!request) return false;
      await feature.decisions.onThreadMessage(context, request);
      return true;
    }
    return feature.replies.intercept(context, dc);
  };
}

/**
 * Plugs request intake into the bot: the whitelisting / work-from-home / status / my-requests routes,
 * the intake card verbs, and two interceptors — a bare reference or "status WL-…" typed outside a form,
 * and a CSV attached (with no text) while a form waits for its agents.
 */
import type { TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import type { PrismaClient } from '../../generated/prisma/client';
import type { Logger } from '../logger';
import type { PsebBot, VerbHandler } from '../psebBot';
import type { MainDialog } from '../../dialogs/mainDialog';
import { DialogIds } from '../../dialogs/dialogIds';
import { sendMenu } from '../../dialogs/menu';
import { Verbs } from '../../cards/verbs';
import { WhitelistingDialog } from '../../dialogs/intake/whitelistingDialog';
import { WfhDialog } from '../../dialogs/intake/wfhDialog';
import { StatusDialog } from '../../dialogs/intake/statusDialog';
import type { IntakeDeps } from '../../dialogs/intake/intakeDialog';
import { setSubmission, toSubmission } from '../../dialogs/intake/submission';
import { replyWithMyRequests, replyWithStatus, statusQuery } from '../../dialogs/intake/statusText';
import { turnInfo } from '../turnInfo';
import { csvAttachmentOf } from './attachments';
import { parseReference, REFERENCE_PREFIX, type RequestKind } from './reference';
import { PrismaRequestStore, type RequestStore, type RequestSummary } from './store';

export interface RequestsFeatureDeps extends Omit<IntakeDeps, 'store'> {
  bot: PsebBot;
  mainDialog: MainDialog;
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

/** Registers everything; returns the store for features that build on it. */
export function mountRequests(deps: RequestsFeatureDeps): { store: RequestStore } {
  const { bot, mainDialog, logger } = deps;
  const store = deps.store ?? new PrismaRequestStore(deps.prisma, {
    onSubmitted: deps.onSubmitted,
    onHookError: (err, request) => logger.warn({ err, requestId: request.id }, 'request submitted hook failed'),
  });
  const intakeDeps: IntakeDeps = {
    ...deps,
    store,
    showStatus: (context, reference) => replyWithStatus(context, store, reference),
    showMyRequests: (context) => replyWithMyRequests(context, store),
  };

  mainDialog
    .useRoute('whitelisting', (dc) => dc.beginDialog(DialogIds.whitelisting), new WhitelistingDialog(intakeDeps))
    .useRoute('wfh', (dc) => dc.beginDialog(DialogIds.wfh), new WfhDialog(intakeDeps))
    .useRoute('status', (dc, text) => dc.beginDialog(DialogIds.status, { reference: parseReference(text) ?? undefined }), new StatusDialog({ ...deps, store }))
    .useRoute('myRequests', async (dc) => replyWithMyRequests(dc.context, store));

  const onIntakeVerb: VerbHandler = async (dc, data) => {
    const submission = toSubmission(data);
    setSubmission(dc.context, submission);
    const { t } = turnInfo(dc.context);
    // Any card of a form already filed or cancelled (a second click, an old card scrolled up to) changes nothing.
    if (submission.draftId) {
      const filed = await store.findByDraft(submission.draftId);
      const ended = filed ? t('intake:flow.alreadySubmitted', { reference: filed.reference }) : (await store.isCancelled(submission.draftId)) ? t('intake:flow.formCancelled') : undefined;
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
      await dc.beginDialog(mainDialog.id, { intent: submission.kind });
      return;
    }
    await dc.context.sendActivity(t(submission.action === 'cancel' ? 'intake:flow.nothingToCancel' : 'intake:flow.nothingOpen'));
    await sendMenu(dc.context);
  };
  bot.onVerb(Verbs.intakeSubmit, onIntakeVerb).onVerb(Verbs.intakeCancel, onIntakeVerb);

  bot.intercept(async (context: TurnContext, dc) => {
    const text = context.activity.text ?? '';
    if (!text.trim() && csvAttachmentOf(context.activity.attachments) && intakeDialogIds.has(activeLeafId(dc) ?? '')) {
      await dc.continueDialog();
      return true;
    }
    if (dc.activeDialog) return false;
    const reference = statusQuery(text);
    if (!reference) return false;
    await replyWithStatus(context, store, reference);
    return true;
  });
  return { store };
}

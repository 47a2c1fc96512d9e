/**
 * The applicant answering an information request: the Reply button (or typing "reply") makes the next
 * message the answer; otherwise the next message is offered — "Attach this to WL-…? yes/no" — before it
 * is attached. Which request waits is read from the database; the pending answer lives in
 * ConversationState, so any instance can take the next turn.
 */
import { MessageFactory, type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { DialogContext } from '../../dialogs/sdk';
import type { i18n } from 'i18next';
import type { Logger } from '../logger';
import { turnInfo } from '../turnInfo';
import { commandIntent } from '../intents';
import { commandKey, isCommand, yesOrNo } from '../domain/commands';
import { maskText } from '../privacy/mask';
import { fixedT, uiLanguages, type Translate } from '../i18n';
import type { PrismaClient, Request } from '../../generated/prisma/client';
import { maxNoteLength, RequestStatus } from '../domain/lifecycle';
import type { RequestTransitions } from './transitions';
import type { RequestNotifier } from './notifications';
import { turnFacts } from '../storage/turnFacts';
import { HandoffStore, openHandoffOf } from '../handoff/handoffStore';

/** What the applicant's next message means. */
export interface PendingAnswer {
  reference: string;
  /** `answer`: after Reply, the next message is the answer; `confirm`: `draft` waits for yes / no. */
  mode: 'answer' | 'confirm';
  draft?: string;
}

export interface ReplyState {
  pending?: PendingAnswer;
  /** The information request (its event id) the applicant said "no" to; not offered again. */
  declinedEventId?: string;
}

export const replyStateProperty = 'requestReply';

export type YesNo = 'yes' | 'no' | undefined;

/** Reads a yes / no answer in English, Roman Urdu or Urdu ("attach" is yes); anything else is undefined. */
export function readYesNo(text: string, t?: Translate): YesNo {
  const said = commandKey(text);
  const answer = yesOrNo(text);
  if (answer === true || isCommand(text, 'attach') || (t && said === commandKey(t('decisions:user.yes')))) return 'yes';
  if (answer === false || (t && said === commandKey(t('decisions:user.no')))) return 'no';
  return undefined;
}

/** "cancel" (or "nothing") while an answer is awaited. */
export function isCancelAnswer(text: string): boolean {
  return isCommand(text, 'cancel') || isCommand(text, 'nothingToSend');
}

/** "reply" typed, or the Reply button of a channel that sends its label as text (Skype's imBack), in any UI language. */
export function isReplyCommand(text: string, i18n: i18n): boolean {
  const said = commandKey(text);
  return isCommand(text, 'reply') || uiLanguages.some((lang) => said === commandKey(fixedT(i18n, lang)('decisions:user.reply')));
}

export interface InfoReplyDeps {
  prisma: PrismaClient;
  transitions: RequestTransitions;
  notifier: RequestNotifier;
  conversationState: ConversationState;
  i18n: i18n;
  staffT: Translate;
  logger: Logger;
}

export class InfoReplyFlow {
  private readonly state: StatePropertyAccessor<ReplyState>;
  private readonly handoffs: HandoffStore;

  constructor(private readonly deps: InfoReplyDeps) {
    this.state = deps.conversationState.createProperty<ReplyState>(replyStateProperty);
    this.handoffs = new HandoffStore(deps.prisma);
  }

  /** The `request.reply` verb: the next message is the answer to that request. */
  async onReplyClick(context: TurnContext, data: Record<string, unknown>): Promise<void> {
    const reference = typeof data.reference === 'string' ? data.reference.slice(0, 40) : '';
    const request = reference ? await this.waitingRequest(context, reference) : null;
    await this.startAnswer(context, request, reference);
  }

  /** Takes the applicant's message when it answers (or may answer) an information request. */
  async intercept(context: TurnContext, dc: DialogContext): Promise<boolean> {
    const { activity } = context;
    if (activity.conversation.isGroup) return false;
    const text = (activity.text ?? '').trim();
    if (!text) return false;
    const { t } = turnInfo(context);
    const state = await this.state.get(context, {});
    if (state.pending) return this.continuePending(context, state, state.pending, text, t);
    if (isReplyCommand(text, this.deps.i18n)) {
      const request = await this.waitingRequest(context);
      if (!request) return false;
      await this.startAnswer(context, request, request.reference);
      return true;
    }
    // A form in progress or a command keeps the bot's normal flow; the applicant can still press Reply.
    if (dc.activeDialog || commandIntent(text) !== undefined) return false;
    const request = await this.waitingRequest(context);
    if (!request) return false;
    const askedEventId = await this.askedEventId(request);
    if (askedEventId === state.declinedEventId || (await this.inLiveChat(context))) return false;
    await this.offer(context, state, request.reference, text, t);
    return true;
  }

  private async continuePending(
    context: TurnContext,
    state: ReplyState,
    pending: PendingAnswer,
    text: string,
    t: Translate,
  ): Promise<boolean> {
    const request = await this.waitingRequest(context, pending.reference);
    if (!request) {
      await this.state.set(context, { ...state, pending: undefined });
      return false;
    }
    if (pending.mode === 'answer') {
      if (isCancelAnswer(text)) {
        await this.state.set(context, { ...state, pending: undefined });
        await context.sendActivity(t('decisions:user.replyCancelled'));
        return true;
      }
      await this.attach(context, request, text, t);
      return true;
    }
    const answer = readYesNo(text, t);
    if (answer === 'yes' && pending.draft) {
      await this.attach(context, request, pending.draft, t);
      return true;
    }
    if (answer === 'no') {
      await this.state.set(context, { pending: undefined, declinedEventId: await this.askedEventId(request) });
      await context.sendActivity(t('decisions:user.notAttached', { reference: request.reference }));
      return true;
    }
    if (commandIntent(text) !== undefined) {
      await this.state.set(context, { ...state, pending: undefined });
      return false;
    }
    // Neither yes nor no: the newer message is the likelier answer; offer that one instead.
    await this.offer(context, state, request.reference, text, t);
    return true;
  }

  private async startAnswer(context: TurnContext, request: Request | null, reference: string): Promise<void> {
    const { t } = turnInfo(context);
    if (!request) {
      await context.sendActivity(t('decisions:user.noLongerWaiting', { reference }));
      return;
    }
    const state = await this.state.get(context, {});
    await this.state.set(context, { ...state, pending: { reference: request.reference, mode: 'answer' } });
    await context.sendActivity(t('decisions:user.askAnswer', { reference: request.reference }));
  }

  private async offer(context: TurnContext, state: ReplyState, reference: string, text: string, t: Translate): Promise<void> {
    await this.state.set(context, { ...state, pending: { reference, mode: 'confirm', draft: text.slice(0, maxNoteLength) } });
    await context.sendActivity(
      MessageFactory.suggestedActions([t('decisions:user.yes'), t('decisions:user.no')], t('decisions:user.confirmAttach', { reference })),
    );
  }

  /** Moves the request back to review with the answer as the event note, then tells the thread and the applicant. */
  private async attach(context: TurnContext, request: Request, text: string, t: Translate): Promise<void> {
    const { activity } = context;
    const answer = text.slice(0, maxNoteLength);
    const outcome = await this.deps.transitions.answer(
      request,
      { id: activity.from?.id ?? 'unknown', name: activity.from?.name || undefined },
      answer,
    );
    await this.state.set(context, {});
    if (!outcome.ok) {
      await context.sendActivity(t('decisions:user.noLongerWaiting', { reference: request.reference }));
      return;
    }
    this.deps.logger.info({ reference: request.reference }, 'applicant answered an information request');
    // The answer is safe in the event row already; a thread that cannot be reached loses nothing.
    await this.deps.notifier.toThread(
      outcome.request,
      this.deps.staffT('decisions:staff.userAnswered', { reference: request.reference, text: maskText(answer) }),
    );
    await this.deps.notifier.refreshCard(outcome.request);
    await context.sendActivity(t('decisions:user.answerSent', { reference: request.reference }));
  }

  /** The newest request of this applicant (in any of their conversations on this channel) waiting for their information. */
  private async waitingRequest(context: TurnContext, reference?: string): Promise<Request | null> {
    // The turn's read says whether any request of this applicant waits: when none does, no query.
    if (turnFacts(context)?.waitingRequest === false) return null;
    const { activity } = context;
    return this.deps.prisma.request.findFirst({
      where: {
        channelId: activity.channelId,
        userId: activity.from?.id ?? '',
        status: RequestStatus.INFO_REQUESTED,
        ...(reference ? { reference } : {}),
      },
      orderBy: { updatedAt: 'desc' },
    });
  }

  private async askedEventId(request: Request): Promise<string | undefined> {
    const event = await this.deps.prisma.requestEvent.findFirst({
      where: { requestId: request.id, toStatus: RequestStatus.INFO_REQUESTED },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: { id: true },
    });
    return event?.id;
  }

  /** A user talking to a person in a hand-off is talking to them, not answering the bot. */
  private async inLiveChat(context: TurnContext): Promise<boolean> {
    return (await openHandoffOf(context, this.handoffs)) !== null;
  }
}

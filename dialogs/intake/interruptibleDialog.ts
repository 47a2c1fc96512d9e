/**
 * The base of every form dialog: before a reply is taken as an answer it may be "help", "cancel",
 * "menu", a request for a person, or a question for the FAQ. Each is handled and the dialog stays
 * where it was, so the form resumes at the same question with nothing asked twice.
 */
import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from '../sdk';
import { turnInfo } from '../../bot/turnInfo';
import { sendMenu } from '../menu';
import { interruptionOf, looksLikeQuestion } from './words';
import { statusQuery } from './statusText';
import { commandIntent } from '../../bot/intents';
import { parseReference } from '../../bot/domain/reference';

/** Services an interruption may hand over to; both optional so the form works without them. */
export interface InterruptionDeps {
  /** Answers a FAQ question; true when it answered. Wired by the lead to bot/faq. */
  answerQuestion?: (context: TurnContext, text: string) => Promise<boolean>;
  /** Starts a hand-off; the form stays on the stack and resumes afterwards. */
  requestAgent?: (context: TurnContext) => Promise<void>;
  /** Answers "status WL-…" with the request's status. */
  showStatus?: (context: TurnContext, reference: string) => Promise<void>;
  /** Answers "my requests" with the user's requests. */
  showMyRequests?: (context: TurnContext) => Promise<void>;
}

export abstract class InterruptibleDialog<S extends object> extends Dialog {
  protected constructor(
    dialogId: string,
    private readonly interruptions: InterruptionDeps,
  ) {
    super(dialogId);
  }

  /** Handles an interruption, else passes the reply to the form. */
  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = this.stateOf(dc);
    const text = (dc.context.activity.text ?? '').trim();
    // Looking up a request never clashes with an answer (not even yes / no), so it works at every step.
    if (text && (await this.lookUp(dc, state, text))) return Dialog.EndOfTurn;
    if (text && this.allowsInterruptions(state)) {
      const result = await this.interrupt(dc, state, text);
      if (result) return result;
    }
    return this.onAnswer(dc, state, text);
  }

  /** Asks the current question again, in the turn's language (after a language switch or a hand-off). */
  override async repromptDialog(context: TurnContext, instance: DialogInstance<S>): Promise<void> {
    await this.prompt(context, instance.state);
  }

  /** The dialog's own state object, persisted with the conversation. */
  protected stateOf(dc: DialogContext): S {
    const instance: DialogInstance<S> | undefined = dc.activeDialog;
    if (!instance) throw new Error(`${this.id} continued without an active instance`);
    return instance.state;
  }

  /** Handles the reply as an answer to the current question. */
  protected abstract onAnswer(dc: DialogContext, state: S, text: string): Promise<DialogTurnResult>;
  /** Sends the current question. */
  protected abstract prompt(context: TurnContext, state: S): Promise<void>;
  /** Explains the current question. */
  protected abstract help(context: TurnContext, state: S): Promise<void>;
  /** The user asked to cancel. */
  protected abstract onCancel(dc: DialogContext, state: S): Promise<DialogTurnResult>;

  /** "menu": show it and keep the form where it is. */
  protected async onMenu(dc: DialogContext, state: S): Promise<DialogTurnResult> {
    await sendMenu(dc.context);
    await dc.context.sendActivity(turnInfo(dc.context).t('intake:flow.menuShown'));
    await this.prompt(dc.context, state);
    return Dialog.EndOfTurn;
  }

  /** Whether interruptions are read at all now (not while answering a yes/no about cancelling). */
  protected allowsInterruptions(_state: S): boolean {
    return true;
  }

  /** Whether a reference typed alone is an answer now rather than a status question. */
  protected takesBareReference(_state: S): boolean {
    return false;
  }

  /** "status WL-…" or "my requests": answered, then the form's question again; true when it was one. */
  private async lookUp(dc: DialogContext, state: S, text: string): Promise<boolean> {
    const { showStatus, showMyRequests } = this.interruptions;
    const reference = statusQuery(text);
    const bare = reference !== null && parseReference(text) !== null;
    if (showStatus && reference && !(bare && this.takesBareReference(state))) {
      await showStatus(dc.context, reference);
    } else if (showMyRequests && commandIntent(text) === 'myRequests') {
      await showMyRequests(dc.context);
    } else {
      return false;
    }
    await dc.context.sendActivity(turnInfo(dc.context).t('intake:flow.faqResume'));
    await this.prompt(dc.context, state);
    return true;
  }

  private async interrupt(dc: DialogContext, state: S, text: string): Promise<DialogTurnResult | undefined> {
    const { t } = turnInfo(dc.context);
    switch (interruptionOf(text)) {
      case 'help':
        await this.help(dc.context, state);
        return Dialog.EndOfTurn;
      case 'cancel':
        return this.onCancel(dc, state);
      case 'menu':
        return this.onMenu(dc, state);
      case 'agent':
        // The hand-off interceptor normally takes "agent" before the dialogs; this is the seam without it.
        if (this.interruptions.requestAgent) await this.interruptions.requestAgent(dc.context);
        else await dc.context.sendActivity(t('intake:flow.agentUnavailable'));
        return Dialog.EndOfTurn;
      default:
        break;
    }
    const answer = this.interruptions.answerQuestion;
    if (answer && looksLikeQuestion(text) && (await answer(dc.context, text))) {
      await dc.context.sendActivity(t('intake:flow.faqResume'));
      await this.prompt(dc.context, state);
      return Dialog.EndOfTurn;
    }
    return undefined;
  }
}

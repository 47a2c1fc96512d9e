/** "Check a request's status": asks for the reference unless the message already had one, then answers. */
import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from '../sdk';
import { parseReference } from '../../bot/domain/reference';
import type { RequestStore } from '../../bot/requests/store';
import { turnInfo } from '../../bot/turnInfo';
import { sendMenu } from '../menu';
import { DialogIds } from '../dialogIds';
import { InterruptibleDialog, type InterruptionDeps } from './interruptibleDialog';
import { replyWithStatus } from './statusText';

export interface StatusOptions {
  reference?: string;
}

export interface StatusDeps extends InterruptionDeps {
  store: RequestStore;
}

export class StatusDialog extends InterruptibleDialog<Record<string, never>> {
  constructor(private readonly deps: StatusDeps) {
    super(DialogIds.status, deps);
  }

  /** Answers at once when the reference came with the request; else asks for it. */
  override async beginDialog(dc: DialogContext, options?: StatusOptions): Promise<DialogTurnResult> {
    if (options?.reference) {
      await replyWithStatus(dc.context, this.deps.store, options.reference);
      return dc.endDialog();
    }
    await this.prompt(dc.context);
    return Dialog.EndOfTurn;
  }

  /** Reads the reference; an unreadable one is asked again with an example. */
  protected async onAnswer(dc: DialogContext, _state: Record<string, never>, text: string): Promise<DialogTurnResult> {
    const reference = parseReference(text);
    if (!reference) {
      await dc.context.sendActivity(turnInfo(dc.context).t('requests:status.badReference'));
      return Dialog.EndOfTurn;
    }
    await replyWithStatus(dc.context, this.deps.store, reference);
    return dc.endDialog();
  }

  /** Asks for the reference. */
  protected async prompt(context: TurnContext): Promise<void> {
    await context.sendActivity(turnInfo(context).t('requests:status.ask'));
  }

  /** Explains where the reference is found. */
  protected async help(context: TurnContext): Promise<void> {
    await context.sendActivity(turnInfo(context).t('requests:status.help'));
    await this.prompt(context);
  }

  /** Nothing to discard: stop at once. */
  protected async onCancel(dc: DialogContext): Promise<DialogTurnResult> {
    await dc.context.sendActivity(turnInfo(dc.context).t('requests:status.stopped'));
    return dc.endDialog();
  }

  /** A lookup is not worth keeping: the menu replaces it. */
  protected override async onMenu(dc: DialogContext): Promise<DialogTurnResult> {
    await sendMenu(dc.context);
    return dc.endDialog();
  }
}

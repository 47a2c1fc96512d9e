/**
 * The user's side of the conversation state a hand-off touches: returning them to the bot (their form
 * resumes, or the menu) and the pending callback offer. Kept in ConversationState, i.e. in the
 * database, so any instance — or the sweeper's proactive turn — can read and change it.
 */
import type { ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogSet, type DialogContext, type DialogState } from '../../dialogs/sdk';
import type { MainDialog } from '../../dialogs/mainDialog';
import { sendMenu } from '../../dialogs/menu';
import { turnInfo } from '../turnInfo';
import { dialogStateProperty } from '../psebBot';
import { formInProgress, type FormInProgress } from '../desk/form';

export interface CallbackOffer {
  /** The hand-off that gave up, or none when offered out of hours. */
  handoffId?: string;
  offeredAt: string;
}

/** An offer older than this is forgotten: the next message is a new conversation, not a callback note. */
export const callbackOfferTtlMs = 24 * 60 * 60 * 1000;

/** Whether a stored offer is still open at `now`. */
export function isOfferOpen(offer: CallbackOffer | undefined, now: Date): offer is CallbackOffer {
  return offer !== undefined && now.getTime() - Date.parse(offer.offeredAt) < callbackOfferTtlMs;
}

export class UserSession {
  private readonly dialogs: DialogSet;
  private readonly callbackOffer: StatePropertyAccessor<CallbackOffer | undefined>;

  constructor(
    private readonly conversationState: ConversationState,
    mainDialog: MainDialog,
  ) {
    this.dialogs = new DialogSet(conversationState.createProperty<DialogState>(dialogStateProperty)).add(mainDialog);
    this.callbackOffer = conversationState.createProperty<CallbackOffer | undefined>('handoffCallback');
  }

  /** Back with the bot: an interrupted form asks its question again; otherwise the menu. */
  async backWithBot(context: TurnContext, existing?: DialogContext): Promise<void> {
    const { t } = turnInfo(context);
    const dc = existing ?? (await this.dialogs.createContext(context));
    if (dc.activeDialog) {
      await context.sendActivity(t('handoff:user.formResumes'));
      await dc.repromptDialog();
    } else {
      await sendMenu(context);
    }
  }

  /** Whether a dialog (a form) waits for the user's next answer. */
  async inDialog(context: TurnContext, existing?: DialogContext): Promise<boolean> {
    const dc = existing ?? (await this.dialogs.createContext(context));
    return dc.activeDialog !== undefined;
  }

  /** The form the user is in the middle of, if any (read from the saved dialog stack). */
  async activeForm(context: TurnContext): Promise<FormInProgress | undefined> {
    const dc = await this.dialogs.createContext(context);
    return formInProgress(dc.stack);
  }

  /** Remembers that the user's next message is a callback note. */
  async offerCallback(context: TurnContext, offer: CallbackOffer): Promise<void> {
    await this.callbackOffer.set(context, offer);
  }

  /** The pending offer, if any. */
  async pendingOffer(context: TurnContext): Promise<CallbackOffer | undefined> {
    return this.callbackOffer.get(context);
  }

  /** Forgets the offer. */
  async clearOffer(context: TurnContext): Promise<void> {
    await this.callbackOffer.delete(context);
  }

  /** Saves changes made in a proactive turn (PsebBot saves user turns itself). */
  async save(context: TurnContext): Promise<void> {
    await this.conversationState.saveChanges(context, false);
  }
}

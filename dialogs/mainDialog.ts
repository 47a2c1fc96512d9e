/**
 * The root of every conversation: reads what the user asked for (a command, a menu pick, or a free
 * question) and hands over to the dialog or service for it. Services plug in as routes.
 */
import { ComponentDialog, type Dialog, type DialogContext, type DialogTurnResult, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { commandIntent, type Intent } from '../bot/intents';
import { turnInfo } from '../bot/turnInfo';
import { sendMenu, menuChoices } from './menu';
import { pickChoice } from '../cards/choices.card';
import { DialogIds } from './dialogIds';

/** Handles one intent; may begin a child dialog (returned result) or reply and end. */
export type Route = (dc: DialogContext, text: string) => Promise<DialogTurnResult | void>;

export interface MainDialogOptions {
  /** Set by a card's menu pick; otherwise the intent is read from the message. */
  intent?: Intent;
}

export class MainDialog extends ComponentDialog {
  private readonly routes: Partial<Record<Intent, Route>> = {};

  constructor() {
    super(DialogIds.main);
    this.addDialog(new WaterfallDialog(DialogIds.mainSteps, [this.route.bind(this), this.finish.bind(this)]));
    this.initialDialogId = DialogIds.mainSteps;
  }

  /** Registers the handler of an intent and the dialogs it begins. */
  useRoute(intent: Intent, route: Route, ...dialogs: Dialog[]): this {
    this.routes[intent] = route;
    for (const dialog of dialogs) this.addDialog(dialog);
    return this;
  }

  /** Picks the intent of this message and runs its route. */
  private async route(step: WaterfallStepContext<MainDialogOptions>): Promise<DialogTurnResult> {
    const text = (step.context.activity.text ?? '').trim();
    const intent = (step.options as MainDialogOptions | undefined)?.intent ?? this.intentOf(step, text);
    const route = this.routes[intent];
    if (route) {
      const result = await route(step, text);
      if (result) return result;
    } else if (intent === 'menu') {
      await sendMenu(step.context);
    } else {
      await step.context.sendActivity(turnInfo(step.context).t('common:notImplemented'));
    }
    return step.endDialog();
  }

  /** The menu again after a child dialog ends is noise; the child says what happened. */
  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog(step.result);
  }

  private intentOf(step: WaterfallStepContext, text: string): Intent {
    const { t } = turnInfo(step.context);
    const picked = pickChoice(text, menuChoices(t));
    if (picked) return picked.id as Intent;
    return commandIntent(text) ?? (text ? 'faq' : 'menu');
  }
}

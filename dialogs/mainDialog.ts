/**
 * The root of every conversation: reads what the user asked for (a menu pick, a card's intent, or free
 * text read by bot/router/intent.ts) and hands over to the route for it. The routes — one per intent,
 * all of them — are built in bot/routing.ts.
 */
import { ComponentDialog, type Dialog, type DialogContext, type DialogTurnResult, WaterfallDialog, type WaterfallStepContext } from './sdk';
import type { Intent } from '../bot/intents';
import { understand, type Understanding } from '../bot/router/intent';
import { turnInfo } from '../bot/turnInfo';
import { sendMenu, menuChoices } from './menu';
import { pickChoice } from '../cards/choices.card';
import { DialogIds } from './dialogIds';

/** Handles one intent; may begin a child dialog (returned result) or reply and end. */
export type Route = (dc: DialogContext, text: string, understood: Understanding) => Promise<DialogTurnResult | void>;

export interface MainDialogOptions {
  /** Set by a card's menu pick; otherwise the intent is read from the message. */
  intent?: Intent;
}

export class MainDialog extends ComponentDialog {
  private routes: Partial<Record<Intent, Route>> = {};

  constructor() {
    super(DialogIds.main);
    this.addDialog(new WaterfallDialog(DialogIds.mainSteps, [this.route.bind(this), this.finish.bind(this)]));
    this.initialDialogId = DialogIds.mainSteps;
  }

  /** Installs every intent's route and the dialogs they begin (bot/routing.ts). */
  useRoutes(routes: Record<Intent, Route>, dialogs: readonly Dialog[]): this {
    this.routes = { ...routes };
    for (const dialog of dialogs) this.addDialog(dialog);
    return this;
  }

  /** Registers one intent's route (tests that build a partial bot). */
  useRoute(intent: Intent, route: Route, ...dialogs: Dialog[]): this {
    this.routes[intent] = route;
    for (const dialog of dialogs) this.addDialog(dialog);
    return this;
  }

  /** Picks the intent of this message and runs its route. */
  private async route(step: WaterfallStepContext<MainDialogOptions>): Promise<DialogTurnResult> {
    const text = (step.context.activity.text ?? '').trim();
    const picked = (step.options as MainDialogOptions | undefined)?.intent;
    const understood = picked ? fromIntent(picked) : this.understand(step, text);
    const intent = intentOf(understood);
    const route = this.routes[intent];
    if (route) {
      const result = await route(step, text, understood);
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

  private understand(step: WaterfallStepContext, text: string): Understanding {
    if (!text) return { intent: 'menu' };
    const picked = pickChoice(text, menuChoices(turnInfo(step.context).t));
    return picked ? fromIntent(picked.id as Intent) : understand(text);
  }
}

/** A menu or card pick as an understanding. */
function fromIntent(intent: Intent): Understanding {
  switch (intent) {
    case 'whitelisting':
    case 'wfh':
      return { intent: 'apply', kind: intent };
    case 'status':
      return { intent: 'status', reference: null };
    default:
      return { intent };
  }
}

/** The route an understanding goes to; a question about applying is the FAQ's (with a start button). */
function intentOf(understood: Understanding): Intent {
  switch (understood.intent) {
    case 'apply':
      return understood.kind;
    case 'howToApply':
      return 'faq';
    default:
      return understood.intent;
  }
}

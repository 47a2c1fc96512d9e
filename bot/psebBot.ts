/**
 * The ActivityHandler: sets the turn's language and rendering, routes card verbs, lets interceptors
 * (hand-off relay, pending answers) take a typed message, and otherwise runs the dialogs. What the
 * interceptors and verb handlers are, and in which order, is decided in one place: bot/routing.ts.
 */
import {
  ActivityHandler,
  ActivityTypes,
  type ConversationState,
  type StatePropertyAccessor,
  type TurnContext,
  type UserState,
  type InvokeResponse,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogContext, type DialogState } from '../dialogs/sdk';
import type { i18n } from 'i18next';
import { renderingFor } from './channels';
import { languageSwitch, resolveLanguage, type LanguageDetector, type LanguagePreference } from './language';
import { setTurnInfo, turnInfo } from './turnInfo';
import { fixedT } from './i18n';
import type { Logger } from './logger';
import { isVerb, type Verb } from '../cards/verbs';
import type { MainDialog } from '../dialogs/mainDialog';
import { sendMenu } from '../dialogs/menu';
import { flushTurnWrites } from './ops/turnWrites';

/** Handles a card action; `dc` runs in the sender's conversation. */
export type VerbHandler = (dc: DialogContext, data: Record<string, unknown>) => Promise<void>;

/** Takes a typed message before the dialogs; returns true when it consumed it. */
export type Interceptor = (context: TurnContext, dc: DialogContext) => Promise<boolean>;

/** The bot's routing: every verb's handler (complete, so a missing one is a compile error) and the interceptors in order. */
export interface Routing {
  verbs: Record<Verb, VerbHandler>;
  interceptors: readonly Interceptor[];
}

/** The ConversationState property holding the dialog stack; features that resume a form open it too. */
export const dialogStateProperty = 'dialogState';

export interface BotDeps {
  conversationState: ConversationState;
  userState: UserState;
  i18n: i18n;
  logger: Logger;
  mainDialog: MainDialog;
  detectLanguage: LanguageDetector;
  /** Longest message accepted at all (a pasted agent list is long). */
  maxMessageLength: number;
}

export class PsebBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly languagePreference: StatePropertyAccessor<LanguagePreference>;
  private readonly dialogs: DialogSet;
  private verbHandlers: Partial<Record<Verb, VerbHandler>> = {};
  private interceptors: Interceptor[] = [];
  /** Added by tests after the routing's interceptors (probes that fail or slow a turn). */
  private readonly probes: Interceptor[] = [];

  constructor(private readonly deps: BotDeps) {
    super();
    this.dialogState = deps.conversationState.createProperty<DialogState>(dialogStateProperty);
    this.languagePreference = deps.userState.createProperty<LanguagePreference>('language');
    this.dialogs = new DialogSet(this.dialogState).add(deps.mainDialog);

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if ((context.activity.membersAdded ?? []).some((m) => m.id !== botId)) {
        await this.prepareTurn(context, undefined);
        await sendMenu(context, true);
      }
      await next();
    });
  }

  /** Installs the routing built by bot/routing.ts. */
  useRouting(routing: Routing): this {
    this.verbHandlers = { ...routing.verbs };
    this.interceptors = [...routing.interceptors];
    return this;
  }

  /** Test seam: an interceptor run after the routing's own. */
  intercept(interceptor: Interceptor): this {
    this.probes.push(interceptor);
    return this;
  }

  /** Runs the turn and saves state; state is saved even when a handler replied and stopped early. */
  override async run(context: TurnContext): Promise<void> {
    // Messages and invokes read both states anyway; asked for together, the storage reads them in one query.
    if (context.activity.type === ActivityTypes.Message || context.activity.type === ActivityTypes.Invoke) {
      await Promise.all([this.deps.conversationState.load(context), this.deps.userState.load(context)]);
    }
    await super.run(context);
    // Both states and the turn's deferred writes (transcript, reference, FAQ log) at once: one round trip.
    // All three are awaited before a failure (a lost eTag race) is passed on, so nothing is left in flight.
    const saved = await Promise.allSettled([
      this.deps.conversationState.saveChanges(context, false),
      this.deps.userState.saveChanges(context, false),
      flushTurnWrites(context),
    ]);
    const failed = saved.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /** Action.Execute (`adaptiveCard/action`) reaches the same verb handlers as Action.Submit. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(context);
    const action = (context.activity.value ?? {}) as { action?: { verb?: unknown; data?: unknown } };
    await this.prepareTurn(context, undefined);
    const data = isRecord(action.action?.data) ? action.action.data : {};
    await this.dispatchVerb(context, { ...data, verb: action.action?.verb });
    return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'OK' } };
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const text = context.activity.text ?? '';
    const switchTo = await this.prepareTurn(context, text);
    const { t } = turnInfo(context);
    if (text.length > this.deps.maxMessageLength) {
      await context.sendActivity(t('common:errors.tooLong', { length: text.length, max: this.deps.maxMessageLength }));
      return;
    }
    const dc = await this.dialogs.createContext(context);
    // A card submit (a verb and no text) goes to its handler; the routing guards user actions during a hand-off.
    const value: unknown = context.activity.value;
    if (isRecord(value) && value.verb !== undefined && !text) {
      await this.dispatchVerb(context, value, dc);
      return;
    }
    // Interceptors next: during a hand-off even "Urdu" belongs to the agent, and the bot stays silent.
    for (const interceptor of [...this.interceptors, ...this.probes]) if (await interceptor(context, dc)) return;
    if (switchTo) {
      await context.sendActivity(t('common:language.switched'));
      if (dc.activeDialog) await dc.repromptDialog();
      else await sendMenu(context);
      return;
    }
    if (!text.trim()) {
      if (!dc.activeDialog) await context.sendActivity(t('common:errors.unsupported'));
      else await dc.repromptDialog();
      return;
    }
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.deps.mainDialog.id);
  }

  /** Routes a card action to its handler; unknown verbs get a clear answer and the menu. */
  private async dispatchVerb(context: TurnContext, data: Record<string, unknown>, existing?: DialogContext): Promise<void> {
    const dc = existing ?? (await this.dialogs.createContext(context));
    const handler = isVerb(data.verb) ? this.verbHandlers[data.verb] : undefined;
    if (!handler) {
      this.deps.logger.info({ verb: String(data.verb).slice(0, 40) }, 'unknown card verb');
      await context.sendActivity(turnInfo(context).t('common:errors.unknownAction'));
      await sendMenu(context);
      return;
    }
    await handler(dc, data);
  }

  /**
   * Resolves the language (remembering it) and sets the turn info; returns a requested switch. While a
   * dialog waits for an answer the language stays put (the rule is in bot/language.ts).
   */
  private async prepareTurn(context: TurnContext, text: string | undefined) {
    const preference = await this.languagePreference.get(context, {});
    const switchTo = languageSwitch(text);
    if (switchTo) {
      preference.language = switchTo;
      preference.explicit = true;
    } else {
      const inForm = ((await this.dialogState.get(context))?.dialogStack?.length ?? 0) > 0;
      preference.language = resolveLanguage(text, preference, context.activity.locale, this.deps.detectLanguage, inForm);
    }
    await this.languagePreference.set(context, preference);
    const lang = preference.language;
    setTurnInfo(context, { lang, t: fixedT(this.deps.i18n, lang), rendering: renderingFor(context.activity.channelId) });
    return switchTo;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export { ActivityTypes };

/**
 * The bot's routing, in one place: which feature takes a card verb, which interceptors see a typed
 * message and in what order, and which route answers each intent of the main dialog. Every table is
 * complete (`Record<…>`), so a verb or intent without a handler is a compile error.
 *
 * A turn goes: card submit → its verb handler (user actions guarded by the hand-off) → interceptors in
 * this order → an active form → the main dialog's route for what the message asks (bot/router/intent.ts).
 */
import type { Dialog } from '../dialogs/sdk';
import type { Intent } from './intents';
import type { Interceptor, PsebBot, Routing, VerbHandler } from './psebBot';
import type { MainDialog, Route } from '../dialogs/mainDialog';
import { sendMenu } from '../dialogs/menu';
import { Verbs, type Verb } from '../cards/verbs';
import type { MountedHandoff } from './handoff/mount';
import type { FaqFeature } from './faq/mount';
import type { DecisionsRouting, RequestsFeature } from './requests/mount';
import type { MenuFeature } from './menu/mount';
import type { LettersRouting } from './letters/mount';
import type { MountedAnnouncements } from './announcements/mount';

export interface RoutedFeatures {
  menu: MenuFeature;
  decisions: DecisionsRouting;
  handoff: MountedHandoff['routing'];
  faq: FaqFeature;
  requests: RequestsFeature;
  letters: LettersRouting;
  announcements: Pick<MountedAnnouncements, 'optOutInterceptor'>;
}

export interface BotRouting extends Routing {
  routes: Record<Intent, Route>;
  dialogs: readonly Dialog[];
}

/** Builds the complete routing from the features. */
export function buildRouting(f: RoutedFeatures): BotRouting {
  /** A user's card click while a hand-off is open is the hand-off's (the bot stays out of the chat). */
  const user = f.handoff.guard;
  const verbs: Record<Verb, VerbHandler> = {
    [Verbs.menuSelect]: user(f.menu.onSelect),
    [Verbs.intakeSubmit]: user(f.requests.onIntakeVerb),
    [Verbs.intakeCancel]: user(f.requests.onIntakeVerb),
    [Verbs.faqPick]: user(f.faq.onPick),
    [Verbs.requestReply]: user(f.decisions.onReply),
    [Verbs.handoffClaim]: f.handoff.onClaim,
    [Verbs.handoffEnd]: f.handoff.onEnd,
    [Verbs.handoffSendAnswer]: f.handoff.onSendAnswer,
    // The rating card comes after the hand-off has ended, so it needs no guard.
    [Verbs.handoffRate]: f.handoff.onRate,
    [Verbs.requestDecide]: f.decisions.onDecide,
    [Verbs.requestRevoke]: f.letters.onRevoke,
  };
  const interceptors: Interceptor[] = [
    // Request threads and applicants' answers first: the hand-off answers every other support-channel message.
    f.decisions.interceptor,
    // An open hand-off takes everything (the bot stays silent); asking for a person anywhere starts one.
    f.handoff.interceptor,
    // A typed pick of the last "did you mean".
    f.faq.pickInterceptor,
    // "letter WL-…": a fresh link to the owner's approval letter.
    f.letters.commandInterceptor,
    // "stop announcements" / "announcements band karo" and back on.
    f.announcements.optOutInterceptor,
    // A CSV attached with no text while a form waits for its agents.
    f.requests.csvInterceptor,
  ];
  const routes: Record<Intent, Route> = {
    menu: async (dc) => sendMenu(dc.context),
    whitelisting: f.requests.routes.whitelisting,
    wfh: f.requests.routes.wfh,
    status: f.requests.routes.status,
    myRequests: f.requests.routes.myRequests,
    faq: f.faq.route,
    agent: f.handoff.agentRoute,
  };
  return { verbs, interceptors, routes, dialogs: f.requests.dialogs };
}

/** Installs the routing on the bot and the main dialog. */
export function useRouting(bot: PsebBot, mainDialog: MainDialog, routing: BotRouting): void {
  bot.useRouting(routing);
  mainDialog.useRoutes(routing.routes, routing.dialogs);
}

/**
 * The hand-off itself: queue a user for a person, post the card in the support channel, let the first
 * staff member claim it, relay both ways, and close it cleanly. Every decision reads and writes the
 * database (HandoffStore), so any instance can handle any turn.
 */
import { markIncomingPrivate } from '../transcript/transcriptMiddleware';
import { MessageFactory, TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { DialogContext } from '../../dialogs/sdk';
import type { i18n } from 'i18next';
import type { Logger } from '../logger';
import type { Translate, UiLanguage } from '../i18n';
import { isUiLanguage } from '../i18n';
import { renderingFor } from '../channels';
import { setTurnInfo, turnInfo } from '../turnInfo';
import { commandIntent } from '../intents';
import { maskText } from '../privacy/mask';
import type { StaffDirectory } from '../staff/staffDirectory';
import { normalizeAadId } from '../staff/staffDirectory';
import { threadReference, type SupportChannelStore } from '../support/supportChannel';
import type { Delivery, Messenger } from '../proactive/messenger';
import { buildHandoffCard, type HandoffCardState } from '../../cards/handoff.card';
import { buildRatingPrompt } from '../../cards/rating.card';
import { unpostedMarker, type Agent, type Handoff, type HandoffStore } from './handoffStore';
import type { SnippetStore } from '../desk/snippetStore';
import { snippetText } from '../desk/snippetStore';
import type { RatingStore } from '../desk/ratingStore';
import { parseRating, scoreOf, maxCommentLength, ratingOpenSince } from '../desk/rating';
import { asFormInProgress, type FormInProgress } from '../desk/form';
import { isWithinBusinessHours, type BusinessHours } from './businessHours';
import { isCancelRequest, isEndRequest, parseAgentCommand } from './phrases';
import { isOfferOpen, type UserSession } from './userSession';
import { turnFacts } from '../storage/turnFacts';

/** Staff read the support channel in English. */
export const staffLanguage: UiLanguage = 'en';

/** How many of the user's last messages the card and the console show. */
export const cardHistoryLength = 3;
/** How many FAQ answers the card and the console suggest. */
export const suggestionCount = 3;

/** An FAQ match suggested to the agent; `answer` is in the user's language. */
export interface SuggestedAnswer {
  topicId: string;
  question: string;
  answer: string;
}

/** The FAQ as the desk needs it (bot/faq's FaqService behind it). */
export interface AnswerSource {
  /** Up to `count` matches for the user's question, with answers in `language`. */
  suggest(text: string, language: string, count: number): Promise<SuggestedAnswer[]>;
  /** A topic's answer in `language`; undefined for an unknown topic. */
  answer(topicId: string, language: string): string | undefined;
}

/** What an agent sees of the user when taking a chat: all masked. */
export interface HandoffContext {
  language: string;
  lastMessages: string[];
  openRequests: { reference: string; status: string }[];
  form: FormInProgress | null;
  suggestions: SuggestedAnswer[];
}

/** Why a desk action (a reply, an answer, a snippet, an end) was refused or failed. */
export type DeskFailure = 'not_found' | 'closed' | 'not_claimed' | 'not_claimer' | 'unknown_topic' | 'unknown_snippet' | 'undelivered';
export type DeskOutcome = { ok: true } | { ok: false; reason: DeskFailure; by?: string | null; code?: string };

/** Where an agent acted: the Teams thread or the console (console messages are echoed into the thread). */
export type AgentOrigin = 'teams' | 'console';

export interface HandoffSettings {
  businessHours: BusinessHours;
  /** The BUSINESS_HOURS text, shown to users out of hours. */
  businessHoursText: string;
  slaMinutes: number;
  giveUpMinutes: number;
}

export interface HandoffServiceDeps {
  store: HandoffStore;
  staff: StaffDirectory;
  support: SupportChannelStore;
  messenger: Messenger;
  session: UserSession;
  i18n: i18n;
  logger: Logger;
  settings: HandoffSettings;
  clock: () => Date;
  snippets: SnippetStore;
  ratings: RatingStore;
  /** The FAQ for suggested answers; without it the card and console suggest nothing. */
  answers?: AnswerSource;
}

type Closer = { by: 'user' } | { by: 'agent'; agent: Agent } | { by: 'timeout' };

/** The user's own turn, when the close happens in it (so replies go back in that turn). */
interface UserTurn {
  context: TurnContext;
  dc: DialogContext;
}

export class HandoffService {
  private readonly staffT: Translate;

  constructor(private readonly deps: HandoffServiceDeps) {
    this.staffT = deps.i18n.getFixedT(staffLanguage);
  }

  /** The user asked for a person: queue them (or, out of hours, offer the helpline and a callback). */
  async request(context: TurnContext): Promise<void> {
    const { t, lang } = turnInfo(context);
    const { activity } = context;
    const existing = await this.deps.store.openForUser(activity.conversation.id);
    if (existing) {
      await context.sendActivity(
        existing.status === 'ACTIVE'
          ? t('handoff:user.alreadyChatting', { agent: existing.agentName })
          : t('handoff:user.stillWaiting', { position: await this.deps.store.queuePosition(existing) }),
      );
      return;
    }
    const now = this.deps.clock();
    if (!isWithinBusinessHours(this.deps.settings.businessHours, now)) {
      await this.deps.session.offerCallback(context, { offeredAt: now.toISOString() });
      await context.sendActivity(t('handoff:user.outOfHours', { hours: this.deps.settings.businessHoursText }));
      return;
    }
    const handoff = await this.deps.store.create({
      userConversationId: activity.conversation.id,
      userId: activity.from?.id ?? 'unknown',
      userName: activity.from?.name || undefined,
      channelId: activity.channelId,
      language: lang,
      topic: await this.topicOf(activity.conversation.id),
      form: await this.deps.session.activeForm(context),
    });
    this.deps.logger.info({ handoffId: handoff.id, channelId: handoff.channelId }, 'hand-off queued');
    await context.sendActivity(t('handoff:user.queued', { position: await this.deps.store.queuePosition(handoff) }));
    await this.postCard(handoff);
  }

  /** A message from a user whose hand-off is open; the bot itself says nothing but notices. */
  async onUserMessage(context: TurnContext, dc: DialogContext, handoff: Handoff): Promise<void> {
    const { t } = turnInfo(context);
    const text = (context.activity.text ?? '').trim();
    if (handoff.status === 'WAITING') {
      if (isCancelRequest(text) || isEndRequest(text)) {
        await this.close(handoff, { by: 'user' }, { context, dc });
        return;
      }
      if (text) await this.toThread(handoff, this.staffT('handoff:agent.userSays', { user: this.userName(handoff), text: maskText(text) }));
      await context.sendActivity(t('handoff:user.stillWaiting', { position: await this.deps.store.queuePosition(handoff) }));
      return;
    }
    if (isEndRequest(text)) {
      await this.close(handoff, { by: 'user' }, { context, dc });
      return;
    }
    if (!text) {
      await context.sendActivity(t('handoff:user.textOnly'));
      return;
    }
    // The message is in the transcript the console shows; without a Teams thread (a chat taken in the console
    // before the support channel was known) that is where the agent reads it, so only a failed thread send fails.
    const delivery = await this.toThread(
      handoff,
      this.staffT('handoff:agent.userSays', { user: this.userName(handoff), text: maskText(text) }),
    );
    if (!delivery.ok && delivery.code !== noThread) await context.sendActivity(t('handoff:user.relayFailed'));
  }

  /** A message in the hand-off's support thread: a reply to relay, a private note, or /end. */
  async onAgentMessage(context: TurnContext, handoff: Handoff): Promise<void> {
    const { activity } = context;
    const command = parseAgentCommand(TurnContext.removeRecipientMention(activity) ?? activity.text ?? '');
    if (command.kind === 'empty') return;
    const agent = this.agentOf(activity);
    if (!agent || !(await this.deps.staff.isStaff(agent.aadObjectId))) {
      await context.sendActivity(this.staffT('handoff:agent.notStaff'));
      return;
    }
    if (command.kind === 'note') {
      if (!command.text) {
        await context.sendActivity(this.staffT('handoff:agent.emptyNote'));
        return;
      }
      markIncomingPrivate(context);
      await this.deps.store.addNote(handoff, agent, command.text, activity.id, activity.conversation.id);
      await context.sendActivity(this.staffT('handoff:agent.noteSaved'));
      return;
    }
    if (handoff.status === 'WAITING') {
      await context.sendActivity(this.staffT('handoff:agent.claimFirst'));
      return;
    }
    if (!this.isClaimer(handoff, agent)) {
      await context.sendActivity(this.staffT('handoff:agent.notClaimer', { agent: handoff.agentName }));
      return;
    }
    if (command.kind === 'end') {
      await this.close(handoff, { by: 'agent', agent });
      return;
    }
    if (command.kind === 'reply') {
      const sent = await this.sendSnippet(handoff.id, agent, command.name, 'teams');
      if (!sent.ok && sent.reason === 'unknown_snippet')
        await context.sendActivity(this.staffT('handoff:agent.unknownSnippet', { name: command.name }));
      else if (!sent.ok) await context.sendActivity(this.staffT('handoff:agent.userUnreachable', { code: sent.code ?? sent.reason }));
      return;
    }
    const delivery = await this.relayAsAgent(handoff, agent, command.text, 'teams');
    if (!delivery.ok) await context.sendActivity(this.staffT('handoff:agent.userUnreachable', { code: delivery.code }));
  }

  /** A reply written in the console: to the user as from Teams, and echoed into the Teams thread. */
  async sendFromConsole(handoffId: string, agent: Agent, text: string): Promise<DeskOutcome> {
    const handoff = await this.claimedBy(handoffId, agent);
    if ('reason' in handoff) return handoff;
    const delivery = await this.relayAsAgent(handoff, agent, text, 'console');
    return delivery.ok ? { ok: true } : { ok: false, reason: 'undelivered', code: delivery.code };
  }

  /** Sends a suggested FAQ answer in the user's language (the card's button or the console's). */
  async sendAnswer(handoffId: string, agent: Agent, topicId: string, origin: AgentOrigin): Promise<DeskOutcome> {
    const handoff = await this.claimedBy(handoffId, agent);
    if ('reason' in handoff) return handoff;
    const answer = this.deps.answers?.answer(topicId, handoff.language);
    if (!answer) return { ok: false, reason: 'unknown_topic' };
    await this.deps.store.addEvent(handoff, `[${agent.name} sent the FAQ answer ${topicId}]`);
    const delivery = await this.relayAsAgent(handoff, agent, answer, origin, true);
    return delivery.ok ? { ok: true } : { ok: false, reason: 'undelivered', code: delivery.code };
  }

  /** Sends a saved reply (by name or id) in the user's language, English when that text is empty. */
  async sendSnippet(handoffId: string, agent: Agent, nameOrId: string, origin: AgentOrigin): Promise<DeskOutcome> {
    const handoff = await this.claimedBy(handoffId, agent);
    if ('reason' in handoff) return handoff;
    const snippet =
      (await this.deps.snippets.byName(nameOrId)) ?? (/^[0-9a-f-]{36}$/i.test(nameOrId) ? await this.deps.snippets.byId(nameOrId) : null);
    if (!snippet) return { ok: false, reason: 'unknown_snippet' };
    await this.deps.store.addEvent(handoff, `[${agent.name} sent the saved reply ${snippet.name}]`);
    const delivery = await this.relayAsAgent(handoff, agent, snippetText(snippet, handoff.language), origin, true);
    return delivery.ok ? { ok: true } : { ok: false, reason: 'undelivered', code: delivery.code };
  }

  /** The card's "send this answer" button: staff only, the claiming agent only. */
  async sendAnswerFromCard(context: TurnContext, data: Record<string, unknown>): Promise<void> {
    const agent = this.agentOf(context.activity);
    if (!agent || !(await this.deps.staff.isStaff(agent.aadObjectId))) {
      await context.sendActivity(this.staffT('handoff:agent.notStaff'));
      return;
    }
    const outcome = await this.sendAnswer(String(data.handoffId ?? ''), agent, String(data.topicId ?? ''), 'teams');
    if (outcome.ok) return;
    await context.sendActivity(this.staffT(deskFailureKeys[outcome.reason], { agent: outcome.by ?? '', code: outcome.code ?? '' }));
  }

  /** Ends a chat for an agent (the console's End): a claimed chat only by its agent. */
  async endFor(handoffId: string, agent: Agent): Promise<DeskOutcome> {
    const handoff = handoffId ? await this.deps.store.byId(handoffId) : null;
    if (!handoff) return { ok: false, reason: 'not_found' };
    if (handoff.status === 'CLOSED') return { ok: false, reason: 'closed' };
    if (handoff.status === 'ACTIVE' && !this.isClaimer(handoff, agent)) return { ok: false, reason: 'not_claimer', by: handoff.agentName };
    return (await this.close(handoff, { by: 'agent', agent })) ? { ok: true } : { ok: false, reason: 'closed' };
  }

  /** The user's language, last messages, open requests, unfinished form and suggested answers (masked). */
  async contextOf(handoff: Handoff): Promise<HandoffContext> {
    const [texts, openRequests, suggestions] = await Promise.all([
      this.deps.store.recentUserTexts(handoff.userConversationId, cardHistoryLength * 3),
      this.deps.store.openRequests(handoff.userId, handoff.channelId),
      this.suggestionsFor(handoff),
    ]);
    return {
      language: handoff.language,
      // Commands ("agent", "menu") say nothing about the user's matter.
      lastMessages: texts
        .filter((text) => text.trim() && commandIntent(text) === undefined)
        .slice(0, cardHistoryLength)
        .reverse()
        .map((text) => maskText(text)),
      openRequests,
      form: asFormInProgress(handoff.form) ?? null,
      suggestions,
    };
  }

  /**
   * The user's answer to the rating question, typed ("4 thank you"). Any other message — or any message
   * while a form waits for an answer — skips the question and goes on as usual.
   */
  async onRatingReply(context: TurnContext, dc: DialogContext): Promise<boolean> {
    const now = this.deps.clock();
    // The turn's read says when the newest rating still asked was asked: none, or too long ago, needs no query.
    const facts = turnFacts(context);
    if (facts && !(facts.ratingAskedAt && facts.ratingAskedAt >= ratingOpenSince(now))) return false;
    const pending = await this.deps.ratings.pendingFor(context.activity.conversation.id, now);
    if (!pending) return false;
    const rating = dc.activeDialog ? undefined : parseRating(context.activity.text ?? '');
    if (!rating) {
      await this.deps.ratings.skip(pending.id);
      return false;
    }
    await this.storeRating(context, pending.handoffId, rating.score, rating.comment, dc);
    return true;
  }

  /** The rating card's buttons. */
  async rateFromCard(context: TurnContext, data: Record<string, unknown>): Promise<void> {
    const score = scoreOf(data.score);
    const handoffId = typeof data.handoffId === 'string' ? data.handoffId : '';
    if (score === undefined || !handoffId) {
      await context.sendActivity(turnInfo(context).t('common:errors.unknownAction'));
      return;
    }
    const comment = typeof data.comment === 'string' ? data.comment.trim().slice(0, maxCommentLength) : undefined;
    await this.storeRating(context, handoffId, score, comment);
  }

  /** What the bot answers to a message in the support channel outside any open hand-off. */
  noHandoffNotice(): string {
    return this.staffT('handoff:agent.noHandoff');
  }

  /** The Claim button: staff only, first claim wins. */
  async claim(context: TurnContext, handoffId: unknown): Promise<void> {
    const agent = this.agentOf(context.activity);
    if (!agent || !(await this.deps.staff.isStaff(agent.aadObjectId))) {
      this.deps.logger.info({ handoffId: String(handoffId).slice(0, 64) }, 'claim refused: not staff');
      await context.sendActivity(this.staffT('handoff:agent.notStaff'));
      return;
    }
    const outcome = await this.claimFor(typeof handoffId === 'string' ? handoffId : '', agent);
    if (outcome.claimed || outcome.byYou) await context.sendActivity(this.staffT('handoff:agent.claimed', { agent: agent.name }));
    else if (outcome.status === 'ACTIVE') await context.sendActivity(this.staffT('handoff:agent.alreadyTaken', { agent: outcome.by }));
    else await context.sendActivity(this.staffT('handoff:agent.alreadyClosed'));
  }

  /**
   * Claims for a staff member (the caller has checked that) from anywhere — the Claim button or the
   * console: first claim wins; the winner's claim updates the card in place and tells the user who joined.
   * `byYou` marks a repeat by the same agent (a double click, or a re-run turn): nothing is sent twice.
   */
  async claimFor(
    handoffId: string,
    agent: Agent,
  ): Promise<{ claimed: true } | { claimed: false; byYou: boolean; by: string | null; status: string | null }> {
    const won = handoffId !== '' && (await this.deps.store.claim(handoffId, agent, this.deps.clock()));
    const handoff = handoffId ? await this.deps.store.byId(handoffId) : null;
    if (!won || !handoff) {
      const byYou = handoff?.status === 'ACTIVE' && this.isClaimer(handoff, agent);
      return { claimed: false, byYou, by: handoff?.agentName ?? null, status: handoff?.status ?? null };
    }
    this.deps.logger.info({ handoffId: handoff.id }, 'hand-off claimed');
    await this.refreshCard(handoff);
    await this.toUser(handoff, async (userContext, t) => {
      await userContext.sendActivity(t('handoff:user.joined', { agent: agent.name }));
    });
    return { claimed: true };
  }

  /** The End button on the card: staff only; a claimed chat only by its agent. */
  async endFromCard(context: TurnContext, handoffId: unknown): Promise<void> {
    const agent = this.agentOf(context.activity);
    if (!agent || !(await this.deps.staff.isStaff(agent.aadObjectId))) {
      await context.sendActivity(this.staffT('handoff:agent.notStaff'));
      return;
    }
    const handoff = typeof handoffId === 'string' ? await this.deps.store.byId(handoffId) : null;
    if (!handoff || handoff.status === 'CLOSED') {
      await context.sendActivity(this.staffT('handoff:agent.alreadyClosed'));
      return;
    }
    if (handoff.status === 'ACTIVE' && !this.isClaimer(handoff, agent)) {
      await context.sendActivity(this.staffT('handoff:agent.notClaimer', { agent: handoff.agentName }));
      return;
    }
    await this.close(handoff, { by: 'agent', agent });
  }

  /** A message while a callback offer is open: "cancel" declines, a command moves on, anything else is the note. */
  async onCallbackOffer(context: TurnContext, dc: DialogContext): Promise<boolean> {
    const offer = await this.deps.session.pendingOffer(context);
    if (!offer) return false;
    const text = (context.activity.text ?? '').trim();
    const { t, lang } = turnInfo(context);
    if (!isOfferOpen(offer, this.deps.clock()) || (text && !isCancelRequest(text) && commandIntent(text) !== undefined)) {
      await this.deps.session.clearOffer(context);
      return false;
    }
    if (!text) return false;
    await this.deps.session.clearOffer(context);
    if (isCancelRequest(text)) {
      await context.sendActivity(t('handoff:user.callbackDeclined'));
    } else {
      const { activity } = context;
      await this.deps.store.createCallback({
        handoffId: offer.handoffId,
        conversationId: activity.conversation.id,
        channelId: activity.channelId,
        userId: activity.from?.id ?? 'unknown',
        userName: activity.from?.name || undefined,
        language: lang,
        message: text,
      });
      this.deps.logger.info({ handoffId: offer.handoffId }, 'callback ticket created');
      await context.sendActivity(t('handoff:user.callbackSaved'));
    }
    await this.deps.session.backWithBot(context, dc);
    return true;
  }

  /** Sweeper: the SLA passed and nobody claimed; remind the channel, reassure the user. */
  async remindWaiting(handoff: Handoff): Promise<void> {
    await this.toThread(handoff, this.staffT('handoff:agent.slaReminder', { minutes: this.deps.settings.slaMinutes }));
    const position = await this.deps.store.queuePosition(handoff);
    await this.toUser(handoff, async (context, t) => {
      await context.sendActivity(t('handoff:user.slaReminder', { position }));
    });
  }

  /** Sweeper: nobody came in time (the row is already closed); offer a callback instead. */
  async giveUp(handoff: Handoff): Promise<void> {
    await this.refreshCard(handoff);
    await this.toThread(handoff, this.staffT('handoff:agent.gaveUp', { minutes: this.deps.settings.giveUpMinutes }));
    await this.toUser(handoff, async (context, t) => {
      await this.deps.session.offerCallback(context, { handoffId: handoff.id, offeredAt: this.deps.clock().toISOString() });
      await context.sendActivity(t('handoff:user.gaveUp'));
    });
  }

  /** Closes once (a second close is a no-op), updates the card, and tells both sides. */
  async close(handoff: Handoff, closer: Closer, userTurn?: UserTurn): Promise<boolean> {
    const closedBy = { by: closer.by, aadObjectId: closer.by === 'agent' ? closer.agent.aadObjectId : null };
    if (!(await this.deps.store.close(handoff.id, closedBy, this.deps.clock()))) return false;
    const closed = (await this.deps.store.byId(handoff.id)) ?? handoff;
    this.deps.logger.info({ handoffId: handoff.id, closedBy: closer.by }, 'hand-off closed');
    const wasWaiting = handoff.status === 'WAITING';
    await this.refreshCard(closed);
    const threadNotice =
      closer.by === 'agent'
        ? this.staffT('handoff:agent.endedByAgent', { agent: closer.agent.name })
        : this.staffT(wasWaiting ? 'handoff:agent.cancelled' : 'handoff:agent.endedByUser');
    await this.toThread(closed, threadNotice);
    const tellUser = async (context: TurnContext, t: Translate, dc?: DialogContext) => {
      const notice =
        closer.by === 'agent'
          ? t('handoff:user.endedByAgent', { agent: closer.agent.name })
          : t(wasWaiting ? 'handoff:user.cancelled' : 'handoff:user.endedByUser');
      await context.sendActivity(`${notice} ${t('handoff:user.back')}`);
      const askedInText = !wasWaiting && (await this.askRating(context, t, closed, await this.deps.session.inDialog(context, dc)));
      // A numbered text menu right after "reply 1 to 5" would be ambiguous: it follows the rating instead.
      if (!askedInText) await this.deps.session.backWithBot(context, dc);
    };
    if (userTurn) await tellUser(userTurn.context, turnInfo(userTurn.context).t, userTurn.dc);
    else await this.toUser(closed, tellUser);
    return true;
  }

  /**
   * Asks the user to rate a chat an agent had taken, once per hand-off: a card where cards work; in text
   * only when no form is waiting for an answer (a number would be the form's). True when asked in text.
   */
  private async askRating(context: TurnContext, t: Translate, handoff: Handoff, formOpen: boolean): Promise<boolean> {
    const { lang, rendering } = turnInfo(context);
    if (!handoff.claimedAt || (rendering !== 'adaptive' && formOpen)) return false;
    const asked = await this.deps.ratings.ask(
      {
        handoffId: handoff.id,
        userConversationId: handoff.userConversationId,
        agentAadId: handoff.agentAadId,
        agentName: handoff.agentName,
        language: handoff.language,
      },
      this.deps.clock(),
    );
    if (!asked) return false;
    await context.sendActivity(buildRatingPrompt({ handoffId: handoff.id, rtl: lang === 'ur' }, rendering, t));
    return rendering !== 'adaptive';
  }

  /** Stores a rating once and thanks the user; a typed one brings the menu the text prompt held back. */
  private async storeRating(
    context: TurnContext,
    handoffId: string,
    score: number,
    comment: string | undefined,
    dc?: DialogContext,
  ): Promise<void> {
    const { t } = turnInfo(context);
    const stored = await this.deps.ratings.rate(handoffId, score, comment, this.deps.clock());
    if (stored) this.deps.logger.info({ handoffId, score }, 'hand-off rated');
    await context.sendActivity(t(stored ? 'handoff:rating.thanks' : 'handoff:rating.already'));
    if (dc) await this.deps.session.backWithBot(context, dc);
  }

  /** The hand-off if this agent holds it, else why not. */
  private async claimedBy(handoffId: string, agent: Agent): Promise<Handoff | { ok: false; reason: DeskFailure; by?: string | null }> {
    const handoff = handoffId ? await this.deps.store.byId(handoffId) : null;
    if (!handoff) return { ok: false, reason: 'not_found' };
    if (handoff.status === 'CLOSED') return { ok: false, reason: 'closed' };
    if (handoff.status === 'WAITING') return { ok: false, reason: 'not_claimed' };
    if (!this.isClaimer(handoff, agent)) return { ok: false, reason: 'not_claimer', by: handoff.agentName };
    return handoff;
  }

  /**
   * The one relay path of an agent's words to the user, whatever they came from: sent "as from Teams", and
   * posted into the Teams thread when the thread did not see them typed: written in the console (marked so),
   * or a prepared text (FAQ answer, saved reply) sent from a card button or `/reply`.
   */
  private async relayAsAgent(handoff: Handoff, agent: Agent, text: string, origin: AgentOrigin, prepared = false): Promise<Delivery> {
    const delivery = await this.toUser(handoff, async (userContext, t) => {
      await userContext.sendActivity(t('handoff:user.agentSays', { agent: agent.name, text }));
    });
    if (origin === 'console')
      await this.toThread(handoff, this.staffT('handoff:agent.fromConsole', { agent: agent.name, text: maskText(text) }));
    else if (prepared && delivery.ok)
      await this.toThread(handoff, this.staffT('handoff:agent.preparedSent', { agent: agent.name, text: maskText(text) }));
    return delivery;
  }

  private async suggestionsFor(handoff: Handoff): Promise<SuggestedAnswer[]> {
    if (!this.deps.answers || !handoff.topic) return [];
    try {
      return await this.deps.answers.suggest(handoff.topic, handoff.language, suggestionCount);
    } catch (err) {
      this.deps.logger.warn({ err, handoffId: handoff.id }, 'FAQ suggestions failed');
      return [];
    }
  }

  /** Posts the card as a new thread in the support channel; until the channel is known the console has the queue. */
  /** Whether the bot knows where to post cards yet. */
  async supportChannelKnown(): Promise<boolean> {
    return Boolean(await this.deps.support.get());
  }

  /** Posts the card of a hand-off queued before the support channel was known; false when it could not. */
  async postLateCard(handoff: Handoff): Promise<boolean> {
    if (!(await this.deps.support.get())) return false;
    await this.postCard(handoff);
    const after = await this.deps.store.byId(handoff.id);
    return Boolean(after?.threadConversationId && !after.threadConversationId.startsWith(unpostedMarker));
  }

  private async postCard(handoff: Handoff): Promise<void> {
    const channel = await this.deps.support.get();
    if (!channel) {
      this.deps.logger.warn({ handoffId: handoff.id }, 'support channel not known yet; hand-off waits in the console queue');
      return;
    }
    const card = await this.cardFor(handoff);
    const thread = await this.deps.messenger.startThread(channel, MessageFactory.attachment(card));
    if (!thread.ok) {
      await this.deps.store.addEvent(handoff, `[support channel notification failed: ${thread.code}]`);
      return;
    }
    await this.deps.store.setThread(handoff.id, thread.conversationId, thread.activityId);
  }

  /** Rewrites the card in place to show the hand-off's current state. */
  private async refreshCard(handoff: Handoff): Promise<void> {
    const reference = await this.threadOf(handoff);
    if (!reference || !handoff.cardActivityId) return;
    const card = await this.cardFor(handoff);
    const delivery = await this.deps.messenger.update(
      reference,
      handoff.cardActivityId,
      MessageFactory.attachment(card) as Partial<Activity>,
    );
    if (!delivery.ok) await this.deps.store.addEvent(handoff, `[card update failed: ${delivery.code}]`);
  }

  private async cardFor(handoff: Handoff) {
    const context = await this.contextOf(handoff);
    return buildHandoffCard(
      {
        handoffId: handoff.id,
        state: cardState(handoff),
        userName: handoff.userName,
        channelId: handoff.channelId,
        language: handoff.language,
        topic: handoff.topic,
        agentName: handoff.agentName,
        requests: context.openRequests,
        form: context.form,
        lines: context.lastMessages.map((text) => ({ fromUser: true, text })),
        suggestions: context.suggestions,
      },
      this.staffT,
    );
  }

  /** Sends to the hand-off's thread; a failure is recorded against the hand-off, never thrown. */
  private async toThread(handoff: Handoff, text: string): Promise<Delivery> {
    const reference = await this.threadOf(handoff);
    if (!reference) return { ok: false, kind: 'unreachable', code: noThread };
    const delivery = await this.deps.messenger.send(reference, text);
    if (!delivery.ok) await this.deps.store.addEvent(handoff, `[relay to the support channel failed: ${delivery.code}]`);
    return delivery;
  }

  /** Runs a proactive turn in the user's conversation, in their language; state changes are saved. */
  private async toUser(handoff: Handoff, logic: (context: TurnContext, t: Translate) => Promise<void>): Promise<Delivery> {
    const reference = await this.deps.store.userReference(handoff.userConversationId);
    if (!reference) return { ok: false, kind: 'unreachable', code: 'NoConversationReference' };
    const lang: UiLanguage = isUiLanguage(handoff.language) ? handoff.language : 'en';
    const t = this.deps.i18n.getFixedT(lang);
    const delivery = await this.deps.messenger.continue(reference as Partial<ConversationReference>, async (context) => {
      setTurnInfo(context, { lang, t, rendering: renderingFor(handoff.channelId) });
      await logic(context, t);
      await this.deps.session.save(context);
    });
    if (!delivery.ok) await this.deps.store.addEvent(handoff, `[delivery to the user failed: ${delivery.code}]`);
    return delivery;
  }

  private async threadOf(handoff: Handoff): Promise<Partial<ConversationReference> | undefined> {
    if (!handoff.threadConversationId || handoff.threadConversationId.startsWith(unpostedMarker)) return undefined;
    const channel = await this.deps.support.get();
    return channel ? threadReference(channel, handoff.threadConversationId) : undefined;
  }

  /** The user's last real question (not a command such as "agent"), as the topic. */
  private async topicOf(conversationId: string): Promise<string | undefined> {
    const texts = await this.deps.store.recentUserTexts(conversationId, 5);
    return texts.map((text) => text.trim()).find((text) => text.length > 2 && commandIntent(text) === undefined);
  }

  private agentOf(activity: Partial<Activity>): Agent | undefined {
    const aadObjectId = activity.from?.aadObjectId;
    if (!aadObjectId) return undefined;
    return { aadObjectId, name: activity.from?.name?.trim() || 'PSEB' };
  }

  private isClaimer(handoff: Handoff, agent: Agent): boolean {
    return handoff.agentAadId !== null && normalizeAadId(handoff.agentAadId) === normalizeAadId(agent.aadObjectId);
  }

  private userName(handoff: Handoff): string {
    return handoff.userName || this.staffT('handoff:anonymousUser');
  }
}

/** The failure code of a send to a hand-off that has no Teams thread (yet): not an error, the console has it. */
const noThread = 'NoSupportThread';

/** What the thread is told when a card button's desk action is refused. */
const deskFailureKeys: Record<DeskFailure, string> = {
  not_found: 'handoff:agent.alreadyClosed',
  closed: 'handoff:agent.alreadyClosed',
  not_claimed: 'handoff:agent.claimFirst',
  not_claimer: 'handoff:agent.notClaimer',
  unknown_topic: 'handoff:agent.unknownTopic',
  unknown_snippet: 'handoff:agent.unknownTopic',
  undelivered: 'handoff:agent.userUnreachable',
};

/** The card's state for a row. */
export function cardState(handoff: Pick<Handoff, 'status' | 'closedBy' | 'claimedAt'>): HandoffCardState {
  if (handoff.status === 'WAITING') return 'waiting';
  if (handoff.status === 'ACTIVE') return 'active';
  if (handoff.closedBy === 'timeout') return 'timedOut';
  if (handoff.closedBy === 'agent') return 'endedByAgent';
  return handoff.claimedAt ? 'endedByUser' : 'cancelled';
}

/**
 * The hand-off itself: queue a user for a person, post the card in the support channel, let the first
 * staff member claim it, relay both ways, and close it cleanly. Every decision reads and writes the
 * database (HandoffStore), so any instance can handle any turn.
 */
import { markIncomingPrivate } from '../transcript/transcriptMiddleware';
import { MessageFactory, TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
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
import { unpostedMarker, type Agent, type Handoff, type HandoffStore } from './handoffStore';
import { isWithinBusinessHours, type BusinessHours } from './businessHours';
import { isCancelRequest, isEndRequest, parseAgentCommand } from './phrases';
import { isOfferOpen, type UserSession } from './userSession';

/** Staff read the support channel in English. */
export const staffLanguage: UiLanguage = 'en';

/** How many of the user's last messages the card shows. */
export const cardHistoryLength = 10;

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
    const delivery = await this.toThread(handoff, this.staffT('handoff:agent.userSays', { user: this.userName(handoff), text: maskText(text) }));
    if (!delivery.ok) await context.sendActivity(t('handoff:user.relayFailed'));
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
    const delivery = await this.toUser(handoff, async (userContext, t) => {
      await userContext.sendActivity(t('handoff:user.agentSays', { agent: agent.name, text: command.text }));
    });
    if (!delivery.ok) await context.sendActivity(this.staffT('handoff:agent.userUnreachable', { code: delivery.code }));
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
    const closedBy = closer.by === 'agent' ? `agent:${closer.agent.aadObjectId}` : closer.by;
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
      await this.deps.session.backWithBot(context, dc);
    };
    if (userTurn) await tellUser(userTurn.context, turnInfo(userTurn.context).t, userTurn.dc);
    else await this.toUser(closed, tellUser);
    return true;
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
    const delivery = await this.deps.messenger.update(reference, handoff.cardActivityId, MessageFactory.attachment(card) as Partial<Activity>);
    if (!delivery.ok) await this.deps.store.addEvent(handoff, `[card update failed: ${delivery.code}]`);
  }

  private async cardFor(handoff: Handoff) {
    const [lines, requestReferences] = await Promise.all([
      this.deps.store.lastLines(handoff.userConversationId, cardHistoryLength),
      this.deps.store.openRequestReferences(handoff.userId, handoff.channelId),
    ]);
    return buildHandoffCard(
      {
        handoffId: handoff.id,
        state: cardState(handoff),
        userName: handoff.userName,
        channelId: handoff.channelId,
        language: handoff.language,
        topic: handoff.topic,
        agentName: handoff.agentName,
        requestReferences,
        lines: lines.filter((l) => l.direction !== 'activity').map((l) => ({ fromUser: l.direction === 'incoming', text: l.text })),
      },
      this.staffT,
    );
  }

  /** Sends to the hand-off's thread; a failure is recorded against the hand-off, never thrown. */
  private async toThread(handoff: Handoff, text: string): Promise<Delivery> {
    const reference = await this.threadOf(handoff);
    if (!reference) return { ok: false, kind: 'unreachable', code: 'NoSupportThread' };
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
    if (!handoff.threadConversationId) return undefined;
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

/** The card's state for a row. */
export function cardState(handoff: Pick<Handoff, 'status' | 'closedBy' | 'claimedAt'>): HandoffCardState {
  if (handoff.status === 'WAITING') return 'waiting';
  if (handoff.status === 'ACTIVE') return 'active';
  if (handoff.closedBy === 'timeout') return 'timedOut';
  if (handoff.closedBy?.startsWith('agent')) return 'endedByAgent';
  return handoff.claimedAt ? 'endedByUser' : 'cancelled';
}

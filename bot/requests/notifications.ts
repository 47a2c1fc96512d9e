/**
 * Everything the request workflow sends: the new-request card (a new thread in the support channel),
 * the card updated in place, messages into that thread, and the applicant's notice in their own
 * conversation and language. Failures never throw: a thread failure is logged (the console still has
 * the request), an applicant failure is recorded on the request ("user not reachable").
 */
import { MessageFactory, type Activity, type ConversationReference } from 'botbuilder';
import type { i18n } from 'i18next';
import type { Logger } from '../logger';
import { isRtl, isUiLanguage, type Translate, type UiLanguage } from '../i18n';
import { renderingFor } from '../channels';
import { threadReference, type SupportChannelStore } from '../support/supportChannel';
import { latestConversationOf } from '../proactive/latestConversation';
import type { Delivery, Messenger } from '../proactive/messenger';
import type { PrismaClient, Request } from '../../generated/prisma/client';
import { buildRequestCard, type RequestCardView } from '../../cards/request.card';
import { buildRequestNotice, type NoticeLetterView } from '../../cards/requestNotice.card';
import { formatStaffTime, type RequestTransitions } from './transitions';

export interface RequestNotifierDeps {
  prisma: PrismaClient;
  transitions: RequestTransitions;
  support: SupportChannelStore;
  messenger: Messenger;
  i18n: i18n;
  staffT: Translate;
  logger: Logger;
  clock: () => Date;
  /** bot/letters: an approval's notice carries its letter. */
  letters?: { noticeView(request: Request, lang: UiLanguage): Promise<NoticeLetterView | undefined> };
}

export class RequestNotifier {
  constructor(private readonly deps: RequestNotifierDeps) {}

  /** Posts the new-request card as a new thread, once; until the channel is known the console has the request. */
  async notifyRequestSubmitted(submitted: Pick<Request, 'id'>): Promise<void> {
    const { prisma, logger } = this.deps;
    const request = await prisma.request.findUnique({ where: { id: submitted.id } });
    if (!request || request.threadConversationId) return;
    const channel = await this.deps.support.get();
    if (!channel) {
      logger.warn({ reference: request.reference }, 'support channel not known yet; the request waits in the console');
      return;
    }
    const thread = await this.deps.messenger.startThread(channel, MessageFactory.attachment(await this.cardFor(request)));
    if (!thread.ok) {
      logger.error({ reference: request.reference, code: thread.code }, 'could not post the new-request card');
      return;
    }
    await prisma.request.updateMany({
      where: { id: request.id, threadConversationId: null },
      data: { threadConversationId: thread.conversationId, threadActivityId: thread.activityId ?? null },
    });
  }

  /** Rewrites the card in place to show the request's current state. */
  async refreshCard(request: Request): Promise<void> {
    const reference = await this.threadOf(request);
    if (!reference || !request.threadActivityId) return;
    const card = MessageFactory.attachment(await this.cardFor(request)) as Partial<Activity>;
    const delivery = await this.deps.messenger.update(reference, request.threadActivityId, card);
    if (!delivery.ok) this.deps.logger.warn({ reference: request.reference, code: delivery.code }, 'request card update failed');
  }

  /** Sends a message to the request's thread. */
  async toThread(request: Request, text: string): Promise<Delivery> {
    const reference = await this.threadOf(request);
    if (!reference) return { ok: false, kind: 'unreachable', code: 'NoSupportThread' };
    const delivery = await this.deps.messenger.send(reference, text);
    if (!delivery.ok) this.deps.logger.warn({ reference: request.reference, code: delivery.code }, 'message to the request thread failed');
    return delivery;
  }

  /** Tells the applicant the new status (and the note) in their latest conversation; the outcome is recorded on the request. */
  async notifyApplicant(request: Request, note: string | undefined): Promise<Delivery> {
    const row = await this.applicantConversation(request);
    const lang: UiLanguage = isUiLanguage(request.language) ? request.language : 'en';
    const t = this.deps.i18n.getFixedT(lang);
    const letter = await this.letterFor(request, lang);
    const notice = buildRequestNotice(
      { reference: request.reference, status: request.status, note, rtl: isRtl(lang), letter },
      t,
      renderingFor(request.channelId),
    );
    const delivery: Delivery = row
      ? await this.deps.messenger.send(row.reference as unknown as Partial<ConversationReference>, notice)
      : { ok: false, kind: 'unreachable', code: 'NoConversationReference' };
    await this.deps.transitions.recordNotification(request.id, delivery.ok ? null : { code: delivery.code, at: this.deps.clock() });
    if (!delivery.ok) this.deps.logger.warn({ reference: request.reference, code: delivery.code }, 'applicant not reachable');
    return delivery;
  }

  /** The letter links for an approval; a failure leaves them out rather than the notice. */
  private async letterFor(request: Request, lang: UiLanguage): Promise<NoticeLetterView | undefined> {
    try {
      return await this.deps.letters?.noticeView(request, lang);
    } catch (err) {
      this.deps.logger.error({ err, reference: request.reference }, 'approval letter could not be issued');
      return undefined;
    }
  }

  /**
   * The applicant's most recent one-to-one conversation on the request's channel (latestConversationOf),
   * else the one they filed in.
   */
  private async applicantConversation(request: Request): Promise<{ reference: unknown } | null> {
    const latest = await latestConversationOf(this.deps.prisma, request);
    return latest ?? this.deps.prisma.conversationRef.findUnique({ where: { conversationId: request.conversationId } });
  }

  private async threadOf(request: Request): Promise<Partial<ConversationReference> | undefined> {
    if (!request.threadConversationId) return undefined;
    const channel = await this.deps.support.get();
    return channel ? threadReference(channel, request.threadConversationId) : undefined;
  }

  private async cardFor(request: Request) {
    const [agentCount, last] = await Promise.all([
      this.deps.prisma.requestAgent.count({ where: { requestId: request.id } }),
      this.deps.transitions.lastEvent(request.id),
    ]);
    return buildRequestCard(cardView(request, agentCount, last && { ...last, at: formatStaffTime(last.createdAt) }), this.deps.staffT);
  }
}

interface LastChange {
  actorId: string;
  actorName: string | null;
  at: string;
  note: string | null;
  fromStatus: Request['status'] | null;
}

/** The card's view of a row; `fields` is the intake draft as JSON, read defensively. */
export function cardView(request: Request, agentCount: number, last: LastChange | null): RequestCardView {
  const fields = isRecord(request.fields) ? request.fields : {};
  const text = (key: string) => (typeof fields[key] === 'string' && fields[key] ? (fields[key] as string) : undefined);
  const listed = Array.isArray(fields.agents) ? fields.agents.length : undefined;
  return {
    reference: request.reference,
    kind: request.kind,
    status: request.status,
    companyName: request.companyName,
    seats: typeof fields.agentSeats === 'number' ? fields.agentSeats : undefined,
    agentCount: agentCount || listed,
    startDate: text('startDate'),
    endDate: text('endDate'),
    submittedAt: formatStaffTime(request.createdAt),
    contactName: text('contactName'),
    contactMobile: text('contactMobile'),
    contactCnic: text('contactCnic'),
    channelId: request.channelId,
    language: request.language,
    last: last ? { actor: last.actorName ?? last.actorId, at: last.at, note: last.note, fromStatus: last.fromStatus } : undefined,
  };
}

/** A stored reference of a one-to-one chat (Web Chat has no conversation type; Teams says "personal"). */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

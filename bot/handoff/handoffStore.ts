/**
 * Hand-off rows. Every state change is a conditional update whose row count says who won, so two
 * instances (or two agents clicking at once) can never both claim, close or remind the same row.
 */
import { randomUUID } from 'node:crypto';
import type { ConversationReference, TurnContext } from 'botbuilder';
import {
  HandoffStatus,
  type PrismaClient,
  type Handoff,
  type CallbackTicket,
  type HandoffCloser,
  type Prisma,
} from '../../generated/prisma/client';
import type { FormInProgress } from '../desk/form';
import { turnFacts } from '../storage/turnFacts';

export type { Handoff };

/** A hand-off is open — the user is queued for or talking to a person — while it has one of these statuses. */
export const openHandoffStatuses: readonly HandoffStatus[] = [HandoffStatus.WAITING, HandoffStatus.ACTIVE];

export interface NewHandoff {
  userConversationId: string;
  userId: string;
  userName?: string;
  channelId: string;
  language: string;
  topic?: string;
  /** The form the user left to ask for a person. */
  form?: FormInProgress;
}

/** Placeholder thread id while one instance posts a late card. */
export const unpostedMarker = 'posting:';

export interface Agent {
  aadObjectId: string;
  name: string;
}

/** Request statuses a user may still be waiting on. */
const openRequestStatuses = ['SUBMITTED', 'IN_REVIEW', 'INFO_REQUESTED'] as const;

export class HandoffStore {
  constructor(private readonly prisma: PrismaClient) {}

  /** Queues a new hand-off. */
  create(data: NewHandoff): Promise<Handoff> {
    const { form, ...rest } = data;
    return this.prisma.handoff.create({
      data: { ...rest, form: form ? (JSON.parse(JSON.stringify(form)) as Prisma.InputJsonValue) : undefined, status: 'WAITING' },
    });
  }

  /** Reads one. */
  byId(id: string): Promise<Handoff | null> {
    return this.prisma.handoff.findUnique({ where: { id } });
  }

  /** The user's waiting or active hand-off in this conversation. */
  openForUser(userConversationId: string): Promise<Handoff | null> {
    return this.prisma.handoff.findFirst({
      where: { userConversationId, status: { in: [...openHandoffStatuses] } },
      orderBy: { createdAt: 'desc' },
    });
  }

  /** The open hand-off a support-channel thread belongs to. */
  openForThread(threadConversationId: string): Promise<Handoff | null> {
    return this.prisma.handoff.findFirst({
      where: { threadConversationId, status: { in: [...openHandoffStatuses] } },
      orderBy: { createdAt: 'desc' },
    });
  }

  /** 1-based place among waiting hand-offs (older first). */
  async queuePosition(handoff: Handoff): Promise<number> {
    return this.prisma.handoff.count({ where: { status: 'WAITING', createdAt: { lte: handoff.createdAt } } });
  }

  /** Remembers the thread and card posted for it. */
  async setThread(id: string, threadConversationId: string, cardActivityId: string | undefined): Promise<void> {
    await this.prisma.handoff.update({ where: { id }, data: { threadConversationId, cardActivityId } });
  }

  /** First claim wins: only a still-WAITING row changes. */
  async claim(id: string, agent: Agent, now: Date): Promise<boolean> {
    const { count } = await this.prisma.handoff.updateMany({
      where: { id, status: 'WAITING' },
      data: { status: 'ACTIVE', agentAadId: agent.aadObjectId, agentName: agent.name, claimedAt: now },
    });
    return count === 1;
  }

  /** Closes a waiting or active row; false when someone else closed it first. */
  async close(id: string, closer: { by: HandoffCloser; aadObjectId: string | null }, now: Date): Promise<boolean> {
    const { count } = await this.prisma.handoff.updateMany({
      where: { id, status: { in: [...openHandoffStatuses] } },
      data: { status: 'CLOSED', closedBy: closer.by, closedByAadId: closer.aadObjectId, closedAt: now },
    });
    return count === 1;
  }

  /** Waiting rows past the SLA that this caller now owns the reminder of. */
  async takeSlaDue(createdBefore: Date, now: Date): Promise<Handoff[]> {
    const due = await this.prisma.handoff.findMany({
      where: { status: 'WAITING', slaNotifiedAt: null, createdAt: { lte: createdBefore } },
      select: { id: true },
    });
    return this.takeEach(due, (id) =>
      this.prisma.handoff.updateMany({ where: { id, status: 'WAITING', slaNotifiedAt: null }, data: { slaNotifiedAt: now } }),
    );
  }

  /**
   * Waiting rows whose card was never posted (the support channel was not known yet), each taken by this
   * caller with a placeholder thread id, so two sweeping instances never post the same card twice.
   */
  async takeUnposted(): Promise<Handoff[]> {
    const due = await this.prisma.handoff.findMany({
      where: { status: 'WAITING', threadConversationId: null },
      select: { id: true },
      take: 20,
    });
    return this.takeEach(due, (id) =>
      this.prisma.handoff.updateMany({
        where: { id, status: 'WAITING', threadConversationId: null },
        data: { threadConversationId: `${unpostedMarker}${randomUUID()}` },
      }),
    );
  }

  /** Gives a taken row back when its card could not be posted, for a later sweep. */
  async releaseUnposted(id: string): Promise<void> {
    await this.prisma.handoff.updateMany({
      where: { id, threadConversationId: { startsWith: unpostedMarker } },
      data: { threadConversationId: null },
    });
  }

  /** Waiting rows past the give-up time, closed now by this caller. */
  async takeGiveUpDue(createdBefore: Date, now: Date): Promise<Handoff[]> {
    const due = await this.prisma.handoff.findMany({
      where: { status: 'WAITING', gaveUpAt: null, createdAt: { lte: createdBefore } },
      select: { id: true },
    });
    return this.takeEach(due, (id) =>
      this.prisma.handoff.updateMany({
        where: { id, status: 'WAITING', gaveUpAt: null },
        data: { gaveUpAt: now, status: 'CLOSED', closedBy: 'timeout', closedAt: now },
      }),
    );
  }

  /** The user's requests that are not decided yet: reference and status. */
  openRequests(userId: string, channelId: string): Promise<{ reference: string; status: string }[]> {
    return this.prisma.request.findMany({
      where: { userId, channelId, status: { in: [...openRequestStatuses] } },
      orderBy: { createdAt: 'asc' },
      select: { reference: true, status: true },
    });
  }

  /** Stores a private agent note against the user's conversation (never relayed). */
  async addNote(
    handoff: Handoff,
    agent: Agent,
    text: string,
    sourceActivityId: string | undefined,
    threadConversationId: string,
  ): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.transcriptMessage.create({
        data: {
          conversationId: handoff.userConversationId,
          channelId: handoff.channelId,
          userId: agent.aadObjectId,
          userName: agent.name,
          direction: 'activity',
          text,
          private: true,
        },
      }),
      // The transcript middleware stored the thread's copy before we knew it was a note.
      this.prisma.transcriptMessage.updateMany({
        where: { conversationId: threadConversationId, activityId: sourceActivityId ?? '' },
        data: { private: true },
      }),
    ]);
  }

  /** Records a system event (a failed relay) in the user's transcript for the console. */
  async addEvent(handoff: Handoff, text: string): Promise<void> {
    await this.prisma.transcriptMessage.create({
      data: { conversationId: handoff.userConversationId, channelId: handoff.channelId, direction: 'activity', text, private: true },
    });
  }

  /** Where the user's conversation can be reached proactively (stored by the transcript middleware). */
  async userReference(conversationId: string): Promise<Partial<ConversationReference> | undefined> {
    const row = await this.prisma.conversationRef.findUnique({ where: { conversationId } });
    return row ? (row.reference as unknown as Partial<ConversationReference>) : undefined;
  }

  /** The user's recent messages, newest first (for the topic). */
  async recentUserTexts(conversationId: string, take: number): Promise<string[]> {
    const rows = await this.prisma.transcriptMessage.findMany({
      where: { conversationId, direction: 'incoming', private: false, text: { not: null } },
      orderBy: { createdAt: 'desc' },
      take,
      select: { text: true },
    });
    return rows.map((r) => r.text ?? '');
  }

  /** A message the user left for a callback. */
  createCallback(data: {
    handoffId?: string;
    conversationId: string;
    channelId: string;
    userId: string;
    userName?: string;
    language: string;
    message: string;
  }): Promise<CallbackTicket> {
    return this.prisma.callbackTicket.create({ data });
  }

  private async takeEach(rows: { id: string }[], take: (id: string) => Promise<{ count: number }>): Promise<Handoff[]> {
    const won: Handoff[] = [];
    for (const { id } of rows) {
      if ((await take(id)).count !== 1) continue;
      const row = await this.byId(id);
      if (row) won.push(row);
    }
    return won;
  }
}

/** The user's open hand-off in this conversation (`openForUser`); no query when the turn's read found none. */
export async function openHandoffOf(context: TurnContext, store: Pick<HandoffStore, 'openForUser'>): Promise<Handoff | null> {
  if (turnFacts(context)?.openHandoff === false) return null;
  return store.openForUser(context.activity.conversation.id);
}

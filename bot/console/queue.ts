/** The hand-off queue as the console sees it, the first-claim-wins claim, and callback tickets. */
import type { PrismaClient } from '../../generated/prisma/client';
import { maskText } from '../privacy/mask';
import type { ConsoleActor } from './auth';
import { ConsoleError } from './errors';
import { HandoffStore, openHandoffStatuses } from '../handoff/handoffStore';

export interface QueueHandoff {
  id: string;
  status: 'WAITING' | 'ACTIVE';
  /** 1-based place in the waiting line; null once claimed. */
  position: number | null;
  userName: string | null;
  channelId: string;
  language: string;
  topic: string | null;
  conversationId: string;
  agentName: string | null;
  createdAt: string;
  claimedAt: string | null;
  /** Seconds from asking to being claimed (or until now while waiting). */
  waitSeconds: number;
}

export interface QueueTicket {
  id: string;
  handoffId: string | null;
  conversationId: string;
  channelId: string;
  userName: string | null;
  language: string;
  message: string;
  createdAt: string;
  ageSeconds: number;
}

/** The outcome a claim service reports. */
export type ClaimResult = { claimed: true } | { claimed: false; by: string | null };

/**
 * The hand-off feature's claim, so the Teams card is updated and the user told who joined.
 * SEAM: bot/handoff's HandoffService.claim needs a Teams turn; once it offers a claim by id and agent,
 * the lead wires it here. Until then the console claims through the same store, and nobody is notified.
 */
export type ClaimHandoff = (handoffId: string, agent: ConsoleActor) => Promise<ClaimResult>;

const seconds = (from: Date, to: Date): number => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

/** Waiting and active hand-offs (waiting ones numbered in order) and open callback tickets. */
export async function loadQueue(prisma: PrismaClient, now: Date): Promise<{ handoffs: QueueHandoff[]; callbacks: QueueTicket[] }> {
  const [handoffs, tickets] = await Promise.all([
    prisma.handoff.findMany({ where: { status: { in: [...openHandoffStatuses] } }, orderBy: { createdAt: 'asc' }, take: 500 }),
    prisma.callbackTicket.findMany({ where: { status: 'open' }, orderBy: { createdAt: 'asc' }, take: 500 }),
  ]);
  let position = 0;
  return {
    handoffs: handoffs.map((h) => ({
      id: h.id,
      status: h.status === 'WAITING' ? 'WAITING' : 'ACTIVE',
      position: h.status === 'WAITING' ? ++position : null,
      userName: h.userName,
      channelId: h.channelId,
      language: h.language,
      topic: h.topic === null ? null : maskText(h.topic),
      conversationId: h.userConversationId,
      agentName: h.agentName,
      createdAt: h.createdAt.toISOString(),
      claimedAt: h.claimedAt?.toISOString() ?? null,
      waitSeconds: seconds(h.createdAt, h.claimedAt ?? now),
    })),
    callbacks: tickets.map((t) => ({
      id: t.id,
      handoffId: t.handoffId,
      conversationId: t.conversationId,
      channelId: t.channelId,
      userName: t.userName,
      language: t.language,
      message: maskText(t.message),
      createdAt: t.createdAt.toISOString(),
      ageSeconds: seconds(t.createdAt, now),
    })),
  };
}

/** The fallback claim: bot/handoff's store claim (one conditional update, so of two simultaneous claims exactly one wins). */
export function conditionalClaim(prisma: PrismaClient, now: () => Date): ClaimHandoff {
  const store = new HandoffStore(prisma);
  return async (handoffId, agent) => {
    if (await store.claim(handoffId, { aadObjectId: agent.oid, name: agent.name }, now())) return { claimed: true };
    const current = await store.byId(handoffId);
    return { claimed: false, by: current?.agentName ?? null };
  };
}

/** Claims a hand-off through the given service; unknown → 404, lost race or closed → 409 naming the winner. */
export async function claimFromConsole(prisma: PrismaClient, claim: ClaimHandoff, handoffId: string, agent: ConsoleActor): Promise<void> {
  const exists = await prisma.handoff.findUnique({ where: { id: handoffId }, select: { id: true } });
  if (!exists) throw new ConsoleError('not_found', 'no such hand-off');
  const result = await claim(handoffId, agent);
  if (!result.claimed) throw new ConsoleError('already_claimed', 'already taken', { by: result.by });
}

/** Marks an open callback ticket done. */
export async function closeTicket(prisma: PrismaClient, ticketId: string, actor: ConsoleActor, now: Date): Promise<void> {
  const { count } = await prisma.callbackTicket.updateMany({
    where: { id: ticketId, status: 'open' },
    data: { status: 'done', doneAt: now },
  });
  if (count === 0) {
    const exists = await prisma.callbackTicket.findUnique({ where: { id: ticketId }, select: { id: true } });
    if (!exists) throw new ConsoleError('not_found', 'no such callback ticket');
    return;
  }
  await prisma.auditLog.create({ data: { actorId: actor.oid, action: 'callback.done', target: ticketId } });
}

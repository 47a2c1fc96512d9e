/**
 * Request status changes. Every change is a conditional update (`WHERE status = <expected>`) and its event
 * row in one transaction, so the first writer wins on any number of instances and a repeated, late or
 * concurrent click changes nothing. Used by staff decisions, applicants' answers, the console and letters.
 */
import type { PrismaClient, Request, RequestEvent } from '../../generated/prisma/client';
import { decisionPath, isValidPath, RequestStatus, type Decision } from '../domain/lifecycle';

/** Who changed a status: a staff member (AAD object id) or the applicant (channel user id). */
export interface Actor {
  id: string;
  name?: string;
}

export type TransitionOutcome =
  | { ok: true; request: Request; events: RequestEvent[] }
  | { ok: false; reason: 'notFound' }
  /** The request is not (any more) in a state this change applies to; `last` is the change that put it there. */
  | { ok: false; reason: 'alreadyDecided'; request: Request; last: RequestEvent | null };

/** Thrown inside the transaction to roll it back when another writer got there first. */
class LostRace extends Error {}

/** How many times a decision re-reads after losing to a change that still leaves it possible (an "open" by a colleague). */
const decideAttempts = 3;

export class RequestTransitions {
  constructor(private readonly prisma: PrismaClient) {}

  /** The request with this reference. */
  byReference(reference: string): Promise<Request | null> {
    return this.prisma.request.findUnique({ where: { reference } });
  }

  /** The request whose card started this support-channel thread. */
  byThread(threadConversationId: string): Promise<Request | null> {
    return this.prisma.request.findFirst({ where: { threadConversationId } });
  }

  /** The latest change, i.e. who put the request in its current status, and when. */
  lastEvent(requestId: string): Promise<RequestEvent | null> {
    return this.prisma.requestEvent.findFirst({ where: { requestId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  }

  /** Applies a staff decision; an unopened request is opened first (two events). */
  async decide(reference: string, decision: Decision, actor: Actor, note: string | undefined): Promise<TransitionOutcome> {
    for (let attempt = 1; ; attempt++) {
      const request = await this.byReference(reference);
      if (!request) return { ok: false, reason: 'notFound' };
      const path = decisionPath(request.status, decision);
      const outcome = path ? await this.apply(request, path, actor, note) : await this.refused(request);
      if (outcome.ok || !path || attempt >= decideAttempts) return outcome;
    }
  }

  /** A staff member opened the thread: SUBMITTED → IN_REVIEW; anything else is left alone. */
  open(request: Request, actor: Actor): Promise<TransitionOutcome> {
    return this.apply(request, [RequestStatus.IN_REVIEW], actor, undefined, RequestStatus.SUBMITTED);
  }

  /** The applicant answered: INFO_REQUESTED → IN_REVIEW, the answer kept as the event's note. */
  answer(request: Request, actor: Actor, text: string): Promise<TransitionOutcome> {
    return this.apply(request, [RequestStatus.IN_REVIEW], actor, text, RequestStatus.INFO_REQUESTED);
  }

  /** Staff withdraw an approval (bot/letters): APPROVED → REVOKED, the reason kept as the event's note. */
  async revoke(reference: string, actor: Actor, reason: string): Promise<TransitionOutcome> {
    const request = await this.byReference(reference);
    if (!request) return { ok: false, reason: 'notFound' };
    return this.apply(request, [RequestStatus.REVOKED], actor, reason, RequestStatus.APPROVED);
  }

  /** Records a failed notification (the console shows "user not reachable"), or clears it after a success. */
  async recordNotification(requestId: string, failure: { code: string; at: Date } | null): Promise<void> {
    await this.prisma.request.update({
      where: { id: requestId },
      data: failure ? { notifyError: failure.code, notifyFailedAt: failure.at } : { notifyError: null, notifyFailedAt: null },
    });
  }

  /**
   * Walks `path` from `expected` (the status read by the caller) in one transaction; the first step's
   * conditional update matches no row when someone else moved the request first, and nothing is written.
   */
  private async apply(
    request: Request,
    path: RequestStatus[],
    actor: Actor,
    note: string | undefined,
    expected = request.status,
  ): Promise<TransitionOutcome> {
    if (request.status !== expected || !isValidPath(expected, path)) return this.refused(request);
    try {
      const events = await this.prisma.$transaction(async (tx) => {
        const written: RequestEvent[] = [];
        let from = expected;
        for (const to of path) {
          const { count } = await tx.request.updateMany({ where: { reference: request.reference, status: from }, data: { status: to } });
          if (count !== 1) throw new LostRace();
          // The note belongs to the outcome, not to the "opened" step a decision may take first.
          const isLast = to === path[path.length - 1];
          written.push(
            await tx.requestEvent.create({
              data: {
                requestId: request.id,
                fromStatus: from,
                toStatus: to,
                actorId: actor.id,
                actorName: actor.name ?? null,
                note: isLast ? (note ?? null) : null,
              },
            }),
          );
          from = to;
        }
        return written;
      });
      const updated = await this.prisma.request.findUniqueOrThrow({ where: { id: request.id } });
      return { ok: true, request: updated, events };
    } catch (err) {
      if (!(err instanceof LostRace)) throw err;
      const current = await this.prisma.request.findUnique({ where: { id: request.id } });
      return current ? this.refused(current) : { ok: false, reason: 'notFound' };
    }
  }

  private async refused(request: Request): Promise<TransitionOutcome> {
    return { ok: false, reason: 'alreadyDecided', request, last: await this.lastEvent(request.id) };
  }
}

/** Times shown to staff: Pakistan time, unambiguous month. */
export function formatStaffTime(at: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Karachi',
    day: '2-digit',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(at);
}

/**
 * Staff decisions on requests. Every status change is a conditional update (`WHERE status = <expected>`)
 * and its event row in one transaction, so the first writer wins on any number of instances and a
 * repeated, late or concurrent click changes nothing. The Teams side (staff check, replies, card,
 * notifying the applicant) lives in DecisionService below.
 */
import type { Activity, TurnContext } from 'botbuilder';
import type { Logger } from '../logger';
import type { Translate } from '../i18n';
import type { PrismaClient, Request, RequestEvent } from '../../generated/prisma/client';
import { normalizeAadId, type StaffDirectory } from '../staff/staffDirectory';
import { decisionPath, decisionStatus, isValidPath, parseDecisionInput, RequestStatus, type Decision } from './lifecycle';
import type { RequestNotifier } from './notifications';

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
  private async apply(request: Request, path: RequestStatus[], actor: Actor, note: string | undefined, expected = request.status): Promise<TransitionOutcome> {
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
              data: { requestId: request.id, fromStatus: from, toStatus: to, actorId: actor.id, actorName: actor.name ?? null, note: isLast ? (note ?? null) : null },
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

/** The request stands where this actor's same decision put it. */
function isOwnDecision(outcome: Extract<TransitionOutcome, { reason: 'alreadyDecided' }>, actor: Actor, decision: Decision): boolean {
  const { request, last } = outcome;
  return request.status === decisionStatus[decision] && last !== null && last.toStatus === request.status && normalizeAadId(last.actorId) === normalizeAadId(actor.id);
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

/** The staff member behind a Teams activity, if it carries an AAD identity. */
export function staffActorOf(activity: Partial<Activity>): Actor | undefined {
  const id = activity.from?.aadObjectId;
  return id ? { id, name: activity.from?.name?.trim() || undefined } : undefined;
}

export interface DecisionServiceDeps {
  transitions: RequestTransitions;
  staff: StaffDirectory;
  notifier: RequestNotifier;
  /** Staff read the support channel in English. */
  staffT: Translate;
  logger: Logger;
}

export class DecisionService {
  constructor(private readonly deps: DecisionServiceDeps) {}

  /** The `request.decide` verb: staff only, first decision wins, card updated, applicant told. */
  async decide(context: TurnContext, data: Record<string, unknown>): Promise<void> {
    const { staffT, logger } = this.deps;
    const actor = staffActorOf(context.activity);
    if (!actor || !(await this.deps.staff.isStaff(actor.id))) {
      logger.info({ reference: String(data.reference).slice(0, 40) }, 'decision refused: not staff');
      await context.sendActivity(staffT('decisions:staff.notStaff'));
      return;
    }
    const input = parseDecisionInput(data);
    if (!input.ok) {
      await context.sendActivity(this.inputError(input.error, input.decision));
      return;
    }
    const { reference, decision, note } = input.value;
    const outcome = await this.deps.transitions.decide(reference, decision, actor, note);
    if (!outcome.ok) {
      if (outcome.reason === 'alreadyDecided' && isOwnDecision(outcome, actor, decision)) {
        // This turn re-run after a state conflict, or a double click: the decision and its notices already happened.
        await context.sendActivity(this.confirmation(outcome.request, outcome.request.notifyError));
        return;
      }
      await context.sendActivity(this.refusal(outcome, reference));
      return;
    }
    const { request } = outcome;
    logger.info({ reference, status: request.status }, 'request decided');
    await this.deps.notifier.refreshCard(request);
    const delivery = await this.deps.notifier.notifyApplicant(request, note);
    await context.sendActivity(this.confirmation(request, delivery.ok ? null : delivery.code));
  }

  /** Any message from staff in a request's thread opens it (SUBMITTED → IN_REVIEW); the bot relays nothing from there. */
  async onThreadMessage(context: TurnContext, request: Request): Promise<void> {
    const { staffT } = this.deps;
    const actor = staffActorOf(context.activity);
    if (!actor || !(await this.deps.staff.isStaff(actor.id))) {
      await context.sendActivity(staffT('decisions:staff.notStaff'));
      return;
    }
    const outcome = await this.deps.transitions.open(request, actor);
    if (!outcome.ok) {
      await context.sendActivity(staffT('decisions:staff.threadHint'));
      return;
    }
    await this.deps.notifier.refreshCard(outcome.request);
    await context.sendActivity(staffT('decisions:staff.opened', { actor: actor.name ?? actor.id, reference: request.reference }));
  }

  private confirmation(request: Request, failureCode: string | null): string {
    const { staffT } = this.deps;
    const status = staffT(`decisions:status.${request.status}`);
    return failureCode
      ? staffT('decisions:staff.decidedUnreachable', { status, reference: request.reference, code: failureCode })
      : staffT('decisions:staff.decided', { status, reference: request.reference });
  }

  private inputError(error: 'invalid' | 'noteRequired' | 'noteTooLong', decision: Decision | undefined): string {
    const { staffT } = this.deps;
    if (error === 'noteRequired') return staffT('decisions:staff.noteRequired', { action: staffT(`decisions:card.action.${decision ?? 'reject'}`) });
    if (error === 'noteTooLong') return staffT('decisions:staff.noteTooLong');
    return staffT('decisions:staff.invalid');
  }

  private refusal(outcome: Extract<TransitionOutcome, { ok: false }>, reference: string): string {
    const { staffT } = this.deps;
    if (outcome.reason === 'notFound') return staffT('decisions:staff.notFound', { reference: reference.slice(0, 40) });
    const { request, last } = outcome;
    return staffT('decisions:staff.alreadyDecided', {
      reference: request.reference,
      status: staffT(`decisions:status.${request.status}`),
      actor: last?.actorName ?? last?.actorId ?? staffT('decisions:someone'),
      at: formatStaffTime(last?.createdAt ?? request.updatedAt),
    });
  }
}

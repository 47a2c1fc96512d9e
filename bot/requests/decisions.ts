/**
 * Staff decisions on requests, the Teams side: the staff check, replies, the card and notifying the
 * applicant. The status changes themselves are RequestTransitions (transitions.ts).
 */
import type { Activity, TurnContext } from 'botbuilder';
import type { Logger } from '../logger';
import type { Translate } from '../i18n';
import { normalizeAadId, type StaffDirectory } from '../staff/staffDirectory';
import { decisionStatus, parseDecisionInput, type Decision } from '../domain/lifecycle';
import type { RequestNotifier } from './notifications';
import { formatStaffTime, type RequestTransitions, type Actor, type TransitionOutcome } from './transitions';
import type { Request } from '../../generated/prisma/client';

/** The request stands where this actor's same decision put it. */
function isOwnDecision(outcome: Extract<TransitionOutcome, { reason: 'alreadyDecided' }>, actor: Actor, decision: Decision): boolean {
  const { request, last } = outcome;
  return (
    request.status === decisionStatus[decision] &&
    last !== null &&
    last.toStatus === request.status &&
    normalizeAadId(last.actorId) === normalizeAadId(actor.id)
  );
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
    if (error === 'noteRequired')
      return staffT('decisions:staff.noteRequired', { action: staffT(`decisions:card.action.${decision ?? 'reject'}`) });
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

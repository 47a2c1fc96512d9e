/**
 * The request lifecycle — SUBMITTED → IN_REVIEW → APPROVED | REJECTED | INFO_REQUESTED, and
 * INFO_REQUESTED → IN_REVIEW when the applicant answers — and the staff decision a card carries.
 * Pure: the database code asks these functions what is allowed and never decides on its own.
 */
import { RequestStatus } from '../../generated/prisma/client';

export { RequestStatus };

/** Every status a request may move to from each status; anything else is refused. */
export const allowedTransitions: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
  SUBMITTED: [RequestStatus.IN_REVIEW],
  IN_REVIEW: [RequestStatus.APPROVED, RequestStatus.REJECTED, RequestStatus.INFO_REQUESTED],
  INFO_REQUESTED: [RequestStatus.IN_REVIEW],
  // Staff may withdraw an approval (bot/letters); the letter then verifies as revoked.
  APPROVED: [RequestStatus.REVOKED],
  REJECTED: [],
  REVOKED: [],
};

/** Whether `from → to` is one allowed step. */
export function canTransition(from: RequestStatus, to: RequestStatus): boolean {
  return allowedTransitions[from].includes(to);
}

export const decisions = ['approve', 'reject', 'needs_info'] as const;
export type Decision = (typeof decisions)[number];

/** The status each decision leads to. */
export const decisionStatus: Readonly<Record<Decision, RequestStatus>> = {
  approve: RequestStatus.APPROVED,
  reject: RequestStatus.REJECTED,
  needs_info: RequestStatus.INFO_REQUESTED,
};

/** Narrows an untrusted card value to a decision. */
export function isDecision(value: unknown): value is Decision {
  return typeof value === 'string' && (decisions as readonly string[]).includes(value);
}

/** The applicant must be told why they were refused or what is missing; an approval needs no note. */
export function noteRequired(decision: Decision): boolean {
  return decision !== 'approve';
}

/**
 * The steps a decision takes from `from`: an unopened request is opened first (two events), one in
 * review goes straight to the outcome, and a request already decided (or waiting for the applicant)
 * takes none — null.
 */
export function decisionPath(from: RequestStatus, decision: Decision): RequestStatus[] | null {
  const to = decisionStatus[decision];
  if (canTransition(from, to)) return [to];
  // Only an unopened request is opened by a decision; one waiting for the applicant waits for their answer.
  if (from === RequestStatus.SUBMITTED) return [RequestStatus.IN_REVIEW, to];
  return null;
}

/** Whether a path is a chain of allowed steps starting at `from`. */
export function isValidPath(from: RequestStatus, path: readonly RequestStatus[]): boolean {
  let current = from;
  for (const next of path) {
    if (!canTransition(current, next)) return false;
    current = next;
  }
  return path.length > 0;
}

/** Longest note kept; the card's input and the user's message stay readable. */
export const maxNoteLength = 1000;

export interface DecisionInput {
  reference: string;
  decision: Decision;
  /** Trimmed; undefined when empty. */
  note?: string;
}

export type DecisionInputError = 'invalid' | 'noteRequired' | 'noteTooLong';

/** Reads and checks a `request.decide` payload (Action.Submit value or Action.Execute data with the card's inputs). */
export function parseDecisionInput(
  data: Record<string, unknown>,
): { ok: true; value: DecisionInput } | { ok: false; error: DecisionInputError; decision?: Decision } {
  const reference = typeof data.reference === 'string' ? data.reference.trim() : '';
  if (!reference || reference.length > 40 || !isDecision(data.decision)) return { ok: false, error: 'invalid' };
  const decision = data.decision;
  const note = typeof data.note === 'string' ? data.note.trim() : '';
  if (note.length > maxNoteLength) return { ok: false, error: 'noteTooLong', decision };
  if (!note && noteRequired(decision)) return { ok: false, error: 'noteRequired', decision };
  return { ok: true, value: { reference, decision, note: note || undefined } };
}

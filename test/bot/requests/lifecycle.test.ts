/** The lifecycle rules and the decision payload, on their own. */
import {
  allowedTransitions,
  canTransition,
  decisionPath,
  isValidPath,
  maxNoteLength,
  parseDecisionInput,
  RequestStatus,
  type Decision,
} from '../../../bot/domain/lifecycle';

const statuses = Object.values(RequestStatus);

describe('allowed transitions', () => {
  const allowed: [RequestStatus, RequestStatus][] = [
    ['SUBMITTED', 'IN_REVIEW'],
    ['IN_REVIEW', 'APPROVED'],
    ['IN_REVIEW', 'REJECTED'],
    ['IN_REVIEW', 'INFO_REQUESTED'],
    ['INFO_REQUESTED', 'IN_REVIEW'],
    // bot/letters: staff withdraw an approval.
    ['APPROVED', 'REVOKED'],
  ];

  it.each(allowed)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it('refuses every other pair, including staying put and leaving a final decision (but revoking an approval)', () => {
    const refused = statuses
      .flatMap((from) => statuses.map((to) => [from, to] as const))
      .filter(([from, to]) => !allowed.some(([f, t]) => f === from && t === to));
    expect(refused).toHaveLength(statuses.length ** 2 - allowed.length);
    for (const [from, to] of refused) expect(canTransition(from, to)).toBe(false);
    expect(allowedTransitions.APPROVED).toEqual(['REVOKED']);
    expect(allowedTransitions.REJECTED).toEqual([]);
    expect(allowedTransitions.REVOKED).toEqual([]);
  });

  it('checks a path step by step', () => {
    expect(isValidPath('SUBMITTED', ['IN_REVIEW', 'APPROVED'])).toBe(true);
    expect(isValidPath('SUBMITTED', ['APPROVED'])).toBe(false);
    expect(isValidPath('IN_REVIEW', ['INFO_REQUESTED', 'IN_REVIEW', 'REJECTED'])).toBe(true);
    expect(isValidPath('IN_REVIEW', [])).toBe(false);
  });
});

describe('the steps a decision takes', () => {
  const cases: [RequestStatus, Decision, RequestStatus[] | null][] = [
    ['SUBMITTED', 'approve', ['IN_REVIEW', 'APPROVED']],
    ['SUBMITTED', 'needs_info', ['IN_REVIEW', 'INFO_REQUESTED']],
    ['IN_REVIEW', 'reject', ['REJECTED']],
    ['IN_REVIEW', 'needs_info', ['INFO_REQUESTED']],
    ['APPROVED', 'approve', null],
    ['APPROVED', 'reject', null],
    ['REJECTED', 'approve', null],
    ['INFO_REQUESTED', 'approve', null],
    ['INFO_REQUESTED', 'needs_info', null],
  ];

  it.each(cases)('from %s, %s takes %j', (from, decision, path) => {
    expect(decisionPath(from, decision)).toEqual(path);
  });
});

describe('the decision payload', () => {
  it('accepts an approval without a note and trims notes', () => {
    expect(parseDecisionInput({ verb: 'request.decide', reference: ' WL-7K3M9Q ', decision: 'approve', note: '  ' })).toEqual({
      ok: true,
      value: { reference: 'WL-7K3M9Q', decision: 'approve', note: undefined },
    });
    expect(parseDecisionInput({ reference: 'WL-7K3M9Q', decision: 'reject', note: ' Incomplete agent list \n' })).toEqual({
      ok: true,
      value: { reference: 'WL-7K3M9Q', decision: 'reject', note: 'Incomplete agent list' },
    });
  });

  it.each(['reject', 'needs_info'] as const)('requires a note for %s', (decision) => {
    expect(parseDecisionInput({ reference: 'WL-7K3M9Q', decision })).toEqual({ ok: false, error: 'noteRequired', decision });
    expect(parseDecisionInput({ reference: 'WL-7K3M9Q', decision, note: ' \t' })).toEqual({ ok: false, error: 'noteRequired', decision });
  });

  it('refuses an unknown decision, a missing reference and a note that is not text', () => {
    expect(parseDecisionInput({ reference: 'WL-7K3M9Q', decision: 'delete' })).toEqual({ ok: false, error: 'invalid' });
    expect(parseDecisionInput({ decision: 'approve' })).toEqual({ ok: false, error: 'invalid' });
    expect(parseDecisionInput({ reference: 42, decision: 'approve' })).toEqual({ ok: false, error: 'invalid' });
    expect(parseDecisionInput({ reference: 'WL-7K3M9Q', decision: 'reject', note: { text: 'x' } })).toEqual({
      ok: false,
      error: 'noteRequired',
      decision: 'reject',
    });
  });

  it('refuses a note longer than the limit', () => {
    expect(parseDecisionInput({ reference: 'WL-7K3M9Q', decision: 'approve', note: 'x'.repeat(maxNoteLength + 1) })).toEqual({
      ok: false,
      error: 'noteTooLong',
      decision: 'approve',
    });
    expect(parseDecisionInput({ reference: 'WL-7K3M9Q', decision: 'approve', note: 'x'.repeat(maxNoteLength) }).ok).toBe(true);
  });
});

/**
 * How long an approval letter is valid, and what a verification says at a given moment. Pure: the
 * clock is passed in, so tests move it.
 */
import type { RequestKind, RequestStatus } from '../../generated/prisma/client';

export interface ValidityRules {
  /** Days a whitelisting letter is valid from approval. */
  whitelistingDays: number;
  /** Days a work-from-home letter is valid from approval; undefined: until the request's end date. */
  wfhDays?: number;
}

export interface ValidityPeriod {
  validFrom: Date;
  validUntil: Date;
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The end of a YYYY-MM-DD day in Pakistan time. */
export function karachiDayEnd(day: string): Date {
  return new Date(`${day}T23:59:59.999+05:00`);
}

/** The period a letter issued at `approvedAt` covers; a WFH request without a readable end date gets the whitelisting period. */
export function validityOf(kind: RequestKind, approvedAt: Date, fields: unknown, rules: ValidityRules): ValidityPeriod {
  const days = (n: number) => ({ validFrom: approvedAt, validUntil: new Date(approvedAt.getTime() + n * DAY_MS) });
  if (kind === 'whitelisting') return days(rules.whitelistingDays);
  if (rules.wfhDays !== undefined) return days(rules.wfhDays);
  const endDate = typeof fields === 'object' && fields !== null ? (fields as Record<string, unknown>).endDate : undefined;
  if (typeof endDate === 'string' && ISO_DATE.test(endDate) && !Number.isNaN(karachiDayEnd(endDate).getTime())) {
    return { validFrom: approvedAt, validUntil: karachiDayEnd(endDate) };
  }
  return days(rules.whitelistingDays);
}

export type VerificationStatus = 'valid' | 'expired' | 'revoked' | 'not_found';

/** What a letter holder is told; a wrong code, an unknown reference and a request without a letter all read "not found". */
export function verificationStatus(
  request: { status: RequestStatus; letterCode: string | null; validUntil: Date | null } | null,
  code: string,
  now: Date,
): VerificationStatus {
  if (!request || !request.letterCode || !codesEqual(request.letterCode, code)) return 'not_found';
  if (request.status === 'REVOKED') return 'revoked';
  if (request.status !== 'APPROVED' || !request.validUntil) return 'not_found';
  return now.getTime() > request.validUntil.getTime() ? 'expired' : 'valid';
}

/** Constant-time comparison of two codes. */
function codesEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** What an approval letter says, read from the request, its agents and the approving event. */
import type { PrismaClient, Request, RequestKind } from '../../generated/prisma/client';
import { maskCnicLast4 } from '../privacy/mask';
import type { Translate } from '../i18n';

export interface LetterAgent {
  fullName: string;
  /** Only the last four digits shown. */
  cnic: string;
  city: string;
}

export interface LetterData {
  reference: string;
  kind: RequestKind;
  companyName: string;
  ntn: string;
  /** Whitelisting: the call centre's city. */
  city?: string;
  /** Whitelisting: the public IPs to whitelist. */
  ipAddresses: string[];
  /** Work from home: the agents, in filing order. */
  agents: LetterAgent[];
  validFrom: Date;
  validUntil: Date;
  /** Who approved it (the approving event's name); undefined when unknown. */
  officer?: string;
  issuedAt: Date;
  verifyUrl: string;
}

/** An issued request (approved or revoked, with its code and period) as its letter reads. */
export type IssuedRequest = Request & { letterCode: string; validFrom: Date; validUntil: Date };

export function isIssued(request: Request): request is IssuedRequest {
  return request.letterCode !== null && request.validFrom !== null && request.validUntil !== null;
}

/** A city as stored by the form (a named city id or free text), in English. */
export function cityName(value: unknown, t: Translate): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    const city = value as { kind?: unknown; id?: unknown; name?: unknown };
    if (city.kind === 'named' && typeof city.id === 'string') return t(`intake:cities.${city.id}`);
    if (typeof city.name === 'string') return city.name;
  }
  return '';
}

/** Reads the letter's content; `enT` renders city names. */
export async function loadLetterData(prisma: PrismaClient, request: IssuedRequest, verifyUrl: string, enT: Translate): Promise<LetterData> {
  const [agents, approval] = await Promise.all([
    prisma.requestAgent.findMany({ where: { requestId: request.id }, orderBy: { rowNo: 'asc' } }),
    prisma.requestEvent.findFirst({ where: { requestId: request.id, toStatus: 'APPROVED' }, orderBy: { createdAt: 'desc' } }),
  ]);
  const fields = (typeof request.fields === 'object' && request.fields !== null ? request.fields : {}) as Record<string, unknown>;
  return {
    reference: request.reference,
    kind: request.kind,
    companyName: request.companyName,
    ntn: typeof fields.ntn === 'string' ? fields.ntn : '',
    city: request.kind === 'whitelisting' ? cityName(fields.city, enT) : undefined,
    ipAddresses: Array.isArray(fields.ipAddresses) ? fields.ipAddresses.filter((ip): ip is string => typeof ip === 'string') : [],
    agents: agents.map((a) => ({ fullName: a.fullName, cnic: maskCnicLast4(a.cnic), city: a.city })),
    validFrom: request.validFrom,
    validUntil: request.validUntil,
    officer: approval ? (approval.actorName ?? undefined) : undefined,
    issuedAt: request.validFrom,
    verifyUrl,
  };
}

/** A day as letters and the verification page print it: "01 Dec 2026", Pakistan time. */
export function letterDate(at: Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Karachi', day: '2-digit', month: 'short', year: 'numeric' }).format(at);
}

/** Requests in the console: the filterable list, the detail with its history, decisions, and the CSV export. */
import type { PrismaClient, Prisma, Request, RequestEvent } from '../../generated/prisma/client';
import type { Logger } from '../logger';
import { maskCnic } from '../privacy/mask';
import { requestFieldCells, requestFieldNames, requestFields } from './requestFields';
import type { ConsoleActor } from './auth';
import { ConsoleError } from './errors';
import { toCsv } from './csv';
import type { DecisionInput, RequestFilter } from './validation';
import type { RequestStatus } from '../domain/lifecycle';
import { RequestTransitions } from '../requests/transitions';

type Status = RequestStatus;

export interface DecisionOutcome {
  reference: string;
  fromStatus: Status;
  toStatus: Status;
  requestId: string;
  /** Whether the applicant was told; null when no notifier is wired. */
  notified: boolean | null;
}

/** Decides a request for the console; tests and the lead may substitute their own. */
export type DecideRequest = (reference: string, input: DecisionInput, actor: ConsoleActor) => Promise<DecisionOutcome>;

/** What the console needs from bot/requests' RequestNotifier: the Teams card rewritten, the applicant told. */
export interface DecisionNotifier {
  refreshCard(request: Request): Promise<void>;
  notifyApplicant(request: Request, note: string | undefined): Promise<{ ok: boolean }>;
}

/**
 * Decides through bot/requests' RequestTransitions (the Teams card's rules: an unopened request is opened
 * first, the first decision wins), then — given the notifier — updates the card and tells the applicant.
 * A failed notification never undoes the decision; the notifier records it on the request.
 */
export function transitionDecision(prisma: PrismaClient, notifier: DecisionNotifier | undefined, logger: Logger): DecideRequest {
  const transitions = new RequestTransitions(prisma);
  return async (reference, input, actor) => {
    const note = input.note || undefined;
    const outcome = await transitions.decide(reference, input.decision, { id: actor.oid, name: actor.name }, note);
    if (!outcome.ok) {
      if (outcome.reason === 'notFound') throw new ConsoleError('not_found', 'no such request');
      throw alreadyDecided(outcome.request.status, outcome.last);
    }
    const { request, events } = outcome;
    let notified: boolean | null = null;
    if (notifier) {
      try {
        await notifier.refreshCard(request);
        notified = (await notifier.notifyApplicant(request, note)).ok;
      } catch (err) {
        logger.error({ err, reference }, 'notifying a console decision failed');
        notified = false;
      }
    }
    return { reference, fromStatus: events[0]?.fromStatus ?? request.status, toStatus: request.status, requestId: request.id, notified };
  };
}

/** The 409 for a late click: who decided, and when. */
function alreadyDecided(status: Status, last: RequestEvent | null): ConsoleError {
  return new ConsoleError('already_decided', `the request is ${status}`, {
    status,
    by: last?.actorName ?? last?.actorId ?? null,
    at: last?.createdAt.toISOString() ?? null,
  });
}

/** The start of a YYYY-MM-DD day in Pakistan time. */
function karachiDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+05:00`);
}

/** The Prisma filter for the list and the export. */
export function requestWhere(filter: RequestFilter): Prisma.RequestWhereInput {
  const where: Prisma.RequestWhereInput = {};
  if (filter.kind) where.kind = filter.kind;
  if (filter.status) where.status = filter.status;
  if (filter.from || filter.to) {
    where.createdAt = {
      ...(filter.from ? { gte: karachiDayStart(filter.from) } : {}),
      ...(filter.to ? { lt: new Date(karachiDayStart(filter.to).getTime() + 86_400_000) } : {}),
    };
  }
  if (filter.q) {
    where.OR = [{ reference: { contains: filter.q, mode: 'insensitive' } }, { companyName: { contains: filter.q, mode: 'insensitive' } }];
  }
  return where;
}

export interface RequestRow {
  reference: string;
  kind: string;
  status: Status;
  companyName: string;
  language: string;
  channelId: string;
  /** Agents listed on a work-from-home request; null for whitelisting (it has seats, not agents). */
  agentCount: number | null;
  createdAt: string;
  updatedAt: string;
  /** Set when the last notification to the user failed: "user not reachable". */
  notifyError: string | null;
}

/** The filtered list, newest first. */
export async function listRequests(prisma: PrismaClient, filter: RequestFilter): Promise<RequestRow[]> {
  const rows = await findRequests(prisma, filter, 200);
  return rows.map((r) => rowOf(r));
}

function findRequests(prisma: PrismaClient, filter: RequestFilter, limit: number) {
  return prisma.request.findMany({
    where: requestWhere(filter),
    orderBy: { createdAt: 'desc' },
    take: filter.limit ?? limit,
    include: { _count: { select: { agents: true } } },
  });
}

function rowOf(r: Request & { _count: { agents: number } }): RequestRow {
  return {
    ...requestHeadline(r),
    agentCount: r.kind === 'wfh' ? r._count.agents : null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    notifyError: r.notifyError,
  };
}

/** The fields every view of a request starts with. */
function requestHeadline(r: Pick<Request, 'reference' | 'kind' | 'status' | 'companyName' | 'language' | 'channelId'>) {
  return {
    reference: r.reference,
    kind: r.kind,
    status: r.status,
    companyName: r.companyName,
    language: r.language,
    channelId: r.channelId,
  };
}

/** One request with its (masked) fields and agents and the full event history. */
export async function requestDetail(prisma: PrismaClient, reference: string) {
  const r = await prisma.request.findUnique({
    where: { reference },
    include: { events: { orderBy: { createdAt: 'asc' } }, agents: { orderBy: { rowNo: 'asc' } } },
  });
  if (!r) throw new ConsoleError('not_found', 'no such request');
  return {
    ...requestHeadline(r),
    conversationId: r.conversationId,
    fields: requestFields(r.kind, r.fields),
    agents: r.agents.map((a) => ({
      rowNo: a.rowNo,
      fullName: a.fullName,
      cnic: maskCnic(a.cnic),
      city: a.city,
      isp: a.isp,
      ipAddress: a.ipAddress,
    })),
    events: r.events.map((e) => ({
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorName: e.actorName ?? e.actorId,
      note: e.note,
      createdAt: e.createdAt.toISOString(),
    })),
    notifyError: r.notifyError,
    notifyFailedAt: r.notifyFailedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

const baseHeader = [
  'reference',
  'kind',
  'status',
  'company',
  'language',
  'channel',
  'agents',
  'created_at',
  'updated_at',
  'notify_error',
] as const;

/** The export's columns: the request's own, then one per form field (`field_<name>`). */
export const csvHeader: readonly string[] = [...baseHeader, ...requestFieldNames.map((name) => `field_${name}`)];

/** The filtered list as CSV: every field of each request (lists joined), CNICs and phone numbers masked. */
export async function requestsCsv(prisma: PrismaClient, filter: RequestFilter): Promise<string> {
  const rows = await findRequests(prisma, filter, 5000);
  return toCsv(
    csvHeader,
    rows.map((request) => {
      const r = rowOf(request);
      return [
        r.reference,
        r.kind,
        r.status,
        r.companyName,
        r.language,
        r.channelId,
        r.agentCount,
        r.createdAt,
        r.updatedAt,
        r.notifyError,
        ...requestFieldCells(request.kind, request.fields),
      ];
    }),
  );
}

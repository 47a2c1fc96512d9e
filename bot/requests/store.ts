/**
 * Where filed requests live: one transaction writes the request, its agents and its first event.
 * The submit key makes filing idempotent — a re-sent card, a second click or a retried activity
 * finds the request already made and gets the same reference back.
 */
import { Prisma, type PrismaClient } from '../../generated/prisma/client';
import type { DraftByKind, RequestKind } from '../domain/forms';
import { newReference } from '../domain/reference';

/** The channel user a request belongs to; only they may see it. */
export interface RequestOwner {
  channelId: string;
  userId: string;
}

export type RequestStatus = 'SUBMITTED' | 'IN_REVIEW' | 'APPROVED' | 'REJECTED' | 'INFO_REQUESTED' | 'REVOKED';

/** What filing a request of one kind needs. */
export interface NewRequestOf<K extends RequestKind> {
  kind: K;
  draft: DraftByKind[K];
  /** The uuid the draft got when it started; the idempotency key derives from it. */
  draftId: string;
  owner: RequestOwner & { conversationId: string; userName?: string };
  language: string;
}

/** What filing a request needs, discriminated by kind. */
export type NewRequest = { [K in RequestKind]: NewRequestOf<K> }[RequestKind];

/** A request as lists and replies show it. */
export interface RequestSummary {
  id: string;
  reference: string;
  kind: RequestKind;
  status: RequestStatus;
  companyName: string;
  createdAt: Date;
  updatedAt: Date;
}

/** One change of status. */
export interface RequestHistoryEntry {
  fromStatus: RequestStatus | null;
  toStatus: RequestStatus;
  actorName: string | null;
  note: string | null;
  createdAt: Date;
}

/** A request with its history, for the status reply. */
export interface RequestDetail extends RequestSummary {
  events: RequestHistoryEntry[];
}

/** The outcome of `create`: `created` is false when the submit key had already filed it. */
export interface CreateResult {
  request: RequestSummary;
  created: boolean;
}

/** The request store the dialogs use; the decisions feature extends it. */
export interface RequestStore {
  /** Files a request once per draft; a repeat returns the first one. */
  create(input: NewRequest): Promise<CreateResult>;
  /** The request a draft already filed, if any. */
  findByDraft(draftId: string): Promise<RequestSummary | null>;
  /** The request with this reference if `owner` filed it; null otherwise, exactly as for an unknown one. */
  findForUser(reference: string, owner: RequestOwner): Promise<RequestDetail | null>;
  /** The owner's requests, newest first. */
  listForUser(owner: RequestOwner, limit?: number): Promise<RequestSummary[]>;
  /** Remembers that a draft was cancelled, so its cards change nothing later. */
  recordCancelled(draftId: string, kind: RequestKind): Promise<void>;
  /** Whether a draft was cancelled. */
  isCancelled(draftId: string): Promise<boolean>;
  /** The owner's open request that this one would repeat (same company and NTN; any of the same agents), if any. */
  findOpenDuplicate(input: DuplicateQuery): Promise<RequestSummary | null>;
}

/** What a duplicate is looked for by. */
export type DuplicateQuery =
  | { kind: 'whitelisting'; owner: RequestOwner; companyName: string; ntn: string }
  | { kind: 'wfh'; owner: RequestOwner; cnics: readonly string[] };

/** Statuses in which a request is still open (not decided). */
export const OPEN_STATUSES = ['SUBMITTED', 'IN_REVIEW', 'INFO_REQUESTED'] as const satisfies readonly RequestStatus[];

/** Company names compared as people write them: case, spaces and punctuation aside. */
export function sameCompany(a: string, b: string): boolean {
  const key = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return key(a) === key(b);
}

export interface PrismaRequestStoreOptions {
  /** Called once per newly filed request (not for repeats); a failure is reported, never thrown. */
  onSubmitted?: (request: RequestSummary) => Promise<void>;
  /** Told about an onSubmitted failure (the request itself is already stored). */
  onHookError?: (err: unknown, request: RequestSummary) => void;
  /** Reference generator, injectable so tests can force a clash. */
  newReference?: typeof newReference;
}

/** How many fresh references to try before giving up (30 random bits make a clash rare). */
const REFERENCE_ATTEMPTS = 5;

/** The idempotency key stored as `submitKey` for a draft. */
export function submitKeyOf(draftId: string): string {
  return `draft:${draftId}`;
}

const summarySelect = {
  id: true,
  reference: true,
  kind: true,
  status: true,
  companyName: true,
  createdAt: true,
  updatedAt: true,
} as const;

export class PrismaRequestStore implements RequestStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly options: PrismaRequestStoreOptions = {},
  ) {}

  /** Files the request, its agents and its first event in one nested (transactional) write. */
  async create(input: NewRequest): Promise<CreateResult> {
    const makeReference = this.options.newReference ?? newReference;
    const submitKey = submitKeyOf(input.draftId);
    for (let attempt = 1; ; attempt++) {
      try {
        const request = await this.prisma.request.create({
          data: this.rowOf(input, makeReference(input.kind), submitKey),
          select: summarySelect,
        });
        await this.notify(request);
        return { request, created: true };
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        // Either the same draft was filed concurrently (same answer) or the reference clashed (try another).
        const existing = await this.findByDraft(input.draftId);
        if (existing) return { request: existing, created: false };
        if (attempt >= REFERENCE_ATTEMPTS) throw err;
      }
    }
  }

  /** The request a draft already filed, if any. */
  async findByDraft(draftId: string): Promise<RequestSummary | null> {
    return this.prisma.request.findUnique({ where: { submitKey: submitKeyOf(draftId) }, select: summarySelect });
  }

  /** The owner's request by reference, with its history oldest first. */
  async findForUser(reference: string, owner: RequestOwner): Promise<RequestDetail | null> {
    const row = await this.prisma.request.findFirst({
      where: { reference, channelId: owner.channelId, userId: owner.userId },
      select: {
        ...summarySelect,
        events: {
          orderBy: { createdAt: 'asc' },
          select: { fromStatus: true, toStatus: true, actorName: true, note: true, createdAt: true },
        },
      },
    });
    return row;
  }

  /** The owner's requests, newest first. */
  async listForUser(owner: RequestOwner, limit = 10): Promise<RequestSummary[]> {
    return this.prisma.request.findMany({
      where: { channelId: owner.channelId, userId: owner.userId },
      orderBy: { createdAt: 'desc' },
      take: limit,
      select: summarySelect,
    });
  }

  async recordCancelled(draftId: string, kind: RequestKind): Promise<void> {
    await this.prisma.cancelledDraft.upsert({ where: { draftId }, create: { draftId, kind }, update: {} });
  }

  async isCancelled(draftId: string): Promise<boolean> {
    return (await this.prisma.cancelledDraft.findUnique({ where: { draftId }, select: { draftId: true } })) !== null;
  }

  /** Looks through the owner's open requests of the kind (a handful) for one this would repeat. */
  async findOpenDuplicate(query: DuplicateQuery): Promise<RequestSummary | null> {
    const open = { kind: query.kind, channelId: query.owner.channelId, userId: query.owner.userId, status: { in: [...OPEN_STATUSES] } };
    if (query.kind === 'wfh') {
      if (query.cnics.length === 0) return null;
      return this.prisma.request.findFirst({
        where: { ...open, agents: { some: { cnic: { in: [...query.cnics] } } } },
        orderBy: { createdAt: 'desc' },
        select: summarySelect,
      });
    }
    const rows = await this.prisma.request.findMany({
      where: open,
      orderBy: { createdAt: 'desc' },
      take: 50,
      select: { ...summarySelect, fields: true },
    });
    const hit = rows.find((r) => sameCompany(r.companyName, query.companyName) && isRecord(r.fields) && r.fields.ntn === query.ntn);
    if (!hit) return null;
    const { fields: _fields, ...summary } = hit;
    return summary;
  }

  private rowOf(input: NewRequest, reference: string, submitKey: string): Prisma.RequestCreateInput {
    const { agents, fields } = splitAgents(input);
    return {
      reference,
      kind: input.kind,
      submitKey,
      channelId: input.owner.channelId,
      userId: input.owner.userId,
      conversationId: input.owner.conversationId,
      language: input.language,
      companyName: input.draft.companyName,
      fields: fields as Prisma.InputJsonObject,
      agents: { create: agents.map((agent, index) => ({ rowNo: index + 1, ...agent })) },
      events: {
        create: { fromStatus: null, toStatus: 'SUBMITTED', actorId: input.owner.userId, actorName: input.owner.userName ?? null },
      },
    };
  }

  private async notify(request: RequestSummary): Promise<void> {
    if (!this.options.onSubmitted) return;
    try {
      await this.options.onSubmitted(request);
    } catch (err) {
      this.options.onHookError?.(err, request);
    }
  }
}

/** Agents go to their own table; every other field is kept as JSON on the request. */
function splitAgents(input: NewRequest): { agents: DraftByKind['wfh']['agents']; fields: Record<string, unknown> } {
  if (input.kind === 'wfh') {
    const { agents, ...fields } = input.draft;
    return { agents, fields };
  }
  return { agents: [], fields: { ...input.draft } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';
}

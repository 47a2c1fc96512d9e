/**
 * Approval letters: issuing one when a request is approved (an unguessable code and a validity
 * period kept on the request), the signed download link, the PDF, the public verification, and
 * revoking. No SDK types: the chat side lives in chat.ts, HTTP in routes.ts.
 */
import { randomBytes } from 'node:crypto';
import type { i18n } from 'i18next';
import type { PrismaClient, Request } from '../../generated/prisma/client';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { UiLanguage } from '../i18n';
import type { NoticeLetterView } from '../../cards/requestNotice.card';
import { RequestTransitions, type Actor, type TransitionOutcome } from '../requests/transitions';
import { RequestStatus } from '../domain/lifecycle';
import { isIssued, loadLetterData, cityName, type IssuedRequest } from './letter';
import type { LetterFonts } from './shaping';
import { LinkSigner, letterKey } from './signing';
import { karachiTime } from '../i18n/time';
import { validityOf, verificationStatus, type ValidityRules, type VerificationStatus } from './validity';

export type LettersConfig = Pick<
  Config,
  | 'BOT_PUBLIC_HOST'
  | 'PORT'
  | 'LETTER_SECRET'
  | 'DIRECTLINE_SECRET'
  | 'DATA_DIR'
  | 'LETTER_LINK_TTL_HOURS'
  | 'LETTER_VALID_DAYS_WHITELISTING'
  | 'LETTER_VALID_DAYS_WFH'
>;

export interface LetterServiceDeps {
  config: LettersConfig;
  prisma: PrismaClient;
  i18n: i18n;
  logger: Logger;
  clock?: () => Date;
}

/** The links a decision notice carries. */
export interface NoticeLetter {
  downloadUrl: string;
  /** When the download link stops working. */
  expiresAt: Date;
  verifyUrl: string;
}

/** What the public verification shows: never a CNIC, phone number or IP address. */
export interface Verification {
  status: VerificationStatus;
  reference: string;
  company: string | null;
  city: string | null;
  validFrom: string | null;
  validUntil: string | null;
  /** Agents on a WFH letter; seats on a whitelisting letter. */
  agents: number | null;
}

/** The letter code: 128 random bits, so references cannot be enumerated. */
function newLetterCode(): string {
  return randomBytes(16).toString('base64url');
}

export class LetterService {
  readonly clock: () => Date;
  private readonly signer: LinkSigner;
  private readonly transitions: RequestTransitions;
  private readonly rules: ValidityRules;
  /** Parsed on the first letter, then shared. */
  private fonts?: LetterFonts;

  constructor(private readonly deps: LetterServiceDeps) {
    this.clock = deps.clock ?? (() => new Date());
    this.signer = new LinkSigner(letterKey(deps.config), deps.config.LETTER_LINK_TTL_HOURS * 3_600_000, this.clock);
    this.transitions = new RequestTransitions(deps.prisma);
    this.rules = { whitelistingDays: deps.config.LETTER_VALID_DAYS_WHITELISTING, wfhDays: deps.config.LETTER_VALID_DAYS_WFH };
  }

  /** https://BOT_PUBLIC_HOST, or http://localhost:PORT in local mode. */
  get publicBase(): string {
    const host = this.deps.config.BOT_PUBLIC_HOST;
    return host ? `https://${host.replace(/\/+$/, '')}` : `http://localhost:${this.deps.config.PORT}`;
  }

  verifyUrl(request: Pick<IssuedRequest, 'reference' | 'letterCode'>): string {
    return `${this.publicBase}/verify/${encodeURIComponent(request.reference)}?c=${encodeURIComponent(request.letterCode)}`;
  }

  /** A fresh signed download link. */
  downloadLink(reference: string): { url: string; expiresAt: Date } {
    const { expires, signature } = this.signer.sign(reference);
    return {
      url: `${this.publicBase}/letters/${encodeURIComponent(reference)}?e=${expires}&s=${signature}`,
      expiresAt: new Date(expires * 1000),
    };
  }

  /** Whether a download link's query is ours and still fresh. */
  linkValid(reference: string, query: Record<string, unknown>): boolean {
    return this.signer.verify(reference, query.e, query.s);
  }

  /**
   * Gives an approved request its letter (code and validity period) unless it has one; the first writer
   * wins on several instances. Null when the request is not approved.
   */
  async issue(request: Request): Promise<IssuedRequest | null> {
    if (isIssued(request)) return request;
    if (request.status !== RequestStatus.APPROVED) return null;
    const { prisma } = this.deps;
    const approval = await prisma.requestEvent.findFirst({
      where: { requestId: request.id, toStatus: 'APPROVED' },
      orderBy: { createdAt: 'desc' },
    });
    const period = validityOf(request.kind, approval?.createdAt ?? this.clock(), request.fields, this.rules);
    await prisma.request.updateMany({ where: { id: request.id, letterCode: null }, data: { letterCode: newLetterCode(), ...period } });
    const updated = await prisma.request.findUnique({ where: { id: request.id } });
    return updated && isIssued(updated) ? updated : null;
  }

  /** Issues the letter of an approved request and returns the links for its notice. */
  async forNotice(request: Request): Promise<NoticeLetter | undefined> {
    const issued = await this.issue(request);
    if (!issued || issued.status !== RequestStatus.APPROVED) return undefined;
    const link = this.downloadLink(issued.reference);
    return { downloadUrl: link.url, expiresAt: link.expiresAt, verifyUrl: this.verifyUrl(issued) };
  }

  /** The notice's view of the letter, its link's expiry in the applicant's language and Pakistan time. */
  async noticeView(request: Request, lang: UiLanguage): Promise<NoticeLetterView | undefined> {
    const letter = await this.forNotice(request);
    if (!letter) return undefined;
    const expires = karachiTime(letter.expiresAt, lang);
    return { downloadUrl: letter.downloadUrl, verifyUrl: letter.verifyUrl, expires };
  }

  /** The PDF of an approved request's letter (issued first if needed); null for any other request. */
  async pdf(reference: string): Promise<Buffer | null> {
    const request = await this.deps.prisma.request.findUnique({ where: { reference } });
    const issued = request && (await this.issue(request));
    if (!issued || issued.status !== RequestStatus.APPROVED) return null;
    const { i18n, prisma } = this.deps;
    const en = i18n.getFixedT('en');
    const data = await loadLetterData(prisma, issued, this.verifyUrl(issued), en);
    // pdfkit, fontkit and qrcode (~40 MB resident) are loaded with the first letter, not at start.
    const [{ renderLetterPdf }, { loadLetterFonts }] = await Promise.all([import('./pdf'), import('./shaping')]);
    this.fonts ??= loadLetterFonts();
    return renderLetterPdf(data, { en, ur: i18n.getFixedT('ur') }, this.fonts);
  }

  /** What a letter holder is told; an unknown reference and a wrong code answer alike. */
  async verify(reference: string, code: string): Promise<Verification> {
    const request = reference.length <= 40 ? await this.deps.prisma.request.findUnique({ where: { reference } }) : null;
    const status = verificationStatus(request, code, this.clock());
    if (status === 'not_found' || !request || !isIssued(request)) {
      return { status: 'not_found', reference, company: null, city: null, validFrom: null, validUntil: null, agents: null };
    }
    return {
      status,
      reference: request.reference,
      company: request.companyName,
      city: await this.cityOf(request),
      validFrom: request.validFrom.toISOString(),
      validUntil: request.validUntil.toISOString(),
      agents: await this.agentCount(request),
    };
  }

  /** Withdraws an approval; the caller updates the card and tells the applicant. */
  revoke(reference: string, actor: Actor, reason: string): Promise<TransitionOutcome> {
    return this.transitions.revoke(reference, actor, reason);
  }

  private async cityOf(request: IssuedRequest): Promise<string | null> {
    const fields = (typeof request.fields === 'object' && request.fields !== null ? request.fields : {}) as Record<string, unknown>;
    if (request.kind === 'whitelisting') return cityName(fields.city, this.deps.i18n.getFixedT('en')) || null;
    const rows = await this.deps.prisma.requestAgent.findMany({
      where: { requestId: request.id },
      select: { city: true },
      distinct: ['city'],
      orderBy: { city: 'asc' },
    });
    return rows.map((r) => r.city).join(', ') || null;
  }

  private async agentCount(request: IssuedRequest): Promise<number | null> {
    if (request.kind === 'wfh') return this.deps.prisma.requestAgent.count({ where: { requestId: request.id } });
    const seats = (request.fields as Record<string, unknown> | null)?.agentSeats;
    return typeof seats === 'number' ? seats : null;
  }
}

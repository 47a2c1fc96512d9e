/**
 * Announcements and their delivery rows. Creating one resolves its audience into one PENDING delivery
 * per person (the count the console shows); sending opens it to the queue worker, once.
 */
import { z } from 'zod';
import { Prisma, type PrismaClient, type Announcement } from '../../generated/prisma/client';
import type { UiLanguage } from '../i18n';
import { audienceQuery, audienceSchema, type Audience } from './audience';

/** Longest announcement text per language; a Teams message stays readable. */
export const maxAnnouncementLength = 2000;

const announcementText = z.string().trim().min(1).max(maxAnnouncementLength);

export const newAnnouncementSchema = z.object({
  text: z.object({ en: announcementText, ur: announcementText, 'ur-Latn': announcementText }).strict(),
  audience: audienceSchema.default({}),
});
export type NewAnnouncement = z.infer<typeof newAnnouncementSchema>;

export interface Author {
  id: string;
  name?: string;
}

export type AnnouncementState = 'draft' | 'sending' | 'done';

export interface AnnouncementProgress {
  id: string;
  status: AnnouncementState;
  total: number;
  sent: number;
  failed: number;
  pending: number;
  optedOut: number;
}

export interface AnnouncementView extends AnnouncementProgress {
  text: Record<UiLanguage, string>;
  audience: Audience;
  createdBy: string;
  createdAt: string;
  sentAt: string | null;
}

export type SendOutcome = { ok: true } | { ok: false; reason: 'notFound' | 'alreadySent' };

/** The text of an announcement in one language. */
export function textIn(announcement: Pick<Announcement, 'textEn' | 'textUr' | 'textUrLatn'>, lang: UiLanguage): string {
  if (lang === 'ur') return announcement.textUr;
  if (lang === 'ur-Latn') return announcement.textUrLatn;
  return announcement.textEn;
}

export class AnnouncementStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** How many people an audience reaches now. */
  async count(audience: Audience): Promise<number> {
    const rows = await this.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM (${audienceQuery(audience)}) aud`;
    return Number(rows[0]?.n ?? 0);
  }

  /** Stores the announcement and one PENDING delivery per recipient, in one transaction. */
  async create(input: NewAnnouncement, author: Author): Promise<{ id: string; recipients: number }> {
    return this.prisma.$transaction(async (tx) => {
      const announcement = await tx.announcement.create({
        data: {
          textEn: input.text.en,
          textUr: input.text.ur,
          textUrLatn: input.text['ur-Latn'],
          audience: input.audience as Prisma.InputJsonValue,
          createdById: author.id,
          createdBy: author.name ?? null,
          total: 0,
          createdAt: this.clock(),
        },
      });
      const recipients = await tx.$executeRaw`
        INSERT INTO announcement_delivery (id, announcement_id, user_key, channel_id, user_id, status, due_at)
        SELECT gen_random_uuid()::text, ${announcement.id}, aud.channel_id || ':' || aud.user_id, aud.channel_id, aud.user_id, 'PENDING', ${this.clock()}
        FROM (${audienceQuery(input.audience)}) aud`;
      await tx.announcement.update({ where: { id: announcement.id }, data: { total: recipients } });
      return { id: announcement.id, recipients };
    });
  }

  /** Opens a draft to the queue, once; opted-out recipients are settled as such right away. */
  async startSending(id: string): Promise<SendOutcome> {
    const now = this.clock();
    const opened = await this.prisma.announcement.updateMany({ where: { id, status: 'DRAFT' }, data: { status: 'SENDING', sentAt: now } });
    if (opened.count === 0) {
      const exists = await this.prisma.announcement.findUnique({ where: { id }, select: { id: true } });
      return { ok: false, reason: exists ? 'alreadySent' : 'notFound' };
    }
    await this.prisma.$executeRaw`
      UPDATE announcement_delivery SET status = 'OPTED_OUT'
      WHERE announcement_id = ${id} AND status = 'PENDING' AND user_key IN (SELECT user_key FROM announcement_opt_out)`;
    await this.finishIfDone(id);
    return { ok: true };
  }

  /** Marks the announcement done when no delivery is left to send. */
  async finishIfDone(id: string): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE announcement SET status = 'DONE'
      WHERE id = ${id} AND status = 'SENDING'
        AND NOT EXISTS (SELECT 1 FROM announcement_delivery d WHERE d.announcement_id = ${id} AND d.status IN ('PENDING', 'SENDING'))`;
  }

  /** One announcement with its progress, or null. */
  async get(id: string): Promise<AnnouncementView | null> {
    const announcement = await this.prisma.announcement.findUnique({ where: { id } });
    if (!announcement) return null;
    const [view] = await this.withProgress([announcement]);
    return view;
  }

  /** The latest announcements, newest first, with progress. */
  async list(limit = 50): Promise<AnnouncementView[]> {
    const rows = await this.prisma.announcement.findMany({ orderBy: { createdAt: 'desc' }, take: limit });
    return this.withProgress(rows);
  }

  private async withProgress(rows: Announcement[]): Promise<AnnouncementView[]> {
    if (!rows.length) return [];
    const counts = await this.prisma.announcementDelivery.groupBy({
      by: ['announcementId', 'status'],
      where: { announcementId: { in: rows.map((r) => r.id) } },
      _count: { _all: true },
    });
    const countOf = (id: string, ...statuses: string[]) =>
      counts.filter((c) => c.announcementId === id && statuses.includes(c.status)).reduce((sum, c) => sum + c._count._all, 0);
    return rows.map((a) => ({
      id: a.id,
      status: a.status.toLowerCase() as AnnouncementState,
      total: a.total,
      sent: countOf(a.id, 'SENT'),
      failed: countOf(a.id, 'FAILED'),
      pending: countOf(a.id, 'PENDING', 'SENDING'),
      optedOut: countOf(a.id, 'OPTED_OUT'),
      text: { en: a.textEn, ur: a.textUr, 'ur-Latn': a.textUrLatn },
      audience: audienceSchema.catch({}).parse(a.audience),
      createdBy: a.createdBy ?? a.createdById,
      createdAt: a.createdAt.toISOString(),
      sentAt: a.sentAt?.toISOString() ?? null,
    }));
  }
}

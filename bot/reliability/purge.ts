/**
 * Retention: deletes what holds users' words once it is older than the retention period — transcript
 * lines, served Direct Line activities, FAQ lookups — and expired dedupe claims. Request records (and
 * their agents and history) are kept: they are the desk's register of decisions.
 */
import type { PrismaClient } from '../../generated/prisma/client';

export interface PurgeCounts {
  transcriptMessages: number;
  directLineActivities: number;
  directLineConversations: number;
  faqQueryLogs: number;
  processedActivities: number;
}

const units: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000 };

/** Parses an age like `180d`, `36h` or `90m` into milliseconds; undefined when it is not one. */
export function parseAge(text: string): number | undefined {
  const match = /^(\d{1,6})([dhm])$/.exec(text.trim());
  if (!match) return undefined;
  const ms = Number(match[1]) * units[match[2]];
  return ms > 0 ? ms : undefined;
}

/** Deletes everything older than `cutoff` (and dedupe claims expired by `now`). */
export async function purgeOlderThan(prisma: PrismaClient, cutoff: Date, now = new Date()): Promise<PurgeCounts> {
  const [transcript, directLineActivities, faq, processed] = await prisma.$transaction([
    prisma.transcriptMessage.deleteMany({ where: { createdAt: { lt: cutoff } } }),
    prisma.directLineActivity.deleteMany({ where: { createdAt: { lt: cutoff } } }),
    prisma.faqQueryLog.deleteMany({ where: { createdAt: { lt: cutoff } } }),
    prisma.processedActivity.deleteMany({ where: { expiresAt: { lt: now } } }),
  ]);
  // A Direct Line conversation with nothing left in it is only an empty shell.
  const conversations = await prisma.directLineConversation.deleteMany({ where: { createdAt: { lt: cutoff }, activities: { none: {} } } });
  return {
    transcriptMessages: transcript.count,
    directLineActivities: directLineActivities.count,
    directLineConversations: conversations.count,
    faqQueryLogs: faq.count,
    processedActivities: processed.count,
  };
}

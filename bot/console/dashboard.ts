/** The team's numbers: requests and hand-offs per day, waiting times, how the FAQ fares, and languages. */
import type { PrismaClient } from '../../generated/prisma/client';
import { countBy, csatOf, lastDays, median, percentile, seriesByDay, weekKey } from './stats';
import { requestKinds, requestStatuses } from './validation';
import type { FaqDecision } from '../faq/types';

/** How the dashboard names the FAQ engine's decisions (FaqQueryLog.decision); anything else keeps its own name. */
export const faqOutcomes = { answer: 'answered', suggest: 'suggested', none: 'declined' } as const satisfies Record<FaqDecision, string>;
const faqDecisions = Object.values(faqOutcomes);

/** The dashboard name of a logged FAQ decision. */
export function faqOutcome(decision: string): string {
  return Object.hasOwn(faqOutcomes, decision) ? faqOutcomes[decision as FaqDecision] : decision;
}

/** Dashboard data for the `days` days up to and including today (Asia/Karachi). */
export async function loadDashboard(prisma: PrismaClient, now: Date, days: number) {
  const dayList = lastDays(now, days);
  const since = new Date(`${dayList[0]}T00:00:00+05:00`);
  const [requests, handoffs, faqLogs, conversations, ratings] = await Promise.all([
    prisma.request.findMany({
      where: { createdAt: { gte: since } },
      select: { createdAt: true, kind: true, status: true, language: true },
    }),
    prisma.handoff.findMany({ where: { createdAt: { gte: since } }, select: { createdAt: true, claimedAt: true, status: true } }),
    prisma.faqQueryLog.findMany({ where: { createdAt: { gte: since } }, select: { decision: true, language: true } }),
    prisma.conversationRef.findMany({ where: { updatedAt: { gte: since } }, select: { language: true } }),
    prisma.handoffRating.findMany({
      where: { status: 'rated', ratedAt: { gte: since } },
      select: { score: true, ratedAt: true, agentName: true },
    }),
  ]);

  const waits = handoffs
    .filter((h) => h.claimedAt)
    .map((h) => Math.round(((h.claimedAt as Date).getTime() - h.createdAt.getTime()) / 1000));
  const faqCounts = countBy(faqLogs, (l) => faqOutcome(l.decision));
  const faqTotal = faqLogs.length;
  const rate = (n: number) => (faqTotal ? n / faqTotal : 0);

  return {
    days: dayList,
    requests: {
      byKind: seriesByDay(
        requests,
        dayList,
        (r) => r.createdAt,
        (r) => r.kind,
        requestKinds,
      ),
      byStatus: seriesByDay(
        requests,
        dayList,
        (r) => r.createdAt,
        (r) => r.status,
        requestStatuses,
      ),
      total: requests.length,
    },
    handoffs: {
      perDay: seriesByDay(
        handoffs,
        dayList,
        (h) => h.createdAt,
        () => 'all',
        ['all'],
      ).all,
      total: handoffs.length,
      claimed: waits.length,
      medianWaitSeconds: median(waits),
      p90WaitSeconds: percentile(waits, 90),
    },
    faq: {
      total: faqTotal,
      counts: Object.fromEntries([
        ...faqDecisions.map((d): [string, number] => [d, faqCounts[d] ?? 0]),
        ...Object.entries(faqCounts).filter(([d]) => !(faqDecisions as readonly string[]).includes(d)),
      ]),
      rates: Object.fromEntries(faqDecisions.map((d) => [d, rate(faqCounts[d] ?? 0)])),
    },
    csat: csatReport(ratings, dayList),
    languages: {
      conversations: countBy(conversations, (c) => c.language ?? 'unknown'),
      requests: countBy(requests, (r) => r.language),
      faq: countBy(faqLogs, (l) => l.language),
    },
  };
}

/** CSAT per Asia/Karachi week (every week of the range, oldest first) and per agent (most rated first). */
export function csatReport(
  ratings: readonly { score: number | null; ratedAt: Date | null; agentName: string | null }[],
  days: readonly string[],
) {
  const rated = ratings.filter(
    (r): r is { score: number; ratedAt: Date; agentName: string | null } => r.score !== null && r.ratedAt !== null,
  );
  const weeks = [...new Set(days.map((d) => weekKey(new Date(`${d}T12:00:00+05:00`))))];
  const scoresBy = (key: (r: (typeof rated)[number]) => string) => {
    const groups = new Map<string, number[]>();
    for (const r of rated) groups.set(key(r), [...(groups.get(key(r)) ?? []), r.score]);
    return groups;
  };
  const byWeek = scoresBy((r) => weekKey(r.ratedAt));
  const byAgent = scoresBy((r) => r.agentName ?? '');
  return {
    ...csatOf(rated.map((r) => r.score)),
    byWeek: weeks.map((week) => ({ week, ...csatOf(byWeek.get(week) ?? []) })),
    byAgent: [...byAgent.entries()]
      .map(([agent, scores]) => ({ agent: agent || null, ...csatOf(scores) }))
      .sort((a, b) => b.count - a.count),
  };
}

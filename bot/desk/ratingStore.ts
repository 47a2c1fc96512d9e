/** Satisfaction ratings of hand-offs: asked when a claimed chat ends, answered (or skipped) once. */
import type { HandoffRating, PrismaClient } from '../../generated/prisma/client';
import { lowScore, ratingOpenSince } from './rating';

export type { HandoffRating };

export interface RatingAsk {
  handoffId: string;
  userConversationId: string;
  agentAadId: string | null;
  agentName: string | null;
  language: string;
}

export class RatingStore {
  constructor(private readonly prisma: PrismaClient) {}

  /** Records that the user was asked; false when this hand-off was asked already (a re-run close). */
  async ask(data: RatingAsk, now: Date): Promise<boolean> {
    const { count } = await this.prisma.handoffRating.createMany({ data: [{ ...data, askedAt: now }], skipDuplicates: true });
    return count === 1;
  }

  /** The conversation's open question, if it was asked recently enough to still expect an answer. */
  pendingFor(userConversationId: string, now: Date): Promise<HandoffRating | null> {
    return this.prisma.handoffRating.findFirst({
      where: { userConversationId, status: 'asked', askedAt: { gte: ratingOpenSince(now) } },
      orderBy: { askedAt: 'desc' },
    });
  }

  /** Stores the answer once: only a still-asked row changes (a double click rates once). */
  async rate(handoffId: string, score: number, comment: string | undefined, now: Date): Promise<boolean> {
    const { count } = await this.prisma.handoffRating.updateMany({
      where: { handoffId, status: 'asked' },
      data: { status: 'rated', score, comment: comment || null, ratedAt: now },
    });
    return count === 1;
  }

  /** The user moved on without rating. */
  async skip(id: string): Promise<void> {
    await this.prisma.handoffRating.updateMany({ where: { id, status: 'asked' }, data: { status: 'skipped' } });
  }

  /** Low ratings nobody has followed up yet, newest first. */
  lowUnfollowed(take = 200): Promise<HandoffRating[]> {
    return this.prisma.handoffRating.findMany({
      where: { status: 'rated', score: { lte: lowScore }, followedUpAt: null },
      orderBy: { ratedAt: 'desc' },
      take,
    });
  }

  /** Marks a rating followed up; false when there is no such rating. */
  async followUp(id: string, by: string, now: Date): Promise<boolean> {
    const exists = await this.prisma.handoffRating.findUnique({ where: { id }, select: { id: true } });
    if (!exists) return false;
    await this.prisma.handoffRating.updateMany({ where: { id, followedUpAt: null }, data: { followedUpAt: now, followedUpBy: by } });
    return true;
  }

  /** Answered ratings since a date, for the dashboard. */
  ratedSince(since: Date): Promise<Pick<HandoffRating, 'score' | 'ratedAt' | 'agentName' | 'agentAadId'>[]> {
    return this.prisma.handoffRating.findMany({
      where: { status: 'rated', ratedAt: { gte: since } },
      select: { score: true, ratedAt: true, agentName: true, agentAadId: true },
    });
  }
}

/**
 * FAQ curation from the console: what the bot could not answer, example questions, topics and their
 * answers. Every change calls `onChanged` so the running FAQ engine reloads without a restart.
 */
import type { PrismaClient } from '../../generated/prisma/client';
import { Prisma } from '../../generated/prisma/client';
import { maskText } from '../privacy/mask';
import type { ConsoleActor } from './auth';
import { ConsoleError } from './errors';

export interface UnansweredGroup {
  id: string;
  language: string;
  normalized: string;
  sample: string;
  count: number;
  lastSeenAt: string;
}

export interface QuestionInput {
  language: 'en' | 'ur' | 'ur-Latn';
  text: string;
  unansweredId?: string;
}

export interface TopicInput {
  id: string;
  answerEn: string;
  answerUr: string;
  questions: Omit<QuestionInput, 'unansweredId'>[];
}

const isUniqueViolation = (err: unknown): boolean => err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';

/** Open unanswered questions (already grouped by normalized text and language), most asked first. */
export async function unansweredQuestions(prisma: PrismaClient, limit = 200): Promise<UnansweredGroup[]> {
  const rows = await prisma.unansweredQuestion.findMany({
    where: { resolvedAt: null },
    orderBy: [{ count: 'desc' }, { lastSeenAt: 'desc' }],
    take: limit,
  });
  return rows.map((r) => ({
    id: r.id,
    language: r.language,
    normalized: maskText(r.normalized),
    sample: maskText(r.sample),
    count: r.count,
    lastSeenAt: r.lastSeenAt.toISOString(),
  }));
}

/** Every topic with its answers and example questions. */
export async function listTopics(prisma: PrismaClient) {
  const topics = await prisma.faqTopic.findMany({
    orderBy: { id: 'asc' },
    include: { questions: { orderBy: [{ language: 'asc' }, { text: 'asc' }] } },
  });
  return topics.map((t) => ({
    id: t.id,
    answerEn: t.answerEn,
    answerUr: t.answerUr,
    editedAt: t.editedAt?.toISOString() ?? null,
    questions: t.questions.map((q) => ({ id: q.id, language: q.language, text: q.text, source: q.source })),
  }));
}

/** Staff-facing FAQ edits; each one ends by telling the FAQ engine to reload. */
export class ConsoleFaq {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly onChanged: () => Promise<void>,
    private readonly now: () => Date,
  ) {}

  /** Adds an example question to a topic, resolving the unanswered question it came from. */
  async addQuestion(topicId: string, input: QuestionInput, actor: ConsoleActor): Promise<{ id: string }> {
    const topic = await this.prisma.faqTopic.findUnique({ where: { id: topicId }, select: { id: true } });
    if (!topic) throw new ConsoleError('not_found', 'no such topic');
    if (input.unansweredId) {
      const open = await this.prisma.unansweredQuestion.findUnique({ where: { id: input.unansweredId }, select: { id: true } });
      if (!open) throw new ConsoleError('not_found', 'no such unanswered question');
    }
    let id: string;
    try {
      id = await this.prisma.$transaction(async (tx) => {
        const question = await tx.faqQuestion.create({ data: { topicId, language: input.language, text: input.text, source: 'console' } });
        if (input.unansweredId) await tx.unansweredQuestion.update({ where: { id: input.unansweredId }, data: { resolvedAt: this.now() } });
        await tx.auditLog.create({ data: { actorId: actor.oid, action: 'faq.question.add', target: topicId } });
        return question.id;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new ConsoleError('duplicate', 'this topic already has that question');
      throw err;
    }
    await this.onChanged();
    return { id };
  }

  /** Creates a topic with answers in both languages and optional example questions. */
  async createTopic(input: TopicInput, actor: ConsoleActor): Promise<void> {
    try {
      await this.prisma.$transaction(async (tx) => {
        await tx.faqTopic.create({
          data: {
            id: input.id,
            answerEn: input.answerEn,
            answerUr: input.answerUr,
            editedAt: this.now(),
            questions: { create: input.questions.map((q) => ({ language: q.language, text: q.text, source: 'console' })) },
          },
        });
        await tx.auditLog.create({ data: { actorId: actor.oid, action: 'faq.topic.create', target: input.id } });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new ConsoleError('duplicate', 'a topic with this id (or a repeated question) already exists');
      throw err;
    }
    await this.onChanged();
  }

  /** Replaces a topic's answers; editedAt keeps the shipped knowledge base from overwriting them. */
  async updateAnswers(topicId: string, answers: { answerEn: string; answerUr: string }, actor: ConsoleActor): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const { count } = await tx.faqTopic.updateMany({ where: { id: topicId }, data: { ...answers, editedAt: this.now() } });
      if (count === 0) throw new ConsoleError('not_found', 'no such topic');
      await tx.auditLog.create({ data: { actorId: actor.oid, action: 'faq.topic.edit', target: topicId } });
    });
    await this.onChanged();
  }
}

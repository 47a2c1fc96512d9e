import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../../generated/prisma/client';
import { logSafeKey, redactPersonalData } from './normalize';
import { FAQ_LANGUAGES, type FaqDecision, type FaqLanguage, type FaqTopic } from './types';

/** Where an example question came from: the shipped KB files or the agent console. */
export const QUESTION_SOURCES = { kb: 'kb', console: 'console' } as const;

/** A topic's answers as table columns (no Roman Urdu answer is stored as null: it falls back to Urdu script). */
function answerColumns(topic: FaqTopic): { answerEn: string; answerUr: string; answerUrLatn: string | null } {
  return { answerEn: topic.answer.en, answerUr: topic.answer.ur, answerUrLatn: topic.answer['ur-Latn'] ?? null };
}

/**
 * Copy the shipped KB into the database: new topics are created; answers are refreshed unless the console
 * edited them (`editedAt` set); KB questions are added and ones dropped from the files removed, while
 * console-added questions and console-only topics are left alone.
 */
export async function syncKbToDb(prisma: PrismaClient, topics: readonly FaqTopic[]): Promise<void> {
  for (const topic of topics) {
    const questions = FAQ_LANGUAGES.flatMap((language) => topic.questions[language].map((text) => ({ language, text })));
    await prisma.$transaction(async (tx) => {
      const existing = await tx.faqTopic.findUnique({ where: { id: topic.id }, select: { editedAt: true } });
      if (!existing) {
        await tx.faqTopic.create({ data: { id: topic.id, ...answerColumns(topic) } });
      } else if (existing.editedAt === null) {
        await tx.faqTopic.update({ where: { id: topic.id }, data: answerColumns(topic) });
      }
      await tx.faqQuestion.deleteMany({
        where: {
          topicId: topic.id,
          source: QUESTION_SOURCES.kb,
          NOT: { OR: questions.map((q) => ({ language: q.language, text: q.text })) },
        },
      });
      await tx.faqQuestion.createMany({
        data: questions.map((q) => ({ topicId: topic.id, language: q.language, text: q.text, source: QUESTION_SOURCES.kb })),
        skipDuplicates: true,
      });
    });
  }
}

/** Read every topic with its questions back into the plain data the engine is built from. */
export async function loadTopicsFromDb(prisma: PrismaClient): Promise<FaqTopic[]> {
  const rows = await prisma.faqTopic.findMany({
    orderBy: { id: 'asc' },
    include: { questions: { orderBy: [{ source: 'asc' }, { text: 'asc' }] } },
  });
  return rows.map((row) => {
    const questions: Record<FaqLanguage, string[]> = { en: [], ur: [], 'ur-Latn': [] };
    for (const q of row.questions) {
      if ((FAQ_LANGUAGES as readonly string[]).includes(q.language)) questions[q.language as FaqLanguage].push(q.text);
    }
    const answer = { en: row.answerEn, ur: row.answerUr, ...(row.answerUrLatn ? { 'ur-Latn': row.answerUrLatn } : {}) };
    return { id: row.id, answer, questions };
  });
}

/** The redacted key and sample an unanswered question is counted by; undefined when nothing is left to key it by. */
export function unansweredRow(
  text: string,
  language: FaqLanguage,
): { normalized: string; language: FaqLanguage; sample: string } | undefined {
  const normalized = logSafeKey(text).slice(0, 500);
  if (normalized.length === 0) return undefined;
  return { normalized, language, sample: redactPersonalData(text).slice(0, 500) };
}

/**
 * Count a question the FAQ could not answer, keyed by its normalised text and language, in one atomic
 * statement (concurrent turns cannot lose a count). Personal data is redacted from key and sample first;
 * a question asked again after being resolved is reopened.
 */
export async function recordUnanswered(prisma: PrismaClient, text: string, language: FaqLanguage): Promise<void> {
  const row = unansweredRow(text, language);
  if (!row) return;
  const { normalized, sample } = row;
  await prisma.$executeRaw`
    INSERT INTO "unanswered_question" ("id", "normalized", "language", "sample", "count", "last_seen_at")
    VALUES (${randomUUID()}, ${normalized}, ${language}, ${sample}, 1, now())
    ON CONFLICT ("normalized", "language")
    DO UPDATE SET "count" = "unanswered_question"."count" + 1, "last_seen_at" = now(), "sample" = EXCLUDED."sample",
                  "resolved_at" = NULL`;
}

/** Record one FAQ lookup for the dashboard: language, decision and topic only, never the text. */
export async function logQuery(
  prisma: PrismaClient,
  entry: { language: FaqLanguage; decision: FaqDecision; topicId?: string | null },
): Promise<void> {
  await logQueries(prisma, [entry]);
}

/** Records several FAQ lookups in one statement (the bot batches those of concurrent turns). */
export async function logQueries(
  prisma: PrismaClient,
  entries: { language: FaqLanguage; decision: FaqDecision; topicId?: string | null }[],
): Promise<void> {
  await prisma.faqQueryLog.createMany({
    data: entries.map((e) => ({ language: e.language, decision: e.decision, topicId: e.topicId ?? null })),
  });
}

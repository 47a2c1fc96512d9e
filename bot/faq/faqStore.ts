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
 *
 * Every start runs this, on every instance, and usually nothing has changed: the topics and the KB questions
 * are read in two statements, and only the differences are written, in one transaction (none when in step). A
 * console question with the same words as a shipped one stays the console's.
 */
export async function syncKbToDb(prisma: PrismaClient, topics: readonly FaqTopic[]): Promise<void> {
  const [storedTopics, storedQuestions] = await Promise.all([
    prisma.faqTopic.findMany({ select: { id: true, editedAt: true, answerEn: true, answerUr: true, answerUrLatn: true } }),
    prisma.faqQuestion.findMany({ select: { id: true, topicId: true, language: true, text: true, source: true } }),
  ]);
  const stored = new Map(storedTopics.map((row) => [row.id, row]));
  const questionKey = (topicId: string, language: string, text: string) => JSON.stringify([topicId, language, text]);
  const shippedQuestions = topics.flatMap((topic) =>
    FAQ_LANGUAGES.flatMap((language) => topic.questions[language].map((text) => ({ topicId: topic.id, language, text }))),
  );
  const shippedKeys = new Set(shippedQuestions.map((q) => questionKey(q.topicId, q.language, q.text)));
  const storedKeys = new Set(storedQuestions.map((q) => questionKey(q.topicId, q.language, q.text)));
  const shippedIds = new Set(topics.map((topic) => topic.id));

  const created = topics.filter((topic) => !stored.has(topic.id)).map((topic) => ({ id: topic.id, ...answerColumns(topic) }));
  const refreshed = topics.filter((topic) => {
    const row = stored.get(topic.id);
    if (!row || row.editedAt !== null) return false;
    const columns = answerColumns(topic);
    return row.answerEn !== columns.answerEn || row.answerUr !== columns.answerUr || row.answerUrLatn !== columns.answerUrLatn;
  });
  const dropped = storedQuestions.filter(
    (q) => q.source === QUESTION_SOURCES.kb && shippedIds.has(q.topicId) && !shippedKeys.has(questionKey(q.topicId, q.language, q.text)),
  );
  const added = shippedQuestions.filter((q) => !storedKeys.has(questionKey(q.topicId, q.language, q.text)));
  if (!created.length && !refreshed.length && !dropped.length && !added.length) return;

  await prisma.$transaction(async (tx) => {
    // skipDuplicates: another instance starting at the same moment may have written the same rows.
    if (created.length) await tx.faqTopic.createMany({ data: created, skipDuplicates: true });
    for (const topic of refreshed) {
      // Re-checked in the statement: the console may have edited the answer since it was read.
      await tx.faqTopic.updateMany({ where: { id: topic.id, editedAt: null }, data: answerColumns(topic) });
    }
    if (dropped.length) await tx.faqQuestion.deleteMany({ where: { id: { in: dropped.map((q) => q.id) } } });
    if (added.length) {
      await tx.faqQuestion.createMany({
        data: added.map((q) => ({ ...q, source: QUESTION_SOURCES.kb })),
        skipDuplicates: true,
      });
    }
  });
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

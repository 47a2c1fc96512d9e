import { createHash, randomUUID } from 'node:crypto';
import { Prisma, type PrismaClient } from '../../generated/prisma/client';
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
 * Every start runs this, on every instance, and usually nothing has changed: the topics are read, and the KB
 * questions are compared by one digest the database computes over them (`kbQuestionsDigest`), so an instance in step
 * reads no question rows. Otherwise every question is read, and only the differences are written, in one transaction.
 * A console question with the same words as a shipped one stays the console's.
 */
export async function syncKbToDb(prisma: PrismaClient, topics: readonly FaqTopic[]): Promise<void> {
  const shippedQuestions = topics.flatMap((topic) =>
    FAQ_LANGUAGES.flatMap((language) => topic.questions[language].map((text) => ({ topicId: topic.id, language, text }))),
  );
  const [storedTopics, storedKbDigest] = await Promise.all([
    prisma.faqTopic.findMany({ select: { id: true, editedAt: true, answerEn: true, answerUr: true, answerUrLatn: true } }),
    kbQuestionsDigest(prisma, topics),
  ]);
  const stored = new Map(storedTopics.map((row) => [row.id, row]));
  const created = topics.filter((topic) => !stored.has(topic.id)).map((topic) => ({ id: topic.id, ...answerColumns(topic) }));
  const refreshed = topics.filter((topic) => {
    const row = stored.get(topic.id);
    if (!row || row.editedAt !== null) return false;
    const columns = answerColumns(topic);
    return row.answerEn !== columns.answerEn || row.answerUr !== columns.answerUr || row.answerUrLatn !== columns.answerUrLatn;
  });
  // The usual start: topics in step and the stored KB questions exactly the shipped ones, so no question row is read.
  if (!created.length && !refreshed.length && storedKbDigest === questionsDigest(shippedQuestions)) return;

  const storedQuestions = await prisma.faqQuestion.findMany({
    select: { id: true, topicId: true, language: true, text: true, source: true },
  });
  const questionKey = (topicId: string, language: string, text: string) => JSON.stringify([topicId, language, text]);
  const shippedKeys = new Set(shippedQuestions.map((q) => questionKey(q.topicId, q.language, q.text)));
  const storedKeys = new Set(storedQuestions.map((q) => questionKey(q.topicId, q.language, q.text)));
  const shippedIds = new Set(topics.map((topic) => topic.id));

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

/** One KB question as the digest orders and joins it: topic id, language, text. */
type QuestionTriple = { topicId: string; language: string; text: string };

/** Unit and record separators join the fields and the questions, on both sides. */
const FIELD = '\u001f';
const RECORD = '\u001e';

/**
 * md5 of the questions, sorted and joined as `kbQuestionsDigest` does in SQL. The database sorts field by field in
 * byte order ("C" collation); sorting the joined records' UTF-8 bytes is the same order, since the separator sorts
 * below every character of an id or a language.
 */
export function questionsDigest(questions: readonly QuestionTriple[]): string {
  const records = questions.map((q) => Buffer.from([q.topicId, q.language, q.text].join(FIELD), 'utf8')).sort(Buffer.compare);
  const separator = Buffer.from(RECORD, 'utf8');
  return createHash('md5')
    .update(Buffer.concat(records.flatMap((record, i) => (i === 0 ? [record] : [separator, record]))))
    .digest('hex');
}

/** md5 of the stored KB-sourced questions of the shipped topics, computed by the database (one row comes back). */
export async function kbQuestionsDigest(prisma: PrismaClient, topics: readonly FaqTopic[]): Promise<string> {
  if (topics.length === 0) return questionsDigest([]);
  const [row] = await prisma.$queryRaw<{ digest: string }[]>`
    SELECT md5(coalesce(string_agg(topic_id || chr(31) || language || chr(31) || text, chr(30)
                 ORDER BY topic_id COLLATE "C", language COLLATE "C", text COLLATE "C"), '')) AS digest
    FROM faq_question
    WHERE source = ${QUESTION_SOURCES.kb} AND topic_id IN (${Prisma.join(topics.map((topic) => topic.id))})`;
  return row.digest;
}

/**
 * Read every topic with its questions back into the plain data the engine is built from: one statement, one row per
 * topic with its questions as a JSON array (in the order the engine has always been given: by source, then text).
 */
export async function loadTopicsFromDb(prisma: PrismaClient): Promise<FaqTopic[]> {
  const rows = await prisma.$queryRaw<
    { id: string; answer_en: string; answer_ur: string; answer_ur_latn: string | null; questions: string | null }[]
  >`
    SELECT t.id, t.answer_en, t.answer_ur, t.answer_ur_latn,
           (SELECT json_agg(json_build_array(q.language, q.text) ORDER BY q.source, q.text)::text
              FROM faq_question q WHERE q.topic_id = t.id) AS questions
    FROM faq_topic t
    ORDER BY t.id`;
  return rows.map((row) => {
    const questions: Record<FaqLanguage, string[]> = { en: [], ur: [], 'ur-Latn': [] };
    for (const [language, text] of JSON.parse(row.questions ?? '[]') as [string, string][]) {
      if ((FAQ_LANGUAGES as readonly string[]).includes(language)) questions[language as FaqLanguage].push(text);
    }
    const answer = { en: row.answer_en, ur: row.answer_ur, ...(row.answer_ur_latn ? { 'ur-Latn': row.answer_ur_latn } : {}) };
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

import { kbQuestionsDigest, loadTopicsFromDb, logQuery, questionsDigest, recordUnanswered, syncKbToDb } from '../../../bot/faq/faqStore';
import { FaqEngine } from '../../../bot/faq/engine';
import { loadKb } from '../../../bot/faq/loadKb';
import type { FaqTopic } from '../../../bot/faq/types';
import { createTestDb, type TestDb } from '../../helpers/db';

let db: TestDb;
const kb = loadKb();

beforeAll(async () => {
  db = await createTestDb();
  // The test template holds the shipped KB already (test/helpers/template.ts); these tests start from a database the
  // bot has never started on.
  await db.prisma.faqQuestion.deleteMany();
  await db.prisma.faqTopic.deleteMany();
});

afterAll(async () => {
  await db?.close();
});

describe('syncKbToDb / loadTopicsFromDb', () => {
  it('round-trips the shipped knowledge base', async () => {
    await syncKbToDb(db.prisma, kb);
    const loaded = await loadTopicsFromDb(db.prisma);
    expect(loaded.map((t) => t.id).sort()).toEqual(kb.map((t) => t.id).sort());
    const helpline = loaded.find((t) => t.id === 'covid.helpline');
    const shipped = kb.find((t) => t.id === 'covid.helpline') as FaqTopic;
    expect(helpline?.answer).toEqual(shipped.answer);
    expect([...(helpline?.questions['ur-Latn'] ?? [])].sort()).toEqual([...shipped.questions['ur-Latn']].sort());
    expect(new FaqEngine(loaded).search('helpline number kya hai').results[0]?.id).toBe('covid.helpline');
  });

  it('answers a Roman Urdu question from the database in Roman Urdu', async () => {
    await syncKbToDb(db.prisma, kb);
    const response = new FaqEngine(await loadTopicsFromDb(db.prisma)).search('helpline ka number kya hai?');
    expect(response.language).toBe('ur-Latn');
    expect(response.results[0]?.answer).toBe(kb.find((t) => t.id === 'covid.helpline')?.answer['ur-Latn']);
  });

  it('keeps an answer edited in the console and console-added questions when the KB is synced again', async () => {
    await db.prisma.faqTopic.update({ where: { id: 'pseb.about' }, data: { answerEn: 'Edited by staff', editedAt: new Date() } });
    await db.prisma.faqQuestion.create({ data: { topicId: 'pseb.about', language: 'en', text: 'Who runs PSEB?', source: 'console' } });
    await syncKbToDb(db.prisma, kb);
    const about = (await loadTopicsFromDb(db.prisma)).find((t) => t.id === 'pseb.about');
    expect(about?.answer.en).toBe('Edited by staff');
    expect(about?.questions.en).toContain('Who runs PSEB?');
  });

  it('writes nothing when the database already holds the shipped knowledge base', async () => {
    await syncKbToDb(db.prisma, kb);
    // xmin is the transaction that last wrote a row: unchanged rows keep theirs.
    const versions = () =>
      db.prisma.$queryRawUnsafe<{ id: string; xmin: string }[]>(
        'SELECT id, xmin::text AS xmin FROM faq_topic UNION ALL SELECT id, xmin::text FROM faq_question ORDER BY 1',
      );
    const before = await versions();
    await syncKbToDb(db.prisma, kb);
    expect(await versions()).toEqual(before);
  });

  it('computes the same digest of the KB questions in the database as in code, so a database in step reads none', async () => {
    await syncKbToDb(db.prisma, kb);
    const shipped = kb.flatMap((t) =>
      (['en', 'ur', 'ur-Latn'] as const).flatMap((language) => t.questions[language].map((text) => ({ topicId: t.id, language, text }))),
    );
    expect(await kbQuestionsDigest(db.prisma, kb)).toBe(questionsDigest(shipped));
    // One question fewer, or one more, is another digest.
    expect(questionsDigest(shipped.slice(1))).not.toBe(questionsDigest(shipped));
    expect(questionsDigest([...shipped, { topicId: 'pseb.about', language: 'en', text: 'Who runs PSEB?' }])).not.toBe(
      questionsDigest(shipped),
    );
  });

  it('puts back a shipped question deleted from the database, though every answer is in step', async () => {
    const [first] = kb.find((t) => t.id === 'wfh.how')!.questions.ur;
    await db.prisma.faqQuestion.deleteMany({ where: { topicId: 'wfh.how', language: 'ur', text: first } });
    await syncKbToDb(db.prisma, kb);
    expect(await db.prisma.faqQuestion.count({ where: { topicId: 'wfh.how', language: 'ur', text: first, source: 'kb' } })).toBe(1);
  });

  it('removes a KB question the files no longer hold, though every answer is in step', async () => {
    await db.prisma.faqQuestion.create({ data: { topicId: 'wfh.how', language: 'en', text: 'An old shipped question', source: 'kb' } });
    await syncKbToDb(db.prisma, kb);
    expect(await db.prisma.faqQuestion.count({ where: { text: 'An old shipped question' } })).toBe(0);
    // A console question is the console's: it stays.
    expect(await db.prisma.faqQuestion.count({ where: { text: 'Who runs PSEB?' } })).toBe(1);
  });

  it("loads each topic's questions in the order the engine is built from: by source, then text", async () => {
    const loaded = await loadTopicsFromDb(db.prisma);
    const rows = await db.prisma.faqQuestion.findMany({ orderBy: [{ topicId: 'asc' }, { source: 'asc' }, { text: 'asc' }] });
    for (const topic of loaded) {
      for (const language of ['en', 'ur', 'ur-Latn'] as const) {
        const expected = rows.filter((r) => r.topicId === topic.id && r.language === language).map((r) => r.text);
        expect(topic.questions[language]).toEqual(expected);
      }
    }
    expect(loaded.map((t) => t.id)).toEqual((await db.prisma.faqTopic.findMany({ orderBy: { id: 'asc' } })).map((t) => t.id));
  });

  it('refreshes unedited answers and drops KB questions removed from the files', async () => {
    const changed = kb.map((t) =>
      t.id === 'covid.helpline'
        ? { ...t, answer: { ...t.answer, en: 'Call 0800 03030.' }, questions: { ...t.questions, en: t.questions.en.slice(1) } }
        : t,
    );
    await syncKbToDb(db.prisma, changed);
    const helpline = (await loadTopicsFromDb(db.prisma)).find((t) => t.id === 'covid.helpline');
    expect(helpline?.answer.en).toBe('Call 0800 03030.');
    expect(helpline?.questions.en).not.toContain(kb.find((t) => t.id === 'covid.helpline')?.questions.en[0]);
  });
});

describe('recordUnanswered', () => {
  it('counts repeats of the same normalised question, even when recorded concurrently', async () => {
    await Promise.all(
      ['What is the weather?', 'what is the WEATHER', 'What is the weather?'].map((q) => recordUnanswered(db.prisma, q, 'en')),
    );
    const rows = await db.prisma.unansweredQuestion.findMany({ where: { language: 'en' } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.count).toBe(3);
  });

  it('keeps languages apart', async () => {
    await recordUnanswered(db.prisma, 'mausam kaisa hai', 'ur-Latn');
    expect(await db.prisma.unansweredQuestion.count({ where: { language: 'ur-Latn' } })).toBe(1);
  });

  it('never stores a CNIC or mobile number', async () => {
    await recordUnanswered(db.prisma, 'my cnic is 35202-1234567-1 and mobile 03001234567', 'en');
    const rows = await db.prisma.unansweredQuestion.findMany();
    for (const row of rows) expect(`${row.normalized} ${row.sample}`).not.toMatch(/35202|1234567|03001234567/);
  });
});

describe('logQuery', () => {
  it('stores language, decision and topic only', async () => {
    await logQuery(db.prisma, { language: 'ur', decision: 'answer', topicId: 'covid.helpline' });
    await logQuery(db.prisma, { language: 'en', decision: 'none' });
    const rows = await db.prisma.faqQueryLog.findMany({ orderBy: { createdAt: 'asc' } });
    expect(rows.map((r) => [r.language, r.decision, r.topicId])).toEqual([
      ['ur', 'answer', 'covid.helpline'],
      ['en', 'none', null],
    ]);
  });
});

/**
 * The database round trips of a turn, counted where every statement leaves the process: pg's
 * Client.query (the pool, hence Prisma and the plain-SQL hot path alike) and PGlite's query / exec /
 * transaction. A turn takes one read and one write in all: state, dedupe, transcript and logs, and the
 * features' own lookups on every message (open hand-off, pending rating, waiting request) in that read.
 */
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { startTestApp, TestUser, type TestApp } from '../../helpers/app';
import { createTestDb, type TestDb } from '../../helpers/db';
import { TurnStatements } from '../../../bot/storage/turnStatements';

/** Tables of the turn's own bookkeeping (any other statement is a feature's own lookup). */
const HOT_TABLES = ['bot_state', 'processed_activity', 'transcript_message', 'conversation_ref', 'faq_query_log', 'unanswered_question'];

const statements: string[] = [];
let counting = false;

function note(text: unknown): void {
  if (counting) statements.push(typeof text === 'string' ? text : String((text as { text?: unknown })?.text ?? text));
}

type Fn = (...args: unknown[]) => unknown;
const pgQuery = pg.Client.prototype.query as unknown as Fn;
const pgliteQuery = PGlite.prototype.query as unknown as Fn;
const pgliteExec = PGlite.prototype.exec as unknown as Fn;
const pgliteTransaction = PGlite.prototype.transaction as unknown as Fn;
beforeAll(() => {
  (pg.Client.prototype as unknown as { query: Fn }).query = function (this: unknown, ...args: unknown[]) {
    note(args[0]);
    return pgQuery.apply(this, args);
  };
  const proto = PGlite.prototype as unknown as Record<'query' | 'exec' | 'transaction', Fn>;
  proto.query = function (this: unknown, ...args: unknown[]) {
    note(args[0]);
    return pgliteQuery.apply(this, args);
  };
  proto.exec = function (this: unknown, ...args: unknown[]) {
    note(args[0]);
    return pgliteExec.apply(this, args);
  };
  // Statements inside a transaction go through its own handle: count those too.
  proto.transaction = function (this: unknown, callback: unknown) {
    return pgliteTransaction.call(this, async (tx: { query: Fn; exec: Fn }) => {
      const { query, exec } = tx;
      tx.query = (...args: unknown[]) => (note(args[0]), query.apply(tx, args));
      tx.exec = (...args: unknown[]) => (note(args[0]), exec.apply(tx, args));
      return (callback as Fn)(tx);
    });
  };
});
afterAll(() => {
  (pg.Client.prototype as unknown as { query: Fn }).query = pgQuery;
  Object.assign(PGlite.prototype, { query: pgliteQuery, exec: pgliteExec, transaction: pgliteTransaction });
});

/** Runs `work` and returns the statements it sent. */
async function counted(work: () => Promise<unknown>): Promise<string[]> {
  statements.length = 0;
  counting = true;
  try {
    await work();
  } finally {
    counting = false;
  }
  return [...statements];
}

interface Tally {
  reads: string[];
  writes: string[];
  features: string[];
}

/**
 * Periodic work that may fall inside a slow turn but is not per turn: the once-a-minute sweep of expired
 * dedupe claims, the FAQ's "has anything changed?" check every few seconds, the announcement worker.
 */
const PERIODIC = [
  /DELETE FROM "public"."processed_activity" WHERE "public"."processed_activity"."expires_at"/,
  /\bfaq_(topic|question)\b/,
  /\bannouncement/,
];

/** Sorts statements into the turn's reads (those returning state rows, with the claims and facts) and writes, and the features' own. */
function tally(all: string[]): Tally {
  const sent = all.filter((s) => !PERIODIC.some((pattern) => pattern.test(s)));
  const hot = sent.filter((s) => HOT_TABLES.some((table) => new RegExp(`\\b${table}\\b`).test(s)));
  const reads = hot.filter((s) => /FROM bot_state WHERE key = ANY/i.test(s));
  return {
    reads,
    writes: hot.filter((s) => !reads.includes(s)),
    features: sent.filter((s) => !hot.includes(s)),
  };
}

/** The turn's statements were exactly one read and one write: no feature sent a lookup of its own. */
function expectOneReadOneWrite(sent: string[]): void {
  const { reads, writes, features } = tally(sent);
  // The statements themselves on failure: a feature's extra lookup shows up here by its SQL.
  expect(features).toEqual([]);
  expect(reads).toHaveLength(1);
  expect(writes).toHaveLength(1);
}

describe('round trips of a turn', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    // The once-a-minute sweep of expired dedupe claims runs on the first turn; not part of what is counted.
    await new TestUser(t.baseUrl).say('menu');
  });
  afterAll(() => t.close());

  it("answers a FAQ question with one read and one write in all: state, dedupe, transcript, FAQ log and the features' lookups", async () => {
    const user = new TestUser(t.baseUrl);
    const logsBefore = await t.db.prisma.faqQueryLog.count();
    let replies: unknown[] = [];
    const sent = await counted(async () => {
      replies = await user.say('What documents do I need for whitelisting?');
    });
    expect(replies.length).toBeGreaterThan(0);
    expectOneReadOneWrite(sent);
    // And the one write did store it all.
    expect(await t.db.prisma.transcriptMessage.count({ where: { conversationId: user.conversationId } })).toBe(1 + replies.length);
    expect(await t.db.prisma.conversationRef.count({ where: { conversationId: user.conversationId } })).toBe(1);
    expect(await t.db.prisma.faqQueryLog.count()).toBe(logsBefore + 1);
    expect(await t.db.prisma.processedActivity.count()).toBeGreaterThanOrEqual(2);
    expect(await t.db.prisma.botState.count({ where: { key: { contains: user.conversationId } } })).toBe(1);
  });

  it('logs an unanswered question in the same one write', async () => {
    const user = new TestUser(t.baseUrl);
    const question = `Zebra migration patterns ${Date.now()}`;
    const sent = await counted(() => user.say(question));
    expectOneReadOneWrite(sent);
    expect(await t.db.prisma.unansweredQuestion.count({ where: { sample: { contains: 'Zebra' } } })).toBe(1);
  });

  it('takes a form field with one read and one write, and stores the answer in the dialog state', async () => {
    const user = new TestUser(t.baseUrl);
    await user.submit({ verb: 'menu.select', choice: 'whitelisting' });
    await user.say('start');
    const company = `Indus Contact Solutions ${Date.now()}`;
    const sent = await counted(() => user.say(company));
    expectOneReadOneWrite(sent);
    const state = await t.db.prisma.botState.findFirst({ where: { key: { contains: user.conversationId } } });
    expect(JSON.stringify(state?.data)).toContain(company);
  });

  it("opens a form from a menu card with one read and one write (the hand-off guard asks the turn's read)", async () => {
    const user = new TestUser(t.baseUrl);
    await user.say('menu');
    let replies: unknown[] = [];
    const sent = await counted(async () => {
      replies = await user.submit({ verb: 'menu.select', choice: 'whitelisting' });
    });
    expect(replies.length).toBeGreaterThan(0);
    expectOneReadOneWrite(sent);
  });

  it('switches the language with one read and one write', async () => {
    const user = new TestUser(t.baseUrl);
    await user.say('menu');
    const sent = await counted(() => user.say('Urdu'));
    expectOneReadOneWrite(sent);
    const state = await t.db.prisma.botState.findFirst({ where: { key: { contains: user.userId } } });
    expect(JSON.stringify(state?.data)).toContain('"ur"');
  });
});

describe('turn statements of concurrent turns', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db.close());

  it('share one read and one write round trip', async () => {
    const shared = new TurnStatements(db.sql);
    const at = new Date(Date.now() + 60_000);
    const reads = await counted(() =>
      Promise.all(Array.from({ length: 5 }, (_, i) => [shared.claim(`batch-claim-${i}`, at), shared.readState(`batch/state/${i}`)]).flat()),
    );
    expect(reads).toHaveLength(1);
    const writes = await counted(() =>
      Promise.all(
        Array.from({ length: 5 }, (_, i) => [
          shared.writeState({ key: `batch/state/${i}`, data: JSON.stringify({ i }), etag: `e${i}`, expected: `absent:${i}` }),
          shared.recordLines([{ conversationId: `batch-${i}`, channelId: 'test', direction: 'incoming', text: `line ${i}` }]),
          shared.rememberConversation({ conversationId: `batch-${i}`, channelId: 'test', userId: `u${i}`, reference: { i } }),
          shared.logFaq({ language: 'en', decision: 'none', topicId: null }),
        ]).flat(),
      ),
    );
    expect(writes).toHaveLength(1);
    expect(await db.prisma.botState.count({ where: { key: { startsWith: 'batch/state/' } } })).toBe(5);
    expect(await db.prisma.transcriptMessage.count({ where: { conversationId: { startsWith: 'batch-' } } })).toBe(5);
  });

  it('keeps a failing part from costing the others their writes', async () => {
    const shared = new TurnStatements(db.sql);
    const results = await Promise.allSettled([
      shared.writeState({ key: 'isolated/state', data: '{"ok":true}', etag: 'e1', expected: 'absent:1' }),
      // A direction the enum does not have: this part alone fails.
      shared.recordLines([{ conversationId: 'isolated', channelId: 'test', direction: 'sideways' as 'incoming', text: 'x' }]),
    ]);
    expect(results[0]).toEqual({ status: 'fulfilled', value: true });
    expect(results[1].status).toBe('rejected');
    expect(await db.prisma.botState.count({ where: { key: 'isolated/state' } })).toBe(1);
  });

  it('writes a part that needs no statement timestamp on its own (transcript lines that carry their own time)', async () => {
    const shared = new TurnStatements(db.sql);
    const createdAt = new Date('2026-11-30T10:00:00Z');
    await shared.recordLines([{ conversationId: 'timed-lines', channelId: 'test', direction: 'incoming', text: 'on time', createdAt }]);
    const stored = await db.prisma.transcriptMessage.findFirstOrThrow({ where: { conversationId: 'timed-lines' } });
    expect(stored.createdAt.toISOString()).toBe(createdAt.toISOString());
  });
});

/**
 * Duplicates, eTag conflicts, the per-user rate limit, body limits and outbound 429s, through the real
 * HTTP endpoint.
 */
import { randomUUID } from 'node:crypto';
import { startTestApp, TestUser, textOfAll, type TestApp } from '../../helpers/app';
import { startConnector, type ConnectorRecorder } from '../../helpers/connector';
import { createTestDb, type TestDb } from '../../helpers/db';
import { createI18n } from '../../../bot/i18n';

const i18n = createI18n();
const en = i18n.getFixedT('en');
const ur = i18n.getFixedT('ur');

// One migrated database per file (the wasm migration engine is slow to start); each block has its own app on it.
let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());

describe('duplicate deliveries', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, {}, db);
  });
  afterAll(() => t.close());

  it('processes a retried activity once and answers the retry with 200 and no replies', async () => {
    const user = new TestUser(t.baseUrl);
    const id = randomUUID();
    const first = await user.send({ id, type: 'message', text: 'menu' });
    expect(first.length).toBeGreaterThan(0);
    const retry = await user.post({ id, type: 'message', text: 'menu' });
    expect(retry.status).toBe(200);
    const body = (await retry.json()) as { activities?: unknown[] };
    expect(body.activities ?? []).toHaveLength(0);
    const incoming = await t.db.prisma.transcriptMessage.count({ where: { conversationId: user.conversationId, direction: 'incoming' } });
    expect(incoming).toBe(1);
  });

  it('treats the same activity id in another conversation as a different activity', async () => {
    const id = randomUUID();
    const a = await new TestUser(t.baseUrl).send({ id, type: 'message', text: 'menu' });
    const b = await new TestUser(t.baseUrl).send({ id, type: 'message', text: 'menu' });
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
  });

  it('processes concurrent copies of one activity exactly once', async () => {
    const user = new TestUser(t.baseUrl);
    const id = randomUUID();
    const results = await Promise.all(Array.from({ length: 5 }, () => user.send({ id, type: 'message', text: 'menu' })));
    expect(results.filter((replies) => replies.length > 0)).toHaveLength(1);
  });

  it('keeps a dedupe record with an expiry in the future', async () => {
    await new TestUser(t.baseUrl).say('menu');
    const rows = await t.db.prisma.processedActivity.findMany();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });
});

describe('eTag conflicts', () => {
  let t: TestApp;
  let bumpsLeft = 0;
  beforeAll(async () => {
    t = await startTestApp({}, {}, db);
    // Another instance writes the user's state after this turn read it; Urdu text then makes this
    // turn change the remembered language, so its save carries a stale eTag.
    t.app.bot.intercept(async (context) => {
      if (bumpsLeft > 0) {
        bumpsLeft--;
        await t.db.prisma.botState.updateMany({
          where: { key: { endsWith: `/users/${context.activity.from.id}/` } },
          data: { etag: randomUUID() },
        });
      }
      return false;
    });
  });
  afterAll(() => t.close());

  it('re-runs a turn whose state changed underneath it and answers exactly once', async () => {
    const undisturbed = new TestUser(t.baseUrl);
    await undisturbed.say('menu');
    const expected = await undisturbed.say('مینو');
    const user = new TestUser(t.baseUrl);
    await user.say('menu');
    bumpsLeft = 1;
    const replies = await user.say('مینو');
    expect(bumpsLeft).toBe(0);
    expect(replies.map((r) => r.type)).toEqual(expected.map((r) => r.type));
    expect(textOfAll(replies)).toBe(textOfAll(expected));
    expect(t.logs.some((l) => l.includes('re-running it'))).toBe(true);
  });

  it('answers 503 with Retry-After after three lost races, and the channel retry of it is then processed', async () => {
    const user = new TestUser(t.baseUrl);
    await user.say('menu');
    bumpsLeft = 3;
    const id = randomUUID();
    const res = await user.post({ id, type: 'message', text: 'مینو' });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    const retried = await user.send({ id, type: 'message', text: 'مینو' });
    expect(retried.length).toBeGreaterThan(0);
    const state = await t.db.prisma.botState.findFirst({ where: { key: { endsWith: `/users/${user.userId}/` } } });
    expect(state?.data).toMatchObject({ language: { language: 'ur' } });
  });
});

describe('per-user rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '3' }, {}, db);
  });
  afterAll(() => t.close());

  it('answers politely once when a user exceeds the limit, then drops further messages silently', async () => {
    const user = new TestUser(t.baseUrl);
    for (let i = 0; i < 3; i++) expect(textOfAll(await user.say('menu'))).toContain(en('common:menu.title'));
    expect(textOfAll(await user.say('menu'))).toBe(en('common:errors.rateLimited'));
    expect(await user.say('menu')).toHaveLength(0);
  });

  it('limits each user on their own', async () => {
    const flooder = new TestUser(t.baseUrl);
    for (let i = 0; i < 5; i++) await flooder.say('menu');
    expect(textOfAll(await new TestUser(t.baseUrl).say('menu'))).toContain(en('common:menu.title'));
  });

  it('tells an Urdu writer in Urdu', async () => {
    const user = new TestUser(t.baseUrl);
    for (let i = 0; i < 3; i++) await user.say('مینو');
    expect(textOfAll(await user.say('مینو'))).toBe(ur('common:errors.rateLimited'));
  });

  it('does not count conversation updates', async () => {
    const user = new TestUser(t.baseUrl);
    for (let i = 0; i < 5; i++) {
      await user.send({ type: 'conversationUpdate', membersAdded: [{ id: 'pseb-bot' }], text: undefined });
    }
    expect(textOfAll(await user.say('menu'))).toContain(en('common:menu.title'));
  });
});

describe('body size limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, {}, db);
  });
  afterAll(() => t.close());

  it('answers 413 to a 1 MB body and keeps serving', async () => {
    const user = new TestUser(t.baseUrl);
    const res = await user.post({ type: 'message', text: 'x'.repeat(1024 * 1024) });
    expect(res.status).toBe(413);
    expect(textOfAll(await user.say('menu'))).toContain(en('common:menu.title'));
  });
});

describe('outbound throttling', () => {
  let t: TestApp;
  let connector: ConnectorRecorder;
  beforeAll(async () => {
    connector = await startConnector();
    t = await startTestApp({}, {}, db);
  });
  afterAll(async () => {
    await t.close();
    await connector.close();
  });

  it('waits for Retry-After when the channel answers 429, then delivers the reply once', async () => {
    const user = new TestUser(t.baseUrl, 'test', undefined, undefined, connector.serviceUrl);
    connector.failNext(/\/activities/, { status: 429, code: 'Throttled', retryAfterSeconds: 1 });
    const started = Date.now();
    const res = await user.post({ type: 'message', text: 'menu', deliveryMode: 'normal' });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    const attempts = connector.calls.filter((c) => c.conversationId === user.conversationId);
    expect(attempts.map((c) => c.body.failedWith ?? 200)).toEqual([429, 200]);
    expect(connector.sentTo(user.conversationId)).toHaveLength(1);
  });
});

/**
 * Several instances on one PostgreSQL, and a database outage. PostgreSQL only (TEST_DATABASE_URL,
 * e.g. `npm run test:pg -- test/reliability`); on PGlite the suite is skipped with a note.
 */
import { startTestApp, TestUser, textOfAll, type TestApp } from '../../helpers/app';
import { createTestDb, onPostgres, type TestDb } from '../../helpers/db';
import { openDatabase } from '../../../prisma/db';
import { createI18n } from '../../../bot/i18n';
import { startTcpProxy, type TcpProxy } from './tcpProxy';
import { eventually } from '../../helpers/eventually';

const i18n = createI18n();
const en = i18n.getFixedT('en');
const ur = i18n.getFixedT('ur');

if (!onPostgres) {
  console.warn(
    'instances.test.ts skipped: set TEST_DATABASE_URL (npm run test:pg -- test/reliability) to run the two-instance and outage tests',
  );
}
const onPg = onPostgres ? describe : describe.skip;

/** A second connection pool to the same database: what another server process would have. */
async function secondConnection(db: TestDb): Promise<TestDb> {
  const other = await openDatabase(db.url, { poolSize: 5 });
  return Object.assign(other, { url: db.url });
}

onPg('two instances on one PostgreSQL', () => {
  let db: TestDb;
  let otherDb: TestDb;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    db = await createTestDb();
    otherDb = await secondConnection(db);
    a = await startTestApp({}, {}, db);
    b = await startTestApp({}, {}, otherDb);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await otherDb.close();
    await db.close();
  });

  /** The same user and conversation, talking to each instance. */
  function pair(): [TestUser, TestUser] {
    const onA = new TestUser(a.baseUrl);
    return [onA, new TestUser(b.baseUrl, onA.channelId, onA.userId, onA.conversationId)];
  }

  it('keeps one conversation consistent when its turns alternate between the instances', async () => {
    const [onA, onB] = pair();
    expect(textOfAll(await onA.say('menu'))).toContain(en('common:menu.title'));
    expect(textOfAll(await onB.say('Urdu'))).toContain(ur('common:language.switched'));
    expect(textOfAll(await onA.say('menu'))).toContain(ur('common:menu.title'));
    expect(textOfAll(await onB.say('menu'))).toContain(ur('common:menu.title'));
    expect(textOfAll(await onA.say('English'))).toContain(en('common:language.switched'));
    expect(textOfAll(await onB.say('menu'))).toContain(en('common:menu.title'));
  });

  it('never loses an explicit language choice to a concurrent turn on the other instance', async () => {
    // "English" on A writes an explicit choice; Urdu text on B would set a detected one. Whatever the
    // order, the explicit choice must survive: a stale write from B is re-run, not applied.
    for (let round = 0; round < 12; round++) {
      const [onA, onB] = pair();
      await onA.say('menu');
      const results = await Promise.all([onA.say('English'), onB.say('مینو'), onB.say('سوال')]);
      expect(results.every((r) => r.length > 0)).toBe(true);
      const row = await db.prisma.botState.findFirst({ where: { key: { endsWith: `/users/${onA.userId}/` } } });
      expect(row?.data).toMatchObject({ language: { language: 'en', explicit: true } });
    }
  });

  it('processes a channel retry once even when it lands on the other instance', async () => {
    const [onA, onB] = pair();
    const id = `retry-${onA.conversationId}`;
    const [first, second] = await Promise.all([
      onA.send({ id, type: 'message', text: 'menu' }),
      onB.send({ id, type: 'message', text: 'menu' }),
    ]);
    expect([first.length > 0, second.length > 0].filter(Boolean)).toHaveLength(1);
  });
});

onPg('database outage', () => {
  let db: TestDb;
  let proxy: TcpProxy;
  let viaProxy: TestDb;
  let t: TestApp;
  beforeAll(async () => {
    db = await createTestDb();
    const target = new URL(db.url);
    proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    const proxied = new URL(db.url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    const opened = await openDatabase(proxied.toString(), { poolSize: 3 });
    viaProxy = Object.assign(opened, { url: proxied.toString() });
    t = await startTestApp({}, {}, viaProxy);
  });
  afterAll(async () => {
    await t.close();
    await proxy.close();
    await viaProxy.close().catch(() => undefined);
    await db.close();
  });

  it('apologises while PostgreSQL is unreachable, reports 503 on /healthz, and recovers without a restart', async () => {
    const user = new TestUser(t.baseUrl);
    expect(textOfAll(await user.say('menu'))).toContain(en('common:menu.title'));
    expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);

    await proxy.cut();
    const during = await user.say('menu');
    expect(textOfAll(during)).toContain(en('common:errors.generic'));
    const health = await fetch(`${t.baseUrl}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'unavailable' });
    const urduUser = new TestUser(t.baseUrl, 'test', undefined, undefined, undefined, 'ur-PK');
    expect(textOfAll(await urduUser.say('مینو'))).toContain(ur('common:errors.generic'));

    await proxy.restore();
    const recovered = await eventually(
      'the menu after the database is back',
      async () => {
        const text = textOfAll(await user.say('menu'));
        return text.includes(en('common:menu.title')) ? text : undefined;
      },
      { timeoutMs: 5_000, intervalMs: 250 },
    );
    expect(recovered).toContain(en('common:menu.title'));
    expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
  });

  it('leaves nothing half-written by the turns that failed', async () => {
    // Failed turns release their dedupe claim, so the channel's retry of them is processed.
    const user = new TestUser(t.baseUrl);
    await proxy.cut();
    const id = `outage-${user.conversationId}`;
    expect(textOfAll(await user.send({ id, type: 'message', text: 'menu' }))).toContain(en('common:errors.generic'));
    await proxy.restore();
    const replies = await eventually(
      'the retried turn to be processed',
      async () => {
        const text = textOfAll(await user.send({ id, type: 'message', text: 'menu' }));
        return text.includes(en('common:menu.title')) ? text : undefined;
      },
      { timeoutMs: 5_000, intervalMs: 250 },
    );
    expect(replies).toContain(en('common:menu.title'));
  });
});

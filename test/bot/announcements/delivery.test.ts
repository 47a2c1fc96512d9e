/**
 * Announcements end to end: composed over the console API, delivered through the loopback connector
 * (which answers some sends with 429 + Retry-After, 500 and 403), in each user's language, once.
 */
import { BotMessenger, type Messenger } from '../../../bot/proactive/messenger';
import { textOfAll } from '../../helpers/app';
import { eventually } from '../../helpers/eventually';
import { createTestDb, onPostgres, type TestDb } from '../../helpers/db';
import { openDatabase } from '../../../prisma/db';
import { i18n, startAnnouncementHarness, texts, type AnnouncementHarness } from './harness';
import type { UiLanguage } from '../../../bot/i18n';

let h: AnnouncementHarness;
beforeAll(async () => {
  h = await startAnnouncementHarness();
});
afterAll(async () => {
  await h?.close();
});

const sendsTo = (conversationId: string) => h.connector.sentTo(conversationId);
const failSend = (conversationId: string, failure: { status: number; code: string; retryAfterSeconds?: number }) =>
  h.connector.failNext(new RegExp(`/v3/conversations/${conversationId}/activities`), failure);

async function create(body: unknown): Promise<{ id: string; recipients: number }> {
  const res = await h.api('/api/console/announcements', { method: 'POST', body });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; recipients: number };
}

async function send(id: string): Promise<void> {
  expect((await h.api(`/api/console/announcements/${id}/send`, { method: 'POST' })).status).toBe(202);
}

describe('the console API', () => {
  it('answers 401 without a token and 400 for an empty or overlong text', async () => {
    expect((await h.api('/api/console/announcements', { token: null })).status).toBe(401);
    const empty = await h.api('/api/console/announcements', { method: 'POST', body: { text: { en: ' ', ur: 'x', 'ur-Latn': 'x' } } });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ error: 'invalid_input' });
    const long = await h.api('/api/console/announcements', {
      method: 'POST',
      body: { text: { en: 'x'.repeat(2001), ur: 'x', 'ur-Latn': 'x' } },
    });
    expect(long.status).toBe(400);
    const missing = await h.api('/api/console/announcements', { method: 'POST', body: { text: { en: 'only English' } } });
    expect(missing.status).toBe(400);
    const badAudience = await h.api('/api/console/announcements', {
      method: 'POST',
      body: { text: texts(), audience: { status: 'lost' } },
    });
    expect(badAudience.status).toBe(400);
  });

  it('answers 404 for an unknown announcement and 409 when it is sent twice', async () => {
    expect((await h.api('/api/console/announcements/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await h.api('/api/console/announcements/not-a-uuid/send', { method: 'POST' })).status).toBe(404);
    const { id } = await create({ text: texts(), audience: { city: 'Nowhere-on-earth' } });
    await send(id);
    expect((await h.api(`/api/console/announcements/${id}/send`, { method: 'POST' })).status).toBe(409);
    expect(await (await h.api(`/api/console/announcements/${id}`)).json()).toMatchObject({ status: 'done', total: 0, sent: 0, pending: 0 });
  });

  it('counts the audience by kind, status and city from the requests people filed', async () => {
    const [wfhApproved, wlOpen, bystander] = [await h.user('en'), await h.user('ur'), await h.user('en')];
    const file = (user: typeof wfhApproved, kind: 'wfh' | 'whitelisting', status: 'APPROVED' | 'IN_REVIEW', city: string) =>
      h.app.db.prisma.request.create({
        data: {
          reference: `T-${user.userId}`,
          kind,
          status,
          submitKey: user.userId,
          channelId: user.channelId,
          userId: user.userId,
          conversationId: user.conversationId,
          companyName: 'Test Contact Centre',
          fields: { city },
        },
      });
    await file(wfhApproved, 'wfh', 'APPROVED', 'Lahore');
    await file(wlOpen, 'whitelisting', 'IN_REVIEW', 'Karachi');
    const count = async (audience: object) =>
      ((await (await h.api('/api/console/announcements/count', { method: 'POST', body: { audience } })).json()) as { recipients: number })
        .recipients;
    expect(await count({ kind: 'wfh', city: 'lahore' })).toBe(1);
    expect(await count({ status: 'open', kind: 'whitelisting', city: 'Karachi' })).toBe(1);
    expect(await count({ status: 'approved', city: 'Lahore' })).toBe(1);
    expect(await count({ city: 'Quetta' })).toBe(0);
    const everyone = await count({});
    expect(everyone).toBeGreaterThanOrEqual(3);
    const created = await create({ text: texts(), audience: { kind: 'wfh', city: 'Lahore' } });
    expect(created.recipients).toBe(1);
    void bystander;
  });
});

describe('delivery', () => {
  it('gives every recipient one message in their language, skips opted-out users and records 403 failures with the reason', async () => {
    const users = {
      en: await h.user('en', 'msteams'),
      ur: await h.user('ur', 'webchat'),
      romanUrdu: await h.user('ur-Latn', 'skype'),
      throttled: await h.user('ur', 'msteams'),
      flaky: await h.user('en', 'webchat'),
      blocked: await h.user('en', 'msteams'),
      optedOut: await h.user('ur-Latn', 'msteams'),
    };
    const optOutReply = textOfAll(await users.optedOut.say('announcements band karo'));
    expect(optOutReply).toBe(i18n.getFixedT('ur-Latn')('announcements:optedOut'));
    const text = texts();
    const { id, recipients } = await create({ text });
    expect(recipients).toBeGreaterThanOrEqual(Object.keys(users).length);

    failSend(users.throttled.conversationId, { status: 429, code: 'TooManyRequests', retryAfterSeconds: 1 });
    failSend(users.flaky.conversationId, { status: 503, code: 'ServiceUnavailable' });
    failSend(users.blocked.conversationId, { status: 403, code: 'ConversationBlockedByUser' });
    await send(id);
    const progress = await h.sendAll(id, [h.worker()]);

    const expected: [keyof typeof users, UiLanguage][] = [
      ['en', 'en'],
      ['ur', 'ur'],
      ['romanUrdu', 'ur-Latn'],
      ['throttled', 'ur'],
      ['flaky', 'en'],
    ];
    for (const [name, lang] of expected) {
      const got = sendsTo(users[name].conversationId);
      expect(got).toHaveLength(1);
      expect(got[0].text).toBe(`${i18n.getFixedT(lang)('announcements:heading')}\n\n${text[lang]}`);
    }
    expect(sendsTo(users.blocked.conversationId)).toHaveLength(0);
    expect(sendsTo(users.optedOut.conversationId)).toHaveLength(0);
    // The throttled and the failing sends were tried twice: once refused (429 / 503), once delivered.
    for (const user of [users.throttled, users.flaky]) {
      expect(h.connector.calls.filter((c) => c.conversationId === user.conversationId && c.method === 'POST')).toHaveLength(2);
    }

    const rows = await h.app.db.prisma.announcementDelivery.findMany({ where: { announcementId: id } });
    const rowOf = (user: { userId: string }) => rows.find((r) => r.userId === user.userId);
    expect(rowOf(users.blocked)).toMatchObject({ status: 'FAILED', error: '403 ConversationBlockedByUser', attempts: 1 });
    expect(rowOf(users.optedOut)).toMatchObject({ status: 'OPTED_OUT', attempts: 0 });
    expect(rowOf(users.throttled)).toMatchObject({ status: 'SENT', error: null });
    expect(rowOf(users.flaky)).toMatchObject({ status: 'SENT', error: null });
    expect(progress).toMatchObject({ status: 'done', total: recipients, failed: 1, optedOut: 1, pending: 0, sent: recipients - 2 });
  });

  it('sends again to a user who switched announcements back on, in Urdu script', async () => {
    const user = await h.user('ur');
    expect(textOfAll(await user.say('اعلانات بند کریں'))).toBe(i18n.getFixedT('ur')('announcements:optedOut'));
    expect(textOfAll(await user.say('اعلانات شروع کریں'))).toBe(i18n.getFixedT('ur')('announcements:optedIn'));
    const text = texts();
    const { id } = await create({ text });
    await send(id);
    await h.sendAll(id, [h.worker()]);
    expect(sendsTo(user.conversationId).map((a) => a.text)).toEqual([`${i18n.getFixedT('ur')('announcements:heading')}\n\n${text.ur}`]);
  });

  it('resumes after an instance died mid-send: its leased rows are sent once by the next one', async () => {
    const users = [await h.user('en'), await h.user('ur'), await h.user('ur-Latn')];
    const { id } = await create({ text: texts() });
    await send(id);
    // The first instance claims a batch and hangs in its first send, as if the process had died.
    let hung = 0;
    const dead: Messenger = {
      send: () => {
        hung += 1;
        return new Promise(() => undefined);
      },
      update: () => new Promise(() => undefined),
      startThread: () => new Promise(() => undefined),
      continue: () => new Promise(() => undefined),
    };
    void h.worker({ messenger: dead, settings: { batchSize: 2 } }).drain();
    await eventually('the dead instance to claim', () => (hung > 0 ? true : undefined));
    const leased = await h.app.db.prisma.announcementDelivery.count({ where: { announcementId: id, status: 'SENDING' } });
    expect(leased).toBe(2);
    // After the lease, a restarted instance takes over the claimed rows and the rest.
    const later = () => new Date(Date.now() + 10 * 60_000);
    const progress = await h.sendAll(id, [h.worker({ clock: later })]);
    expect(progress).toMatchObject({ status: 'done', failed: 0, pending: 0 });
    for (const user of users) expect(sendsTo(user.conversationId)).toHaveLength(1);
  });

  it('puts a throttled send back in the queue until Retry-After has passed, then sends it', async () => {
    const user = await h.user('en');
    const { id } = await create({ text: texts() });
    await send(id);
    let now = new Date('2030-01-01T00:00:00Z').getTime();
    const clock = () => new Date(now);
    const channel = new BotMessenger({
      adapter: h.app.app.adapter,
      botAppId: '',
      logger: h.app.app.logger,
      policy: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
    });
    let refused = 0;
    const throttling: Messenger = {
      send: async (reference, activity) => {
        if (reference.conversation?.id === user.conversationId && refused === 0) {
          refused += 1;
          return { ok: false, kind: 'failed', status: 429, code: 'TooManyRequests', retryAfterMs: 30_000 };
        }
        return channel.send(reference, activity);
      },
      update: () => Promise.reject(new Error('unused')),
      startThread: () => Promise.reject(new Error('unused')),
      continue: () => Promise.reject(new Error('unused')),
    };
    const worker = h.worker({ messenger: throttling, clock, settings: { maxDelayMs: 60_000 } });
    await worker.drain();
    const row = await h.app.db.prisma.announcementDelivery.findFirstOrThrow({ where: { announcementId: id, userId: user.userId } });
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1, error: '429 TooManyRequests', dueAt: new Date(now + 30_000) });
    await worker.drain();
    expect(sendsTo(user.conversationId)).toHaveLength(0);
    now += 30_000;
    await worker.drain();
    expect(sendsTo(user.conversationId)).toHaveLength(1);
    expect(await h.app.db.prisma.announcementDelivery.findFirstOrThrow({ where: { id: row.id } })).toMatchObject({
      status: 'SENT',
      attempts: 2,
    });
  });

  it('paces sends through one shared slot counter', async () => {
    const at = new Date('2040-01-01T10:00:00Z'); // later than any slot an earlier test took
    const worker = h.worker({ clock: () => at, settings: { ratePerSecond: 5 } });
    const other = h.worker({ clock: () => at, settings: { ratePerSecond: 5 } });
    const slots = [await worker.nextSlot(), await other.nextSlot(), await worker.nextSlot()];
    expect(slots).toEqual([at.getTime(), at.getTime() + 200, at.getTime() + 400]);
  });

  it('does not wait for a slot left far in the future by a clock that jumped back', async () => {
    const future = h.worker({ clock: () => new Date('2041-01-01T00:00:00Z') });
    await future.nextSlot();
    const now = new Date('2026-12-01T12:00:00Z');
    const slot = await h.worker({ clock: () => now }).nextSlot();
    expect(slot - now.getTime()).toBeLessThanOrEqual(10_000);
  });
});

const onPg = onPostgres ? describe : describe.skip;
if (!onPostgres) console.warn('delivery.test.ts: the two-instance test needs TEST_DATABASE_URL');

onPg('two instances on one PostgreSQL', () => {
  let db: TestDb;
  let otherDb: TestDb;
  let pg: AnnouncementHarness;
  beforeAll(async () => {
    db = await createTestDb();
    otherDb = Object.assign(await openDatabase(db.url, { poolSize: 5 }), { url: db.url });
    pg = await startAnnouncementHarness(db);
  });
  afterAll(async () => {
    await pg.close();
    await otherDb.close();
    await db.close();
  });

  it('sends each delivery once when two workers drain the same announcement at the same time', async () => {
    const users = [];
    for (let i = 0; i < 12; i++) users.push(await pg.user((['en', 'ur', 'ur-Latn'] as const)[i % 3]));
    pg.connector.failNext(new RegExp(`/v3/conversations/${users[4].conversationId}/activities`), {
      status: 429,
      code: 'TooManyRequests',
      retryAfterSeconds: 1,
    });
    pg.connector.failNext(new RegExp(`/v3/conversations/${users[7].conversationId}/activities`), {
      status: 404,
      code: 'ConversationNotFound',
    });
    const res = await pg.api('/api/console/announcements', { method: 'POST', body: { text: texts() } });
    const { id, recipients } = (await res.json()) as { id: string; recipients: number };
    expect(recipients).toBe(12);
    expect((await pg.api(`/api/console/announcements/${id}/send`, { method: 'POST' })).status).toBe(202);
    const progress = await pg.sendAll(id, [
      pg.worker({ settings: { batchSize: 3 } }),
      pg.worker({ db: otherDb, settings: { batchSize: 3 } }),
    ]);
    expect(progress).toMatchObject({ status: 'done', total: 12, sent: 11, failed: 1, pending: 0, optedOut: 0 });
    users.forEach((user, i) => expect(pg.connector.sentTo(user.conversationId)).toHaveLength(i === 7 ? 0 : 1));
  });
});

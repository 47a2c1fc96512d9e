/**
 * Issue 12, finding 5: starting a Direct Line conversation stores nothing. The welcome is computed on the
 * fly until the user's first activity, which stores the conversation, the welcome (at the positions the
 * client was shown) and itself; another instance may serve either side. Watermarks are BIGINT positions.
 */
import { WebSocket } from 'ws';
import { startTestApp, textOf, type TestApp } from '../../helpers/app';
import { eventually } from '../../helpers/eventually';
import type { TestDb } from '../../helpers/db';
import { welcomeActivityId } from '../../../bot/directline/welcome';
import enCommon from '../../../locales/en/common.json';
import urCommon from '../../../locales/ur/common.json';
import { call, fromBot, pageToken, poll, pollAll, pollUntil, post, startSession, type DlActivity, type Session } from './client';

const SECRET = 'lazy-start-directline-secret-0123456789abcdef';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ DIRECTLINE_SECRET: SECRET, LOG_LEVEL: 'warn' });
});
afterAll(async () => {
  await t?.close();
});

/** Rows per table of the test database (every table the migrations made). */
async function rowCounts(db: TestDb): Promise<Record<string, number>> {
  const tables = await db.prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [{ n }] = await db.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${name.replace(/"/g, '""')}"`);
    counts[name] = n;
  }
  return counts;
}

/** Runs the tasks with at most `width` at a time. */
async function inBatches<T>(count: number, width: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < count; i += width) {
    results.push(...(await Promise.all(Array.from({ length: Math.min(width, count - i) }, (_, j) => task(i + j)))));
  }
  return results;
}

/** The first frame with activities a stream pushes. */
function firstFrame(url: string): Promise<{ activities: DlActivity[]; watermark: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error('no frame from the stream'));
    }, 15_000);
    ws.on('message', (data) => {
      const text = data.toString();
      if (!text) return;
      clearTimeout(timer);
      ws.close();
      resolve(JSON.parse(text) as { activities: DlActivity[]; watermark: string });
    });
    ws.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

const welcomeTitle = (a: DlActivity) => textOf(a).includes(enCommon.welcome.title);
/** What a client sees of an activity, without the timestamp (the stored welcome is stamped when stored). */
const shown = ({ timestamp: _timestamp, ...rest }: DlActivity) => rest;

describe('starting a conversation', () => {
  it('stores nothing in any table for 1,000 starts by the secret and 20 started page tokens, polled and streamed', async () => {
    const tokens = await inBatches(20, 10, () => pageToken(t.baseUrl));
    // The page's tokens name their Web Chat users (webchat_user); from here on nothing may be written.
    const before = await rowCounts(t.db);
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining(['directline_conversation', 'directline_activity', 'bot_state', 'conversation_ref', 'transcript_message']),
    );
    const bySecret = await inBatches(1000, 50, async () => {
      const res = await call(t.baseUrl, 'POST', '/v3/directline/conversations', SECRET, { user: { id: 'portal-user' } });
      expect(res.status).toBe(201);
      return (await res.json()) as { conversationId: string };
    });
    expect(new Set(bySecret.map((c) => c.conversationId)).size).toBe(1000);
    const started = await inBatches(tokens.length, 10, async (i) => {
      const res = await call(t.baseUrl, 'POST', '/v3/directline/conversations', tokens[i].token, { locale: 'en-US' });
      expect(res.status).toBe(201);
      return (await res.json()) as { token: string; streamUrl: string };
    });
    // Reading a started conversation shows its welcome, and stores nothing either.
    for (const [i, s] of started.slice(0, 5).entries()) {
      const page = await poll(t.baseUrl, { ...tokens[i], token: s.token });
      expect(page.activities.filter(welcomeTitle)).toHaveLength(1);
      expect((await firstFrame(s.streamUrl)).activities.filter(welcomeTitle)).toHaveLength(1);
    }
    const secretRead = await call(t.baseUrl, 'GET', `/v3/directline/conversations/${bySecret[0].conversationId}/activities`, SECRET);
    expect(secretRead.status).toBe(200);
    expect(await rowCounts(t.db)).toEqual(before);
  }, 180_000);

  it('shows the welcome in the locale of the start, on polls and on the stream alike', async () => {
    const page = await pageToken(t.baseUrl);
    const res = await call(t.baseUrl, 'POST', '/v3/directline/conversations', page.token, { locale: 'ur-PK' });
    const { token, streamUrl } = (await res.json()) as { token: string; streamUrl: string };
    const polled = await poll(t.baseUrl, { ...page, token });
    const streamed = await firstFrame(streamUrl);
    for (const activities of [polled.activities, streamed.activities]) {
      expect(activities).toHaveLength(1);
      expect(textOf(activities[0])).toContain(urCommon.welcome.title);
      expect(activities[0].attachments?.[0].content.rtl).toBe(true);
    }
    expect(streamed.activities.map(shown)).toEqual(polled.activities.map(shown));
  });
});

describe('the first activity', () => {
  it('stores the conversation, the welcome where it was shown and the activity; the welcome watermark stays right', async () => {
    const s = await startSession(t.baseUrl);
    const before = await poll(t.baseUrl, s);
    expect(before.activities).toHaveLength(1);
    expect(before.activities[0].id).toBe(welcomeActivityId(s.conversationId, 0));
    expect(before.watermark).toBe('1');
    expect(await poll(t.baseUrl, s, before.watermark)).toEqual({ activities: [], watermark: '1' });
    expect(await t.db.prisma.directLineConversation.count({ where: { id: s.conversationId } })).toBe(0);

    const id = await post(t.baseUrl, s, { type: 'message', text: 'hi' });

    const rows = await t.db.prisma.directLineActivity.findMany({ where: { conversationId: s.conversationId }, orderBy: { seq: 'asc' } });
    expect(rows.slice(0, 2).map((r) => [r.seq, r.id])).toEqual([
      [1n, before.activities[0].id],
      [2n, id],
    ]);
    expect(await t.db.prisma.directLineConversation.findUnique({ where: { id: s.conversationId } })).toMatchObject({ userId: s.userId });
    // The client that held watermark 1 gets the message and the answer, not the welcome again.
    const after = await pollUntil(t.baseUrl, s, (a) => a.some((x) => x.replyToId === id));
    expect(after.length).toBeGreaterThan(0);
    const next = await poll(t.baseUrl, s, before.watermark);
    expect(next.activities[0].id).toBe(id);
    expect(next.activities.some(welcomeTitle)).toBe(false);
    // Read from the start, the stored welcome is the one shown before, at the same position.
    const all = await pollAll(t.baseUrl, s);
    expect(shown(all[0])).toEqual(shown(before.activities[0]));
    expect(all.filter(welcomeTitle)).toHaveLength(1);
    expect(Date.parse(String(all[0].timestamp))).toBeLessThanOrEqual(Date.parse(String(all[1].timestamp)));
    // The bot's turn stored what a turn stores (state, reference, transcript).
    expect(await t.db.prisma.conversationRef.count({ where: { conversationId: s.conversationId } })).toBe(1);
    expect(await t.db.prisma.transcriptMessage.count({ where: { conversationId: s.conversationId } })).toBeGreaterThan(0);
  });

  it('creates the conversation once when first activities race, the welcome stored once', async () => {
    const s = await startSession(t.baseUrl);
    const ids = await Promise.all(['one', 'two', 'three'].map((text) => post(t.baseUrl, s, { type: 'message', text })));
    const rows = await t.db.prisma.directLineActivity.findMany({ where: { conversationId: s.conversationId }, orderBy: { seq: 'asc' } });
    expect(rows[0]).toMatchObject({ seq: 1n, id: welcomeActivityId(s.conversationId, 0) });
    expect(rows.filter((r) => r.id.endsWith('|welcome-1'))).toHaveLength(1);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => BigInt(i + 1)));
    for (const id of ids) expect(rows.filter((r) => r.id === id)).toHaveLength(1);
    const greetings = (await pollAll(t.baseUrl, s)).filter(welcomeTitle);
    expect(greetings).toHaveLength(1);
  });

  it('is refused (404) with a token no start handed out, and the secret may not invent a conversation id', async () => {
    const unstarted = await pageToken(t.baseUrl);
    const res = await call(t.baseUrl, 'POST', `/v3/directline/conversations/${unstarted.conversationId}/activities`, unstarted.token, {
      type: 'message',
      text: 'x',
    });
    expect(res.status).toBe(404);
    const invented = await call(
      t.baseUrl,
      'POST',
      '/v3/directline/conversations/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH/activities',
      SECRET,
      {
        type: 'message',
        text: 'x',
      },
    );
    expect(invented.status).toBe(404);
    expect(await t.db.prisma.directLineConversation.count({ where: { id: unstarted.conversationId } })).toBe(0);
  });

  it('lets the secret speak first in a conversation it started, as the user it names', async () => {
    const res = await call(t.baseUrl, 'POST', '/v3/directline/conversations', SECRET, {});
    const { conversationId } = (await res.json()) as { conversationId: string };
    const s: Session = { conversationId, token: SECRET, userId: 'portal-user-9' };
    const id = await post(t.baseUrl, s, { type: 'message', text: 'hi', from: { id: 'portal-user-9' } });
    const all = await pollUntil(t.baseUrl, s, (a) => a.some((x) => x.replyToId === id));
    expect(all.find((a) => a.id === id)?.from?.id).toBe('portal-user-9');
    expect(fromBot(all).filter(welcomeTitle)).toHaveLength(1);
  });
});

describe('two instances', () => {
  it('shows the welcome on one, stores the first message on the other, and the first one follows on', async () => {
    const second = await startTestApp({ DIRECTLINE_SECRET: SECRET, LOG_LEVEL: 'warn' }, {}, t.db);
    // Building the app blocks this process for seconds; let the keep-alive sockets that expired meanwhile
    // close before the next request, or fetch may reuse one as the server drops it (ECONNRESET).
    await new Promise((resolve) => setTimeout(resolve, 250));
    try {
      const page = await pageToken(t.baseUrl);
      const start = await call(t.baseUrl, 'POST', '/v3/directline/conversations', page.token, { locale: 'en-US' });
      const { token, streamUrl } = (await start.json()) as { token: string; streamUrl: string };
      const s: Session = { ...page, token };
      const onFirst = await poll(t.baseUrl, s);
      const onSecond = await poll(second.baseUrl, s);
      expect(onSecond.activities.map(shown)).toEqual(onFirst.activities.map(shown));
      expect(onSecond.watermark).toBe(onFirst.watermark);

      // A stream on the first instance, past the welcome, is woken by the second instance's write.
      const ws = new WebSocket(streamUrl.replace(/watermark=[^&]*/, `watermark=${onFirst.watermark}`));
      const streamed: DlActivity[] = [];
      ws.on('message', (data) => {
        const text = data.toString();
        if (text) streamed.push(...(JSON.parse(text) as { activities: DlActivity[] }).activities);
      });
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      const id = await post(second.baseUrl, s, { type: 'message', text: 'hi' });
      await eventually('the stream on the first instance to get the answer', async () =>
        streamed.some((a) => a.replyToId === id) ? true : undefined,
      );
      ws.close();
      expect(streamed[0].id).toBe(id);
      expect(streamed.some(welcomeTitle)).toBe(false);
      const next = await poll(t.baseUrl, s, onFirst.watermark);
      expect(next.activities[0].id).toBe(id);
    } finally {
      await second.close();
    }
  }, 60_000);
});

describe('watermarks (BIGINT positions)', () => {
  it('takes any integer up to 2^53 - 1 (2147483648 → 200 and nothing) and answers 400 beyond or for non-integers', async () => {
    const s = await startSession(t.baseUrl);
    await post(t.baseUrl, s, { type: 'message', text: 'hi' });
    const path = (w: string) => `/v3/directline/conversations/${s.conversationId}/activities?watermark=${w}`;
    for (const w of ['2147483648', '9007199254740991']) {
      const res = await call(t.baseUrl, 'GET', path(w), s.token);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ activities: [], watermark: w });
    }
    for (const w of ['9007199254740992', '99999999999999999999', '-1', '1.5', '1e3', '0x10', ' 1']) {
      const res = await call(t.baseUrl, 'GET', path(encodeURIComponent(w)), s.token);
      expect([w, res.status]).toEqual([w, 400]);
      expect(await res.json()).toMatchObject({ error: 'invalid_watermark' });
    }
  });
});

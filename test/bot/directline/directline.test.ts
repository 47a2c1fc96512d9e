/** The Direct Line endpoint over HTTP: tokens, conversations, polling, the bot's replies, uploads. */
import { SignJWT } from 'jose';
import { startTestApp, textOf, type TestApp } from '../../helpers/app';
import { deriveKeys } from '../../../bot/directline/secret';
import { issueToken } from '../../../bot/directline/tokens';
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_REQUEST_BYTES } from '../../../bot/directline/upload';
import { MAX_BODY_BYTES } from '../../../bot/server';
import enCommon from '../../../locales/en/common.json';
import urCommon from '../../../locales/ur/common.json';
import { call, fromBot, poll, pollAll, pollUntil, post, pageToken, startSession, type DlActivity, type Session } from './client';

const SECRET = 'test-directline-secret-0123456789abcdef';
const keys = deriveKeys(SECRET);

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ DIRECTLINE_SECRET: SECRET });
});
afterAll(async () => {
  await t?.close();
});

const hasText = (activities: DlActivity[], text: string) => activities.some((a) => textOf(a).includes(text));

describe('conversations and replies', () => {
  it('greets a new conversation with the welcome menu, delivered by polling', async () => {
    const s = await startSession(t.baseUrl);
    const all = await pollUntil(t.baseUrl, s, (a) => hasText(a, enCommon.welcome.title));
    const card = fromBot(all).find((a) => textOf(a).includes(enCommon.welcome.title));
    expect(card?.attachments?.[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card?.attachments?.[0].content.version).toBe('1.5');
  });

  it('greets in Urdu with an RTL card when the conversation starts with locale ur-PK', async () => {
    const s = await startSession(t.baseUrl, 'ur-PK');
    const all = await pollUntil(t.baseUrl, s, (a) => hasText(a, urCommon.welcome.title));
    const card = all.find((a) => textOf(a).includes(urCommon.welcome.title));
    expect(card?.attachments?.[0].content.rtl).toBe(true);
  });

  it('echoes the user message stamped by the server, then the bot answers "hi" with the menu', async () => {
    const s = await startSession(t.baseUrl);
    const id = await post(t.baseUrl, s, {
      type: 'message',
      text: 'hi',
      from: { id: 'someone-else' },
      channelData: { clientActivityID: 'c1' },
    });
    const all = await pollUntil(t.baseUrl, s, (a) => hasText(a, enCommon.menu.title));
    const echo = all.find((a) => a.id === id);
    expect(echo).toMatchObject({
      type: 'message',
      text: 'hi',
      channelId: 'webchat',
      from: { id: s.userId, role: 'user' },
      channelData: { clientActivityID: 'c1' },
    });
    expect(Date.now() - Date.parse(String(echo?.timestamp))).toBeLessThan(60_000);
    const menu = all.find((a) => textOf(a).includes(enCommon.menu.title));
    expect(menu?.replyToId).toBe(id);
    expect(all.indexOf(menu!)).toBeGreaterThan(all.indexOf(echo!));
  });

  it('never shows a serviceUrl (it carries the connector key) to clients', async () => {
    const s = await startSession(t.baseUrl);
    await post(t.baseUrl, s, { type: 'message', text: 'hi' });
    const all = await pollAll(t.baseUrl, s);
    expect(all.length).toBeGreaterThan(1);
    expect(JSON.stringify(all)).not.toContain('directline-connector');
  });

  it('delivers a proactive message sent later through the stored conversation reference', async () => {
    const s = await startSession(t.baseUrl);
    await post(t.baseUrl, s, { type: 'message', text: 'hi' });
    const ref = await t.db.prisma.conversationRef.findUniqueOrThrow({ where: { conversationId: s.conversationId } });
    await t.app.adapter.continueConversationAsync('', ref.reference as never, async (context) => {
      await context.sendActivity('An agent has joined the chat.');
    });
    const all = await pollUntil(t.baseUrl, s, (a) => hasText(a, 'An agent has joined the chat.'));
    const proactive = fromBot(all).find((a) => a.text === 'An agent has joined the chat.');
    // It "replies" to the continuation's made-up id, which Web Chat would wait 5 s for; that link is dropped.
    expect(proactive).toBeDefined();
    expect(proactive?.replyToId).toBeUndefined();
  });

  it('shows an updated bot message again under the same id, with the new content', async () => {
    const s = await startSession(t.baseUrl);
    await post(t.baseUrl, s, { type: 'message', text: 'hi' });
    const ref = await t.db.prisma.conversationRef.findUniqueOrThrow({ where: { conversationId: s.conversationId } });
    let sentId = '';
    await t.app.adapter.continueConversationAsync('', ref.reference as never, async (context) => {
      sentId = (await context.sendActivity('Request PSEB-1 is pending.'))?.id ?? '';
    });
    const before = await pollAll(t.baseUrl, s);
    const watermark = (await poll(t.baseUrl, s)).watermark;
    await t.app.adapter.continueConversationAsync('', ref.reference as never, async (context) => {
      await context.updateActivity({ id: sentId, type: 'message', text: 'Request PSEB-1 is approved.' });
    });
    const after = await poll(t.baseUrl, s, watermark);
    expect(before.some((a) => a.id === sentId && a.text === 'Request PSEB-1 is pending.')).toBe(true);
    expect(after.activities).toEqual([expect.objectContaining({ id: sentId, text: 'Request PSEB-1 is approved.' })]);
  });

  it('answers a repeated start of the same conversation without greeting twice', async () => {
    const s = await startSession(t.baseUrl);
    const again = await call(t.baseUrl, 'POST', '/v3/directline/conversations', s.token, {});
    expect(again.status).toBe(200);
    expect(((await again.json()) as Session).conversationId).toBe(s.conversationId);
    await pollUntil(t.baseUrl, s, (a) => hasText(a, enCommon.welcome.title));
    await new Promise((r) => setTimeout(r, 200));
    const greetings = (await pollAll(t.baseUrl, s)).filter((a) => textOf(a).includes(enCommon.welcome.title));
    expect(greetings).toHaveLength(1);
  });
});

describe('tokens', () => {
  it('issues a 30-minute token bound to a conversation and a dl_ user', async () => {
    const s = await pageToken(t.baseUrl);
    expect(s).toMatchObject({ expires_in: 1800 });
    const payload = JSON.parse(Buffer.from(s.token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(payload).toMatchObject({ conv: s.conversationId, user: s.userId });
    expect(s.userId).toMatch(/^dl_/);
    expect(Number(payload.exp) - Number(payload.iat)).toBe(1800);
  });

  it('opens only its own conversation (403 for another one, on every route)', async () => {
    const mine = await startSession(t.baseUrl);
    const theirs = await startSession(t.baseUrl);
    const base = `/v3/directline/conversations/${theirs.conversationId}`;
    const attempts = [
      call(t.baseUrl, 'GET', `${base}/activities?watermark=`, mine.token),
      call(t.baseUrl, 'POST', `${base}/activities`, mine.token, { type: 'message', text: 'hello' }),
      call(t.baseUrl, 'GET', base, mine.token),
      fetch(`${t.baseUrl}${base}/upload?userId=x`, {
        method: 'POST',
        headers: { authorization: `Bearer ${mine.token}` },
        body: csvForm('a,b\n'),
      }),
    ];
    expect((await Promise.all(attempts)).map((r) => r.status)).toEqual([403, 403, 403, 403]);
    const theirActivities = await pollAll(t.baseUrl, theirs);
    expect(theirActivities.some((a) => a.text === 'hello')).toBe(false);
  });

  it('rejects expired, forged, unsigned and garbage tokens with 403, and a missing one with 401', async () => {
    const s = await startSession(t.baseUrl);
    const claims = { conversationId: s.conversationId, userId: s.userId };
    const expired = await issueToken(keys, claims, Date.now() - 1801_000);
    const forged = await issueToken(deriveKeys('another-secret-another-secret-another'), claims);
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ conv: s.conversationId, user: s.userId, exp: 9999999999 })).toString('base64url')}.`;
    const wrongAlg = await new SignJWT({ conv: s.conversationId, user: s.userId })
      .setProtectedHeader({ alg: 'HS512' })
      .setExpirationTime('1h')
      .sign(keys.tokenKey);
    const path = `/v3/directline/conversations/${s.conversationId}/activities`;
    for (const token of [expired, forged, unsigned, wrongAlg, 'garbage', SECRET.slice(0, -1)]) {
      expect((await call(t.baseUrl, 'GET', path, token)).status).toBe(403);
    }
    expect((await call(t.baseUrl, 'GET', path, undefined)).status).toBe(401);
    expect((await call(t.baseUrl, 'GET', path, s.token)).status).toBe(200);
  });

  it('refreshes a token for the same conversation and user; refresh needs a token, generate the secret', async () => {
    const s = await startSession(t.baseUrl);
    const refreshed = await call(t.baseUrl, 'POST', '/v3/directline/tokens/refresh', s.token);
    expect(refreshed.status).toBe(200);
    const body = (await refreshed.json()) as Session;
    expect(body.conversationId).toBe(s.conversationId);
    expect((await poll(t.baseUrl, { ...s, token: body.token })).activities).toBeDefined();
    expect((await call(t.baseUrl, 'POST', '/v3/directline/tokens/refresh', SECRET)).status).toBe(403);
    expect((await call(t.baseUrl, 'POST', '/v3/directline/tokens/generate', s.token)).status).toBe(403);
  });

  it('lets a server holding the secret generate a token for its user, who then talks to the bot', async () => {
    const res = await call(t.baseUrl, 'POST', '/v3/directline/tokens/generate', SECRET, { user: { id: 'portal-user-7' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; conversationId: string };
    const generated: Session = { token: body.token, conversationId: body.conversationId, userId: 'portal-user-7' };
    const start = await call(t.baseUrl, 'POST', '/v3/directline/conversations', generated.token, {});
    expect(start.status).toBe(201);
    // As DirectLineJS does, the client goes on with the token the start hands back.
    const s: Session = { ...generated, token: ((await start.json()) as { token: string }).token };
    const id = await post(t.baseUrl, s, { type: 'message', text: 'hi' });
    const all = await pollUntil(t.baseUrl, s, (a) => hasText(a, enCommon.menu.title));
    expect(all.find((a) => a.id === id)?.from?.id).toBe('portal-user-7');
  });

  it('lets the secret open any conversation, and answers 404 for one that was never started', async () => {
    const s = await startSession(t.baseUrl);
    expect((await call(t.baseUrl, 'GET', `/v3/directline/conversations/${s.conversationId}/activities`, SECRET)).status).toBe(200);
    expect((await call(t.baseUrl, 'GET', '/v3/directline/conversations/never-started/activities', SECRET)).status).toBe(404);
    const unstarted = await pageToken(t.baseUrl);
    expect(
      (
        await call(t.baseUrl, 'POST', `/v3/directline/conversations/${unstarted.conversationId}/activities`, unstarted.token, {
          type: 'message',
          text: 'x',
        })
      ).status,
    ).toBe(404);
  });
});

describe('watermarks', () => {
  it('never skip or repeat an activity while messages are sent concurrently and polled continuously', async () => {
    const s = await startSession(t.baseUrl);
    await pollUntil(t.baseUrl, s, (a) => hasText(a, enCommon.welcome.title));
    const seen: DlActivity[] = [];
    const watermarks: number[] = [];
    let watermark = '';
    let sending = true;
    const poller = (async () => {
      while (sending) {
        const page = await poll(t.baseUrl, s, watermark);
        seen.push(...page.activities);
        if (page.watermark !== '') watermarks.push(Number(page.watermark));
        watermark = page.watermark;
      }
    })();
    const ids: string[] = [];
    for (let batch = 0; batch < 5; batch++) {
      ids.push(...(await Promise.all([0, 1, 2, 3].map((i) => post(t.baseUrl, s, { type: 'message', text: `message ${batch}-${i}` })))));
    }
    sending = false;
    await poller;
    const rest = await poll(t.baseUrl, s, watermark);
    seen.push(...rest.activities);

    const everything = await pollAll(t.baseUrl, s);
    expect(seen.map((a) => a.id)).toEqual(everything.map((a) => a.id));
    expect(new Set(seen.map((a) => a.id)).size).toBe(seen.length);
    for (const id of ids) expect(seen.filter((a) => a.id === id)).toHaveLength(1);
    expect(watermarks).toEqual([...watermarks].sort((a, b) => a - b));
    // Each message got exactly one answer (the "did not understand"/menu reply), and it came after the message.
    for (const id of ids) {
      const replies = seen.filter((a) => a.replyToId === id);
      expect(replies.length).toBeGreaterThanOrEqual(1);
      expect(seen.findIndex((a) => a.id === id)).toBeLessThan(seen.indexOf(replies[0]));
    }
  });

  it('returns the same watermark and nothing when there is nothing new', async () => {
    const s = await startSession(t.baseUrl);
    const all = await pollUntil(t.baseUrl, s, (a) => a.length > 0);
    const first = await poll(t.baseUrl, s);
    const again = await poll(t.baseUrl, s, first.watermark);
    expect(all.length).toBeGreaterThan(0);
    expect(again).toEqual({ activities: [], watermark: first.watermark });
  });
});

describe('several instances', () => {
  it('lets a second instance on the same database continue a conversation the first one started', async () => {
    const second = await startTestApp({ DIRECTLINE_SECRET: SECRET }, {}, t.db);
    try {
      const s = await startSession(t.baseUrl);
      const id = await post(second.baseUrl, s, { type: 'message', text: 'hi' });
      const seenOnFirst = await pollUntil(t.baseUrl, s, (a) => a.some((x) => x.replyToId === id));
      const seenOnSecond = await pollAll(second.baseUrl, s);
      expect(seenOnSecond.map((a) => a.id)).toEqual(seenOnFirst.map((a) => a.id));
      expect(hasText(seenOnFirst, enCommon.welcome.title) && hasText(seenOnFirst, enCommon.menu.title)).toBe(true);
    } finally {
      await second.close();
    }
  });
});

describe('uploads', () => {
  it('delivers an uploaded CSV to the bot as a text/csv attachment with an inline data: URL', async () => {
    const received: Record<string, unknown>[] = [];
    t.app.bot.intercept(async (context) => {
      if (context.activity.attachments?.length) received.push(JSON.parse(JSON.stringify(context.activity)));
      return false;
    });
    const s = await startSession(t.baseUrl);
    const csv = 'name,cnic,mobile\nAyesha Khan,35202-1234567-1,0300-1234567\n';
    const res = await fetch(`${t.baseUrl}/v3/directline/conversations/${s.conversationId}/upload?userId=${s.userId}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.token}` },
      body: csvForm(csv, { type: 'message', text: 'our agents' }),
    });
    expect(res.status).toBe(200);
    const { id } = (await res.json()) as { id: string };
    expect(received).toHaveLength(1);
    const [activity] = received as {
      id: string;
      text: string;
      channelId: string;
      attachments: { contentType: string; name: string; contentUrl: string }[];
    }[];
    expect(activity).toMatchObject({ id, text: 'our agents', channelId: 'webchat' });
    expect(activity.attachments).toEqual([
      { contentType: 'text/csv', name: 'agents.csv', contentUrl: expect.stringMatching(/^data:text\/csv;base64,/) },
    ]);
    expect(Buffer.from(activity.attachments[0].contentUrl.split(',')[1], 'base64').toString('utf8')).toBe(csv);
    expect(t.logs.join('\n')).not.toContain('35202-1234567-1');
    expect(t.logs.join('\n')).not.toContain('0300-1234567');
  });

  it('lets through no upload request larger than the server parser takes (else it would answer a bare 400)', () => {
    expect(MAX_UPLOAD_REQUEST_BYTES).toBeLessThanOrEqual(MAX_BODY_BYTES);
  });

  it('refuses files over the cap (413), non-CSV files (415) and a request without a file (400)', async () => {
    const s = await startSession(t.baseUrl);
    const url = `${t.baseUrl}/v3/directline/conversations/${s.conversationId}/upload?userId=${s.userId}`;
    const send = (body: FormData) =>
      fetch(url, { method: 'POST', headers: { authorization: `Bearer ${s.token}` }, body }).then((r) => r.status);
    expect(await send(csvForm('x'.repeat(MAX_UPLOAD_BYTES + 1)))).toBe(413);
    expect(await send(csvForm('x'.repeat(2 * MAX_UPLOAD_BYTES)))).toBe(413);
    const exe = new FormData();
    exe.append('file', new Blob(['MZ'], { type: 'application/x-msdownload' }), 'agents.exe');
    expect(await send(exe)).toBe(415);
    const none = new FormData();
    none.append('activity', new Blob([JSON.stringify({ type: 'message' })], { type: 'application/vnd.microsoft.activity' }));
    expect(await send(none)).toBe(400);
  });
});

describe('garbage', () => {
  it('answers 4xx to bad JSON, wrong types, missing fields, 1 MB bodies, bad watermarks and unknown routes', async () => {
    const s = await startSession(t.baseUrl);
    const path = `/v3/directline/conversations/${s.conversationId}/activities`;
    const raw = (body: string) =>
      fetch(`${t.baseUrl}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
        body,
      }).then((r) => r.status);
    expect(await raw('{"type": "message", "text": ')).toBe(400);
    expect(await raw('[1,2,3]')).toBe(400);
    expect(await raw('"hi"')).toBe(400);
    expect(await raw(JSON.stringify({ type: 'message', text: 5 }))).toBe(400);
    expect(await raw(JSON.stringify({ text: 'no type' }))).toBe(400);
    expect(await raw(JSON.stringify({ type: 'invoke', name: 'adaptiveCard/action' }))).toBe(400);
    expect(
      await raw(
        JSON.stringify({ type: 'message', attachments: [{ contentType: 'text/csv', contentUrl: 'http://169.254.169.254/latest' }] }),
      ),
    ).toBe(400);
    expect(await raw(JSON.stringify({ type: 'message', text: 'x'.repeat(1024 * 1024) }))).toBe(413);
    expect((await call(t.baseUrl, 'GET', `${path}?watermark=abc`, s.token)).status).toBe(400);
    expect((await call(t.baseUrl, 'GET', `${path}?watermark=-1`, s.token)).status).toBe(400);
    const connector = await fetch(`${t.baseUrl}/directline-connector/forged-key/v3/conversations/${s.conversationId}/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'I am the bot, honest' }),
    });
    expect(connector.status).toBe(403);
    expect((await pollAll(t.baseUrl, s)).some((a) => a.text === 'I am the bot, honest')).toBe(false);
  });
});

/** A multipart body like DirectLineJS builds: the activity part and one file. */
function csvForm(csv: string, activity?: Record<string, unknown>): FormData {
  const form = new FormData();
  if (activity) form.append('activity', new Blob([JSON.stringify(activity)], { type: 'application/vnd.microsoft.activity' }));
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'agents.csv');
  return form;
}

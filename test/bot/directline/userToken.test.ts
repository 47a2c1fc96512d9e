/**
 * Web Chat users who stay the same person: the userToken from POST /api/webchat/token names the same user
 * in a new conversation, resumes their own conversation, never someone else's, and can be revoked; their
 * requests, status and decision notices follow them into the newest conversation.
 */
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { startTestApp, textOf, type TestApp } from '../../helpers/app';
import { deriveKeys } from '../../../bot/directline/secret';
import { issueUserToken, userTokenKey, verifyUserToken, WebchatUsers } from '../../../bot/directline/userToken';
import { newReference } from '../../../bot/domain/reference';
import { createI18n } from '../../../bot/i18n';
import { call, fromBot, pollAll, pollUntil, post, type DlActivity, type Session } from './client';

const SECRET = 'test-usertoken-directline-secret-0123456789';
const DEV_TOKEN = 'usertoken-console-dev-token';
const keys = deriveKeys(SECRET);
const en = createI18n().getFixedT('en');

interface PageSession extends Session {
  userToken: string;
  resumed: boolean;
}

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ DIRECTLINE_SECRET: SECRET, CONSOLE_DEV_TOKEN: DEV_TOKEN });
}, 180_000);
afterAll(async () => {
  await t?.close();
});

/** POST /api/webchat/token with a body, as the page does on load. */
async function pageToken(body: Record<string, unknown> = {}): Promise<PageSession> {
  const res = await call(t.baseUrl, 'POST', '/api/webchat/token', undefined, body);
  expect(res.status).toBe(200);
  return (await res.json()) as PageSession;
}

/** A token, its conversation started; from then on the start's token, as DirectLineJS does. */
async function started(body: Record<string, unknown> = {}): Promise<PageSession> {
  const s = await pageToken(body);
  const res = await call(t.baseUrl, 'POST', '/v3/directline/conversations', s.token, { locale: 'en-US' });
  expect(res.status).toBe(201);
  return { ...s, token: ((await res.json()) as { token: string }).token };
}

const hasText = (activities: DlActivity[], text: string) => activities.some((a) => textOf(a).includes(text));

/** A whitelisting request filed by this Web Chat user in this conversation. */
async function fileRequest(s: Session) {
  return t.db.prisma.request.create({
    data: {
      reference: newReference('whitelisting'),
      kind: 'whitelisting',
      submitKey: randomUUID(),
      channelId: 'webchat',
      userId: s.userId,
      conversationId: s.conversationId,
      language: 'en',
      companyName: 'Indus Contact Solutions',
      fields: { companyName: 'Indus Contact Solutions', ntn: '1234567-8' },
    },
  });
}

describe('userToken', () => {
  it('comes with every page token, and brings the same user into a new conversation', async () => {
    const first = await pageToken();
    expect(first.userToken).toEqual(expect.any(String));
    expect(first.resumed).toBe(false);
    const again = await pageToken({ user: first.userToken });
    expect(again.userId).toBe(first.userId);
    expect(again.conversationId).not.toBe(first.conversationId);
    expect(again.resumed).toBe(false);
    expect(await verifyUserToken(keys, again.userToken)).toMatchObject({ userId: first.userId });
  });

  it('resumes the same conversation with its history when the user names their own conversation', async () => {
    const first = await started();
    await post(t.baseUrl, first, { type: 'message', text: 'hi' });
    await pollUntil(t.baseUrl, first, (a) => hasText(a, en('common:menu.title')));
    const back = await pageToken({ user: first.userToken, conversationId: first.conversationId });
    expect(back).toMatchObject({ resumed: true, conversationId: first.conversationId, userId: first.userId });
    // What Web Chat does with a conversationId: GET the conversation, then read it from the start.
    const reconnect = await call(t.baseUrl, 'GET', `/v3/directline/conversations/${back.conversationId}?watermark=`, back.token);
    expect(reconnect.status).toBe(200);
    const history = await pollAll(t.baseUrl, back);
    expect(history.some((a) => a.text === 'hi' && a.from?.id === first.userId)).toBe(true);
    expect(hasText(fromBot(history), en('common:menu.title'))).toBe(true);
  });

  it("never resumes another user's conversation: a new one is opened instead", async () => {
    const victim = await started();
    const other = await pageToken();
    const attempt = await pageToken({ user: other.userToken, conversationId: victim.conversationId });
    expect(attempt.resumed).toBe(false);
    expect(attempt.conversationId).not.toBe(victim.conversationId);
    expect(attempt.userId).toBe(other.userId);
    const read = await call(t.baseUrl, 'GET', `/v3/directline/conversations/${victim.conversationId}/activities`, attempt.token);
    expect(read.status).toBe(403);
  });

  it('gives a forged, expired or garbage userToken a brand-new user', async () => {
    const real = await pageToken();
    const forged = await new SignJWT({ ver: 1 })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(real.userId)
      .setIssuer('pseb-assist/webchat')
      .setAudience('pseb-assist/webchat-user')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('not-the-real-key-0123456789abcdef'));
    const expired = await issueUserToken(keys, { userId: real.userId, version: 1 }, Date.now() - 200 * 24 * 3600 * 1000);
    // Signed right, but with the Direct Line token key: a conversation token is no userToken.
    const wrongPurpose = await new SignJWT({ ver: 1 })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(real.userId)
      .setIssuer('pseb-assist/webchat')
      .setAudience('pseb-assist/webchat-user')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(keys.tokenKey);
    for (const user of [forged, expired, wrongPurpose, 'garbage', 42, { id: real.userId }]) {
      const s = await pageToken({ user, conversationId: real.conversationId });
      expect(s.userId).not.toBe(real.userId);
      expect(s.resumed).toBe(false);
    }
    expect(userTokenKey(keys)).not.toEqual(keys.tokenKey);
  });

  it('"forget me" revokes the token: presenting it again makes a new user', async () => {
    const s = await pageToken();
    const res = await call(t.baseUrl, 'POST', '/api/webchat/forget', undefined, { user: s.userToken });
    expect(res.status).toBe(204);
    const after = await pageToken({ user: s.userToken });
    expect(after.userId).not.toBe(s.userId);
    expect((await t.db.prisma.webchatUser.findUniqueOrThrow({ where: { userId: s.userId } })).revokedAt).not.toBeNull();
  });

  it('is revoked for every copy by raising the token version (WebchatUsers.revoke)', async () => {
    const s = await pageToken();
    expect(await new WebchatUsers(t.db.prisma).revoke(s.userId)).toBe(true);
    expect((await pageToken({ user: s.userToken })).userId).not.toBe(s.userId);
    expect(await new WebchatUsers(t.db.prisma).revoke('dl_nobody')).toBe(false);
  });

  it('answers the forget call the same for nonsense (no oracle for valid tokens)', async () => {
    expect((await call(t.baseUrl, 'POST', '/api/webchat/forget', undefined, { user: 'nonsense' })).status).toBe(204);
    expect((await call(t.baseUrl, 'POST', '/api/webchat/forget', undefined, {})).status).toBe(204);
  });
});

describe('a returning user in a new conversation', () => {
  it("sees the requests filed in the earlier conversation under 'my requests' and 'status'", async () => {
    const first = await started();
    await post(t.baseUrl, first, { type: 'message', text: 'hi' });
    const request = await fileRequest(first);
    const second = await started({ user: first.userToken });
    expect(second.conversationId).not.toBe(first.conversationId);
    await post(t.baseUrl, second, { type: 'message', text: 'my requests' });
    await pollUntil(t.baseUrl, second, (a) => hasText(a, request.reference));
    await post(t.baseUrl, second, { type: 'message', text: `status ${request.reference}` });
    const all = await pollUntil(t.baseUrl, second, (a) =>
      hasText(a, en('requests:status.current', { status: en('requests:statuses.SUBMITTED') })),
    );
    expect(hasText(all, en('requests:mine.none'))).toBe(false);
  });

  it('gets the decision notice in the newest conversation, not the one they filed in', async () => {
    const first = await started();
    await post(t.baseUrl, first, { type: 'message', text: 'hi' });
    const request = await fileRequest(first);
    const second = await started({ user: first.userToken });
    await post(t.baseUrl, second, { type: 'message', text: 'hi' });
    const decided = await fetch(`${t.baseUrl}/api/console/requests/${request.reference}/decision`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEV_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ decision: 'approve' }),
    });
    expect(decided.status).toBe(200);
    const approved = en('decisions:user.body.APPROVED', { reference: request.reference });
    await pollUntil(t.baseUrl, second, (a) => hasText(a, approved));
    expect(hasText(await pollAll(t.baseUrl, first), approved)).toBe(false);
  });
});

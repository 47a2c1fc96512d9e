/** Direct Line streaming: streamUrls, who may open a socket, frames, and reconnecting with a watermark. */
import { SignJWT } from 'jose';
import { WebSocket } from 'ws';
import { startTestApp, textOf, type TestApp } from '../../helpers/app';
import { deriveKeys } from '../../../bot/directline/secret';
import { issueToken } from '../../../bot/directline/tokens';
import { parseStreamRequest } from '../../../bot/directline/stream';
import enCommon from '../../../locales/en/common.json';
import { call, pollAll, post, startSession, type DlActivity, type Session } from './client';

const SECRET = 'test-directline-secret-stream-0123456789';
const keys = deriveKeys(SECRET);

let t: TestApp;
let other: TestApp;
beforeAll(async () => {
  t = await startTestApp({ DIRECTLINE_SECRET: SECRET });
  // A second instance on the same database: what one stores, a socket on the other must see.
  other = await startTestApp({ DIRECTLINE_SECRET: SECRET }, {}, t.db);
});
afterAll(async () => {
  await other?.close();
  await t?.close();
});

interface Frame {
  activities: DlActivity[];
  watermark: string;
}

/** A socket that records its frames; `until` waits for the activities so far to satisfy a predicate. */
class StreamClient {
  readonly frames: Frame[] = [];
  private readonly waiters: Array<() => void> = [];
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const text = data.toString();
      if (text) this.frames.push(JSON.parse(text) as Frame);
      this.waiters.splice(0).forEach((wake) => wake());
    });
  }

  /** Opens a stream URL; rejects with the HTTP status when the upgrade is refused. */
  static open(url: string): Promise<StreamClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      const client = new StreamClient(ws);
      ws.once('open', () => resolve(client));
      ws.once('unexpected-response', (_req, res) => {
        reject(new RefusedError(res.statusCode ?? 0));
        ws.terminate();
      });
      ws.once('error', (err) => reject(err));
    });
  }

  get activities(): DlActivity[] {
    return this.frames.flatMap((f) => f.activities);
  }

  get watermark(): string {
    return this.frames.at(-1)?.watermark ?? '';
  }

  async until(done: (all: DlActivity[]) => boolean, timeoutMs = 10_000): Promise<DlActivity[]> {
    const deadline = Date.now() + timeoutMs;
    while (!done(this.activities)) {
      if (Date.now() > deadline) throw new Error(`stream timed out with ${this.activities.length} activities`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
    return this.activities;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.ws.readyState === WebSocket.CLOSED) return resolve();
      this.ws.once('close', () => resolve());
      this.ws.close();
    });
  }
}

class RefusedError extends Error {
  constructor(readonly status: number) {
    super(`upgrade refused: ${status}`);
  }
}

const hasText = (activities: DlActivity[], text: string) => activities.some((a) => textOf(a).includes(text));

const streamUrl = (baseUrl: string, conversationId: string, token: string, watermark = '') =>
  `${baseUrl.replace(/^http/, 'ws')}/v3/directline/conversations/${conversationId}/stream?t=${encodeURIComponent(token)}&watermark=${watermark}`;

/** Starts a conversation and returns the session and the streamUrl the server handed out. */
async function startStreaming(baseUrl: string): Promise<{ s: Session; streamUrl: string }> {
  const session = (await (await call(baseUrl, 'POST', '/api/webchat/token', undefined)).json()) as Session;
  const res = await call(baseUrl, 'POST', '/v3/directline/conversations', session.token, { locale: 'en-US' });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { streamUrl: string; token: string };
  return { s: { ...session, token: body.token }, streamUrl: body.streamUrl };
}

async function refusal(url: string): Promise<number> {
  try {
    const client = await StreamClient.open(url);
    await client.close();
    return 101;
  } catch (err) {
    if (err instanceof RefusedError) return err.status;
    throw err;
  }
}

const ids = (activities: DlActivity[]) => activities.map((a) => a.id);

describe('streamUrl', () => {
  it('is handed out on start for this conversation, on the host the client used, with a token', async () => {
    const { s, streamUrl: url } = await startStreaming(t.baseUrl);
    const parsed = new URL(url);
    expect(parsed.protocol).toBe('ws:');
    expect(parsed.host).toBe(new URL(t.baseUrl).host);
    expect(parsed.pathname).toBe(`/v3/directline/conversations/${s.conversationId}/stream`);
    expect(parsed.searchParams.get('t')).toBeTruthy();
  });

  it('is handed out on reconnect carrying the watermark the client already has', async () => {
    const s = await startSession(t.baseUrl);
    const res = await call(t.baseUrl, 'GET', `/v3/directline/conversations/${s.conversationId}?watermark=7`, s.token);
    expect(res.status).toBe(200);
    const url = new URL(((await res.json()) as { streamUrl: string }).streamUrl);
    expect(url.searchParams.get('watermark')).toBe('7');
  });

  it('is wss behind a TLS-terminating proxy', async () => {
    const s = await startSession(t.baseUrl);
    const res = await fetch(`${t.baseUrl}/v3/directline/conversations/${s.conversationId}`, {
      headers: { authorization: `Bearer ${s.token}`, 'x-forwarded-proto': 'https' },
    });
    expect(new URL(((await res.json()) as { streamUrl: string }).streamUrl).protocol).toBe('wss:');
  });

  it('rejects a reconnect with a malformed watermark', async () => {
    const s = await startSession(t.baseUrl);
    const res = await call(t.baseUrl, 'GET', `/v3/directline/conversations/${s.conversationId}?watermark=abc`, s.token);
    expect(res.status).toBe(400);
  });
});

describe('parseStreamRequest', () => {
  it.each([
    ['/v3/directline/conversations/abc/stream?t=x&watermark=3', { conversationId: 'abc', token: 'x', watermark: 3 }],
    ['/v3/directline/conversations/abc/stream?t=x&watermark=', { conversationId: 'abc', token: 'x', watermark: undefined }],
    ['/v3/directline/conversations/abc/stream', { conversationId: 'abc', token: undefined, watermark: undefined }],
  ])('reads %s', (url, expected) => {
    expect(parseStreamRequest(url)).toEqual(expected);
  });

  it.each(['/v3/directline/conversations/abc/activities', '/v3/directline/conversations/a%2Fb/stream', '/'])('ignores %s', (url) => {
    expect(parseStreamRequest(url)).toBeUndefined();
  });

  it('flags a malformed watermark', () => {
    expect(parseStreamRequest('/v3/directline/conversations/abc/stream?watermark=-1')).toBe('bad');
  });
});

describe('streaming activities', () => {
  it('pushes the welcome and the bot reply to a message over the socket', async () => {
    const { s, streamUrl: url } = await startStreaming(t.baseUrl);
    const client = await StreamClient.open(url);
    try {
      await client.until((a) => hasText(a, enCommon.welcome.title));
      const id = await post(t.baseUrl, s, { type: 'message', text: 'hi' });
      const all = await client.until((a) => hasText(a, enCommon.menu.title));
      expect(all.find((a) => a.id === id)).toMatchObject({ text: 'hi', from: { id: s.userId, role: 'user' } });
      expect(all.find((a) => textOf(a).includes(enCommon.menu.title))?.replyToId).toBe(id);
      expect(client.frames.every((f) => /^\d+$/.test(f.watermark))).toBe(true);
      // The socket delivers exactly what polling would, in the same order.
      expect(ids(all)).toEqual(ids(await pollAll(t.baseUrl, s)));
    } finally {
      await client.close();
    }
  });

  it('pushes what another instance stored (activities are followed in the database)', async () => {
    const { s, streamUrl: url } = await startStreaming(t.baseUrl);
    const onOther = url.replace(new URL(t.baseUrl).host, new URL(other.baseUrl).host);
    const client = await StreamClient.open(onOther);
    try {
      await client.until((a) => hasText(a, enCommon.welcome.title));
      await post(t.baseUrl, s, { type: 'message', text: 'hi' });
      await client.until((a) => hasText(a, enCommon.menu.title));
    } finally {
      await client.close();
    }
  });
});

describe('who may open a socket', () => {
  it('opens with the conversation own token (control for the refusals below)', async () => {
    const s = await startSession(t.baseUrl);
    expect(await refusal(streamUrl(t.baseUrl, s.conversationId, s.token))).toBe(101);
  });

  it('refuses a forged token (signed with another key)', async () => {
    const s = await startSession(t.baseUrl);
    const forged = await issueToken(deriveKeys('some-other-secret-0123456789abcdef'), {
      conversationId: s.conversationId,
      userId: s.userId,
    });
    expect(await refusal(streamUrl(t.baseUrl, s.conversationId, forged))).toBe(403);
  });

  it('refuses an unsigned token claiming the conversation', async () => {
    const s = await startSession(t.baseUrl);
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ conv: s.conversationId, user: s.userId, exp: Math.floor(Date.now() / 1000) + 600 })).toString(
      'base64url',
    );
    expect(await refusal(streamUrl(t.baseUrl, s.conversationId, `${header}.${body}.`))).toBe(403);
  });

  it('refuses an expired token', async () => {
    const s = await startSession(t.baseUrl);
    const expired = await issueToken(keys, { conversationId: s.conversationId, userId: s.userId }, Date.now() - 3_600_000, 60);
    expect(await refusal(streamUrl(t.baseUrl, s.conversationId, expired))).toBe(403);
  });

  it('refuses a valid token for another conversation', async () => {
    const mine = await startSession(t.baseUrl);
    const theirs = await startSession(t.baseUrl);
    expect(await refusal(streamUrl(t.baseUrl, theirs.conversationId, mine.token))).toBe(403);
  });

  it('refuses a token with the right claims but the wrong issuer', async () => {
    const s = await startSession(t.baseUrl);
    const token = await new SignJWT({ conv: s.conversationId, user: s.userId })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('someone-else')
      .setAudience('pseb-assist/directline')
      .setExpirationTime('10m')
      .sign(keys.tokenKey);
    expect(await refusal(streamUrl(t.baseUrl, s.conversationId, token))).toBe(403);
  });

  it('refuses a socket without any token', async () => {
    const s = await startSession(t.baseUrl);
    const url = `${t.baseUrl.replace(/^http/, 'ws')}/v3/directline/conversations/${s.conversationId}/stream`;
    expect(await refusal(url)).toBe(403);
  });
});

describe('reconnecting with a watermark', () => {
  it('neither skips nor repeats activities stored while the client was away', async () => {
    const { s, streamUrl: url } = await startStreaming(t.baseUrl);
    const first = await StreamClient.open(url);
    await first.until((a) => hasText(a, enCommon.welcome.title));
    const seen = first.activities;
    const watermark = first.watermark;
    await first.close();

    // While away: the user says hi, so the echo and the menu are stored after the watermark.
    await post(t.baseUrl, s, { type: 'message', text: 'hi' });

    const res = await call(t.baseUrl, 'GET', `/v3/directline/conversations/${s.conversationId}?watermark=${watermark}`, s.token);
    const resumed = (await res.json()) as { streamUrl: string };
    const second = await StreamClient.open(resumed.streamUrl);
    try {
      const later = await second.until((a) => hasText(a, enCommon.menu.title));
      // Let any stray repeat arrive before judging.
      await new Promise((r) => setTimeout(r, 600));
      const everything = ids(await pollAll(t.baseUrl, s));
      expect([...ids(seen), ...ids(second.activities)]).toEqual(everything);
      expect(new Set(ids(later)).size).toBe(later.length);
      expect(ids(second.activities).some((id) => ids(seen).includes(id))).toBe(false);
    } finally {
      await second.close();
    }
  });
});

describe('shutting down', () => {
  /** What a promise came to within a generous bound: a hang reads as a verdict, not as jest's timeout. */
  const within = <T>(promise: Promise<T>, what: string) =>
    Promise.race([
      promise.then(() => 'done'),
      new Promise<string>((resolve) => setTimeout(() => resolve(`${what} still pending after 20 s`), 20_000).unref()),
    ]);

  // Not a speed test: without the server ending open sockets itself, close() waits for the client for
  // ever, or 30 s (ws's closing-handshake timeout) when it only starts a handshake; 20 s tells both apart.
  // A wall-clock bound here (3 s) failed CI on a busy machine, at 5.4 s including a database hand-back.
  it('closes the app without waiting for a client whose stream is open, and the client sees the socket close', async () => {
    const own = await startTestApp({ DIRECTLINE_SECRET: SECRET }, {}, t.db);
    const { streamUrl: url } = await startStreaming(own.baseUrl);
    const client = await StreamClient.open(url);
    const closed = new Promise<void>((resolve) => client.ws.once('close', () => resolve()));
    // The client never answers a closing handshake while the app closes: it reads nothing.
    client.ws.pause();
    expect(await within(own.close(), 'the app closing')).toBe('done');
    client.ws.resume();
    expect(await within(closed, "the client's socket closing")).toBe('done');
  });
});

/**
 * The findings of the outside attack review (issue 12), each reproduced as the attacker did it: bombs,
 * unanswered upgrades, multipart everywhere, floods of tokens and streams, deep JSON, out-of-range
 * watermarks, NUL bytes, HEAD probes and echoing 404s. Runs on PGlite and on PostgreSQL.
 */
import { connect } from 'node:net';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync, deflateSync, createGzip } from 'node:zlib';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Duplex } from 'node:stream';
import { WebSocket } from 'ws';
import { startTestApp, TestUser, type TestApp } from '../../helpers/app';
import { call, pageToken, startSession } from '../directline/client';
import { deriveKeys } from '../../../bot/directline/secret';
import { issueToken } from '../../../bot/directline/tokens';
import { MAX_STREAMS_PER_CONVERSATION } from '../../../bot/directline/stream';
import { guardUpgrades } from '../../../bot/http/upgrade';
import { jsonDepth, MAX_BODY_BYTES, MAX_JSON_DEPTH } from '../../../bot/http/body';
import { loadConfig, ConfigError } from '../../../bot/config';

const secret = 'a-test-direct-line-secret-of-at-least-32-chars';

/** A gzip body that inflates to `megabytes` MB of a JSON activity (`{"type":"message","x":[0,0,…]}`), built streaming. */
async function gzipBomb(megabytes: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const out: Buffer[] = [];
  gzip.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => gzip.on('end', resolve));
  gzip.write('{"type":"message","channelId":"test","conversation":{"id":"bomb"},"x":[0');
  const chunk = Buffer.from(',0'.repeat(512 * 1024));
  for (let i = 0; i < megabytes; i++) gzip.write(chunk);
  gzip.end(']}');
  await done;
  return Buffer.concat(out);
}

/** Sends a raw upgrade request and collects what comes back until the server closes the socket. */
function rawUpgrade(baseUrl: string, path: string): Promise<{ response: string; closed: boolean }> {
  const { port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let response = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ response, closed: false });
    }, 5_000);
    socket.on('data', (d) => (response += d.toString()));
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ response, closed: true });
    });
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
    );
  });
}

function streamUrl(baseUrl: string, conversationId: string, token: string): string {
  return `${baseUrl.replace('http', 'ws')}/v3/directline/conversations/${conversationId}/stream?t=${encodeURIComponent(token)}`;
}

/** Opens a stream; resolves with the socket once open, or the HTTP status it was refused with. */
function openStream(url: string): Promise<WebSocket | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('error', () => resolve(0));
  });
}

describe('local mode app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'warn', DIRECTLINE_SECRET: secret, RATE_LIMIT_PER_MINUTE: '1000' });
  });
  afterAll(() => t.close());

  describe('finding 1: compressed bodies', () => {
    it('answers 413 to a 150 MB gzip bomb on /api/messages and /api/webchat/token, and keeps serving', async () => {
      const bomb = await gzipBomb(150);
      expect(bomb.length).toBeLessThan(MAX_BODY_BYTES);
      for (const path of ['/api/messages', '/api/webchat/token']) {
        const res = await fetch(`${t.baseUrl}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
          body: new Blob([new Uint8Array(bomb)]),
        });
        expect(res.status).toBe(413);
        expect(await res.json()).toEqual({ error: 'too_large' });
      }
      expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
    }, 60_000);

    it('inflates a small gzip or deflate activity and answers it', async () => {
      for (const [encoding, pack] of [
        ['gzip', gzipSync],
        ['deflate', deflateSync],
      ] as const) {
        const u = new TestUser(t.baseUrl);
        const body = pack(
          Buffer.from(
            JSON.stringify({
              type: 'message',
              text: 'menu',
              channelId: 'test',
              id: `${encoding}-1`,
              conversation: { id: u.conversationId },
              from: { id: u.userId },
              serviceUrl: 'http://127.0.0.1:9/',
              deliveryMode: 'expectReplies',
            }),
          ),
        );
        const res = await fetch(`${t.baseUrl}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-encoding': encoding },
          body: new Blob([new Uint8Array(body)]),
        });
        expect(res.status).toBe(200);
        expect(((await res.json()) as { activities: unknown[] }).activities.length).toBeGreaterThan(0);
      }
    });

    it('refuses encodings it does not undo with 415, and broken gzip with 400', async () => {
      const post = (encoding: string, bytes: Uint8Array) =>
        fetch(`${t.baseUrl}/api/webchat/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-encoding': encoding },
          body: new Blob([new Uint8Array(bytes)]),
        });
      for (const encoding of ['br', 'gzip, gzip', 'compress', 'zstd']) expect((await post(encoding, gzipSync('{}'))).status).toBe(415);
      expect((await post('gzip', Buffer.from('not gzip at all'))).status).toBe(400);
    });

    it('answers 413 to an uncompressed body over the limit', async () => {
      const res = await fetch(`${t.baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text: 'x'.repeat(MAX_BODY_BYTES) }),
      });
      expect(res.status).toBe(413);
    });
  });

  describe('finding 2: WebSocket upgrades', () => {
    it('answers an upgrade to an unknown path with 404 and closes the socket at once, every time', async () => {
      for (let i = 0; i < 50; i++) {
        const { response, closed } = await rawUpgrade(t.baseUrl, `/anything-${i}`);
        expect(response).toMatch(/^HTTP\/1\.1 404 /);
        expect(closed).toBe(true);
      }
      expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
    });

    it('answers a stream upgrade without a valid token with 403 and closes it', async () => {
      const session = await startSession(t.baseUrl);
      const { response, closed } = await rawUpgrade(t.baseUrl, `/v3/directline/conversations/${session.conversationId}/stream?t=forged`);
      expect(response).toMatch(/^HTTP\/1\.1 403 /);
      expect(closed).toBe(true);
    });

    it(`opens at most ${MAX_STREAMS_PER_CONVERSATION} streams per conversation; the next gets 429`, async () => {
      const session = await startSession(t.baseUrl);
      const url = streamUrl(t.baseUrl, session.conversationId, session.token);
      const open: WebSocket[] = [];
      for (let i = 0; i < MAX_STREAMS_PER_CONVERSATION; i++) {
        const ws = await openStream(url);
        expect(ws).toBeInstanceOf(WebSocket);
        open.push(ws as WebSocket);
      }
      expect(await openStream(url)).toBe(429);
      // Closing one frees a place.
      await new Promise((resolve) => {
        open[0].once('close', resolve);
        open[0].close();
      });
      await expect(
        poll(async () => {
          const again = await openStream(url);
          if (again instanceof WebSocket) open.push(again);
          return again instanceof WebSocket;
        }),
      ).resolves.toBe(true);
      for (const ws of open.slice(1)) ws.terminate();
    });

    it('closes a stream when its token expires', async () => {
      const session = await startSession(t.baseUrl);
      const shortLived = await issueToken(
        deriveKeys(secret),
        { conversationId: session.conversationId, userId: session.userId },
        Date.now(),
        2,
      );
      const ws = await openStream(streamUrl(t.baseUrl, session.conversationId, shortLived));
      expect(ws).toBeInstanceOf(WebSocket);
      const code = await new Promise<number>((resolve) => (ws as WebSocket).once('close', (c) => resolve(c)));
      expect(code).toBe(4001);
    });
  });

  describe('finding 3: multipart', () => {
    it('refuses multipart with 415 everywhere but the upload route, and writes no temp files', async () => {
      const before = new Set(readdirSync(tmpdir()));
      for (const path of ['/api/webchat/token', '/api/messages', '/api/console/staff']) {
        const form = new FormData();
        form.append('f', new Blob([Buffer.alloc(400 * 1024, 1)]), 'big.bin');
        const res = await fetch(`${t.baseUrl}${path}`, { method: 'POST', body: form });
        expect(res.status).toBe(415);
        expect(await res.json()).toEqual({ error: 'multipart_not_accepted' });
      }
      const added = readdirSync(tmpdir()).filter((name) => !before.has(name) && /^upload_/.test(name));
      expect(added).toEqual([]);
    });

    it('takes a multipart CSV on the upload route, in memory', async () => {
      const session = await startSession(t.baseUrl);
      const form = new FormData();
      form.append('file', new Blob(['name,cnic\nAli,12345-1234567-1\n'], { type: 'text/csv' }), 'agents.csv');
      const res = await fetch(`${t.baseUrl}/v3/directline/conversations/${session.conversationId}/upload`, {
        method: 'POST',
        headers: { authorization: `Bearer ${session.token}` },
        body: form,
      });
      expect(res.status).toBe(200);
    });
  });

  describe('finding 6: deep JSON', () => {
    const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
    it('answers 400 to JSON nested 3,000 levels on every JSON route', async () => {
      const session = await pageToken(t.baseUrl);
      for (const [path, bearer] of [
        ['/api/messages', undefined],
        ['/api/webchat/token', undefined],
        ['/v3/directline/conversations', session.token],
      ] as const) {
        const res = await fetch(`${t.baseUrl}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
          body: `{"type":"message","x":${deep(3000)}}`,
        });
        expect(res.status).toBe(400);
        expect(await res.json()).toEqual({ error: 'too_deep' });
      }
    });

    it('counts depth without recursion and ignores brackets inside strings', () => {
      expect(jsonDepth(deep(100_000))).toBe(100_000);
      expect(jsonDepth('{"a":"[[[[[[\\"[[["}')).toBe(1);
      expect(jsonDepth(deep(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBe(MAX_JSON_DEPTH);
    });
  });

  describe('finding 9: smaller ones', () => {
    it('answers 400 to a watermark beyond 2^53 - 1 (seq is a BIGINT), and 200 up to it, past 2^31 too', async () => {
      const session = await startSession(t.baseUrl);
      const path = (w: string) => `/v3/directline/conversations/${session.conversationId}/activities?watermark=${w}`;
      expect((await call(t.baseUrl, 'GET', path('9007199254740992'), session.token)).status).toBe(400);
      expect((await call(t.baseUrl, 'GET', path('99999999999999999999'), session.token)).status).toBe(400);
      expect((await call(t.baseUrl, 'GET', path('2147483647'), session.token)).status).toBe(200);
      expect((await call(t.baseUrl, 'GET', path('2147483648'), session.token)).status).toBe(200);
      expect((await call(t.baseUrl, 'GET', path('9007199254740991'), session.token)).status).toBe(200);
      const upgrade = await rawUpgrade(
        t.baseUrl,
        `/v3/directline/conversations/${session.conversationId}/stream?t=${session.token}&watermark=9007199254740992`,
      );
      expect(upgrade.response).toMatch(/^HTTP\/1\.1 400 /);
    });

    it('answers 400 to a NUL byte or broken percent-encoding in a path or query', async () => {
      for (const path of [
        '/api/console/conversations/a%00b/transcript',
        '/api/console/requests?status=%00',
        '/v3/directline/conversations/%00/activities',
        '/api/console/requests/%E0%A4%A',
      ]) {
        const res = await fetch(`${t.baseUrl}${path}`, { headers: { authorization: 'Bearer x' } });
        expect(res.status).toBe(400);
        expect(await res.json()).toEqual({ error: 'invalid_url' });
      }
    });

    it('answers HEAD /healthz with 200', async () => {
      const res = await fetch(`${t.baseUrl}/healthz`, { method: 'HEAD' });
      expect(res.status).toBe(200);
    });

    it('answers an unknown path with a fixed JSON 404 that does not echo it', async () => {
      const res = await fetch(`${t.baseUrl}/no/such/%3Cscript%3Ealert(1)%3C%2Fscript%3E`);
      expect(res.status).toBe(404);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ error: 'not_found' });
      expect(text).not.toMatch(/script|no\/such/);
      const wrongMethod = await fetch(`${t.baseUrl}/healthz`, { method: 'DELETE' });
      expect(wrongMethod.status).toBe(405);
      expect(await wrongMethod.json()).toEqual({ error: 'method_not_allowed' });
    });
  });
});

describe('finding 5: per-address limits on tokens and conversation starts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'warn', DIRECTLINE_STARTS_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());

  it('answers 429 with Retry-After once an address has taken its tokens and conversations for the minute', async () => {
    const session = await pageToken(t.baseUrl);
    expect((await call(t.baseUrl, 'POST', '/v3/directline/conversations', session.token, {})).status).toBe(201);
    expect((await fetch(`${t.baseUrl}/api/webchat/token`, { method: 'POST' })).status).toBe(200);
    const refused = await fetch(`${t.baseUrl}/api/webchat/token`, { method: 'POST' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await call(t.baseUrl, 'POST', '/v3/directline/conversations', session.token, {})).status).toBe(429);
    // Other routes are not limited.
    expect((await call(t.baseUrl, 'GET', `/v3/directline/conversations/${session.conversationId}/activities`, session.token)).status).toBe(
      200,
    );
  });
});

describe('finding 2: open upgrade sockets per address', () => {
  let server: HttpServer;
  let baseUrl: string;
  const held: Duplex[] = [];
  beforeAll(async () => {
    server = createServer();
    // A feature that takes every upgrade and keeps the socket open.
    server.on('upgrade', (_req, socket: Duplex) => void held.push(socket));
    guardUpgrades(server, { serves: (url) => url.startsWith('/served'), maxPerIp: 3 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const socket of held) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('holds at most the cap of upgrade sockets per address and answers the next with 429', async () => {
    const { port } = new URL(baseUrl);
    const clients = Array.from({ length: 3 }, () => connect(Number(port), '127.0.0.1'));
    for (const s of clients) s.write('GET /served HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n');
    expect(
      await poll(async () => {
        const { response, closed } = await rawUpgrade(baseUrl, '/served');
        return response.startsWith('HTTP/1.1 429 ') && closed;
      }),
    ).toBe(true);
    const { response, closed } = await rawUpgrade(baseUrl, '/unknown');
    expect(response).toMatch(/^HTTP\/1\.1 404 /);
    expect(closed).toBe(true);
    for (const s of clients) s.destroy();
  });
});

describe('finding 4: local mode binding', () => {
  it('listens on 127.0.0.1 in local mode unless HOST is set, and on every interface when authenticated', () => {
    expect(loadConfig({}).listenHost).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).listenHost).toBe('0.0.0.0');
    expect(loadConfig({ MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw' }).listenHost).toBeUndefined();
  });

  it('refuses to start in production without MicrosoftAppId, naming the key', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/MicrosoftAppId/);
    expect(loadConfig({ NODE_ENV: 'production', MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw' }).localMode).toBe(false);
  });
});

/** Polls until the check passes (up to ~5 s); returns whether it did. */
async function poll(check: () => Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 50; i++) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

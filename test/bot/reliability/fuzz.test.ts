/**
 * Bad input: fast-check properties of the reliability building blocks, then well over a thousand
 * malformed requests against every HTTP route the app has mounted. Nothing may answer 5xx, nothing may
 * be logged as a failed request, and the app must still serve a normal turn afterwards.
 */
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { MemoryStorage } from 'botbuilder';
import { startTestApp, TestUser, textOfAll, type TestApp } from '../../helpers/app';
import { startConnector, type ConnectorRecorder } from '../../helpers/connector';
import { activityKey } from '../../../bot/reliability/dedupe';
import { takeToken, RateLimiter, type BucketState } from '../../../bot/reliability/rateLimit';
import { runWithConflictRetry, TurnConflictError } from '../../../bot/reliability/turnRetry';
import { OptimisticStorage } from '../../../bot/reliability/optimisticStorage';
import { storableText, storableJson } from '../../../bot/reliability/sanitize';
import { Verbs } from '../../../cards/verbs';
import { gzipSync, deflateSync } from 'node:zlib';
import { connect } from 'node:net';
import { createI18n } from '../../../bot/i18n';

const en = createI18n().getFixedT('en');

describe('properties', () => {
  it('never lets a user through more than the limit plus what refilled in the meantime', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.array(fc.integer({ min: 0, max: 5_000 }), { maxLength: 300 }), (perMinute, gaps) => {
        let state: BucketState | undefined;
        let now = 0;
        let allowed = 0;
        for (const gap of gaps) {
          now += gap;
          const result = takeToken(state, now, perMinute);
          state = result.state;
          if (result.verdict === 'allow') allowed++;
          expect(state.tokens).toBeGreaterThanOrEqual(0);
          expect(state.tokens).toBeLessThanOrEqual(perMinute);
        }
        expect(allowed).toBeLessThanOrEqual(perMinute + Math.floor((now * perMinute) / 60_000) + 1);
      }),
    );
  });

  it('warns exactly once per exhaustion and drops the rest', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 50 }), (perMinute, extra) => {
        const limiter = new RateLimiter(perMinute, () => 1_000);
        const verdicts = Array.from({ length: perMinute + extra }, () => limiter.check('u'));
        expect(verdicts.filter((v) => v === 'allow')).toHaveLength(perMinute);
        expect(verdicts.filter((v) => v === 'warn')).toHaveLength(1);
        expect(verdicts[perMinute]).toBe('warn');
      }),
    );
  });

  it('gives different deliveries different dedupe keys, whatever the ids contain', () => {
    const part = fc.string({ minLength: 1, maxLength: 20, unit: 'grapheme' });
    fc.assert(
      fc.property(fc.tuple(part, part, part), fc.tuple(part, part, part), ([c1, v1, i1], [c2, v2, i2]) => {
        const a = activityKey({ channelId: c1, conversation: { id: v1 } as never, id: i1 });
        const b = activityKey({ channelId: c2, conversation: { id: v2 } as never, id: i2 });
        expect(a).toHaveLength(43);
        expect(a === b).toBe(c1 === c2 && v1 === v2 && i1 === i2);
      }),
    );
  });

  it('has no dedupe key for an activity without an id, so it is never dropped as a duplicate', () => {
    expect(activityKey({ channelId: 'msteams', conversation: { id: 'c' } as never })).toBeUndefined();
  });

  it('re-runs a turn only on conflicts and at most three times', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('conflict', 'other', 'ok'), { minLength: 1, maxLength: 6 }), async (outcomes) => {
        let runs = 0;
        const conflict = new Error('conflict');
        const attempt = () => {
          const outcome = outcomes[Math.min(runs++, outcomes.length - 1)];
          return outcome === 'ok' ? Promise.resolve('done') : Promise.reject(outcome === 'conflict' ? conflict : new Error('other'));
        };
        const result = await runWithConflictRetry(attempt, { isConflict: (e) => e === conflict, delayMs: () => 0 }).catch(
          (e: unknown) => e,
        );
        const firstNonConflict = outcomes.findIndex((o, i) => o !== 'conflict' || i === outcomes.length - 1);
        expect(runs).toBeLessThanOrEqual(3);
        if (firstNonConflict >= 3 || (firstNonConflict === -1 && outcomes.length >= 3)) expect(result).toBeInstanceOf(TurnConflictError);
        else if (outcomes[Math.min(firstNonConflict, outcomes.length - 1)] === 'ok') expect(result).toBe('done');
      }),
    );
  });

  it('makes any text storable: no NUL, no lone surrogate, well-formed text untouched', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const clean = storableText(text);
        expect(clean).not.toContain('\u0000');
        expect(Buffer.from(clean, 'utf8').toString('utf8')).toBe(clean);
        if (!text.includes('\u0000') && Buffer.from(text, 'utf8').toString('utf8') === text) expect(clean).toBe(text);
      }),
    );
    expect(storableJson({ 'k\u0000': ['a\uD800', 1, null, { x: '\u0000' }] })).toEqual({ k: ['a\uFFFD', 1, null, { x: '' }] });
  });

  it('refuses the second of two read-modify-writes that read the same version, instead of overwriting', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.string(), fc.string(), async (exists, first, second) => {
        const storage = new OptimisticStorage(new MemoryStorage());
        if (exists) await storage.write({ k: { value: 'seed', eTag: '*' } });
        const a = (await storage.read(['k'])).k;
        const b = (await storage.read(['k'])).k;
        await storage.write({ k: Object.assign(a, { value: first, eTag: '*' }) });
        await expect(storage.write({ k: Object.assign(b, { value: second, eTag: '*' }) })).rejects.toThrow();
        expect((await storage.read(['k'])).k.value).toBe(first);
      }),
    );
  });
});

/** One malformed (or hostile) request. */
interface FuzzCase {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Filled with a mounted route when undefined. */
  path?: string;
  contentType: string;
  body: string | Uint8Array | undefined;
  /** Content-Encoding header, when the body is sent compressed (or claims to be). */
  encoding?: string;
}

const injection = fc.constantFrom(
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[click](javascript:alert(1))',
  '**bold** _x_ `code` # heading',
  '${jndi:ldap://x}',
  '{{constructor.constructor("return 1")()}}',
  "'; DROP TABLE request; --",
  '\u202Eevil\u202C',
  '\u0000\u0001\u0002',
);
const loneSurrogate = fc.constantFrom('\uD800', '\uDFFF', 'a\uD83Db', '\uDC00\uD800');
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  injection,
  loneSurrogate,
  fc.constant('x'.repeat(10 * 1024)),
  fc.constant('ع'.repeat(10 * 1024)),
  fc.constant('12345-1234567-1 0300-1234567'),
);
const verb = fc.oneof(fc.constantFrom(...Object.values(Verbs)), fc.string({ maxLength: 30 }), fc.constant('__proto__'), fc.integer());

/** Activities that are well-formed JSON but wrong in every other way. */
const activity = fc.record(
  {
    id: fc.oneof(fc.uuid(), fc.string({ maxLength: 40 }), fc.integer()),
    type: fc.oneof(
      fc.constantFrom(
        'message',
        'invoke',
        'conversationUpdate',
        'event',
        'typing',
        'messageReaction',
        'endOfConversation',
        'installationUpdate',
      ),
      fc.string({ maxLength: 70 }),
      fc.integer(),
      fc.constant(null),
    ),
    channelId: fc.oneof(
      fc.constantFrom('test', 'msteams', 'webchat', 'directline', 'emulator'),
      fc.string({ maxLength: 70 }),
      fc.constant(null),
    ),
    conversation: fc.oneof(
      fc.record({ id: fc.oneof(fc.uuid(), fc.string({ maxLength: 600 })) }),
      fc.string(),
      fc.constant(null),
      fc.record({ id: fc.integer() }),
    ),
    from: fc.oneof(fc.record({ id: fc.oneof(fc.uuid(), fc.string({ maxLength: 40 })), name: hostileText }), fc.constant(null), fc.string()),
    recipient: fc.oneof(fc.record({ id: fc.string({ maxLength: 20 }) }), fc.constant(null)),
    serviceUrl: fc.oneof(fc.constant('http://127.0.0.1:9/'), fc.string({ maxLength: 40 }), fc.integer()),
    text: fc.oneof(hostileText, fc.integer(), fc.array(fc.string(), { maxLength: 3 }), fc.constant(null)),
    value: fc.oneof(
      fc.record({ verb, data: fc.jsonValue({ maxDepth: 3 }), choice: fc.oneof(fc.string(), fc.integer()) }, { requiredKeys: [] }),
      fc.record({ action: fc.record({ verb, data: fc.jsonValue({ maxDepth: 3 }) }, { requiredKeys: [] }) }),
      fc.jsonValue({ maxDepth: 3 }),
    ),
    name: fc.oneof(fc.constant('adaptiveCard/action'), fc.string({ maxLength: 30 })),
    locale: fc.oneof(fc.constantFrom('en-US', 'ur-PK', 'ur', 'xx'), fc.string({ maxLength: 20 }), fc.integer()),
    deliveryMode: fc.constantFrom('expectReplies', 'expectReplies', 'normal', 'bogus'),
    attachments: fc.oneof(
      fc.array(fc.record({ contentType: fc.string(), content: fc.jsonValue({ maxDepth: 2 }) }), { maxLength: 2 }),
      fc.string(),
    ),
    membersAdded: fc.oneof(fc.array(fc.record({ id: fc.string({ maxLength: 10 }) }), { maxLength: 2 }), fc.string()),
  },
  { requiredKeys: [] },
);

const json = (body: unknown): FuzzCase => ({
  method: 'POST',
  path: '/api/messages',
  contentType: 'application/json',
  body: JSON.stringify(body),
});

/** Compressed bodies: real gzip/deflate of hostile JSON, bombs, lies about the encoding, encodings we refuse. */
const compressed: fc.Arbitrary<FuzzCase> = fc
  .tuple(
    fc.constantFrom('gzip', 'deflate', 'br', 'gzip, gzip', 'x-gzip', 'identity', 'GZIP'),
    fc.oneof(
      activity.map((a) => JSON.stringify(a)),
      fc.constant(`{"type":"message","x":[${'0,'.repeat(400_000)}0]}`),
      fc.string({ maxLength: 100 }),
    ),
    fc.constantFrom('honest', 'raw', 'truncated'),
    fc.option(fc.constantFrom('/api/messages', '/api/webchat/token', '/v3/directline/conversations'), { nil: undefined }),
  )
  .map(([encoding, text, honesty, path]): FuzzCase => {
    const packed = /deflate/i.test(encoding) ? deflateSync(text) : gzipSync(text);
    const body =
      honesty === 'raw' ? Buffer.from(text) : honesty === 'truncated' ? packed.subarray(0, Math.max(1, packed.length >> 1)) : packed;
    return { method: 'POST', path, contentType: 'application/json', body, encoding };
  });

/** Multipart bodies on any route (only the upload route takes them), including broken framing. */
const multipart: fc.Arbitrary<FuzzCase> = fc
  .tuple(fc.string({ maxLength: 40 }), fc.uint8Array({ maxLength: 2_000 }), fc.boolean())
  .map(([field, bytes, broken]): FuzzCase => {
    const boundary = 'fuzzboundary';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field.replace(/["\r\n]/g, '')}"; filename="f.csv"\r\nContent-Type: text/csv\r\n\r\n`;
    const body = Buffer.concat([Buffer.from(head), Buffer.from(bytes), Buffer.from(broken ? '' : `\r\n--${boundary}--\r\n`)]);
    return { method: 'POST', contentType: `multipart/form-data; boundary=${boundary}`, body };
  });

/** JSON nested far deeper than any card submit, as arrays, objects and mixtures. */
const deepJson: fc.Arbitrary<FuzzCase> = fc
  .tuple(
    fc.integer({ min: 65, max: 20_000 }),
    fc.constantFrom('[', '{"a":', '[{"b":'),
    fc.option(fc.constantFrom('/api/messages', '/api/webchat/token', '/v3/directline/conversations'), { nil: undefined }),
  )
  .map(([levels, open, path]): FuzzCase => {
    const close = open === '[' ? ']' : open === '{"a":' ? '}' : '}]';
    return {
      method: 'POST',
      path,
      contentType: 'application/json',
      body: `{"type":"message","channelId":"test","x":${open.repeat(levels)}1${close.repeat(levels)}}`,
    };
  });

const fuzzCase: fc.Arbitrary<FuzzCase> = fc.oneof(
  { weight: 3, arbitrary: compressed },
  { weight: 2, arbitrary: multipart },
  { weight: 2, arbitrary: deepJson },
  { weight: 10, arbitrary: activity.map(json) },
  // A plausible message with only the text hostile, so it gets past validation and reaches the dialogs.
  {
    weight: 6,
    arbitrary: fc.tuple(hostileText, fc.uuid()).map(([text, id]) =>
      json({
        type: 'message',
        channelId: 'test',
        id,
        conversation: { id: `fuzz-${id}` },
        from: { id: `u-${id}` },
        serviceUrl: 'http://127.0.0.1:9/',
        deliveryMode: 'expectReplies',
        text,
      }),
    ),
  },
  {
    weight: 3,
    arbitrary: fc.tuple(verb, fc.jsonValue({ maxDepth: 3 }), fc.uuid(), fc.boolean()).map(([v, data, id, execute]) =>
      json(
        execute
          ? {
              type: 'invoke',
              name: 'adaptiveCard/action',
              channelId: 'msteams',
              id,
              conversation: { id: `fuzz-${id}` },
              from: { id: `u-${id}` },
              serviceUrl: 'http://127.0.0.1:9/',
              value: { action: { type: 'Action.Execute', verb: v, data } },
            }
          : {
              type: 'message',
              channelId: 'webchat',
              id,
              conversation: { id: `fuzz-${id}` },
              from: { id: `u-${id}` },
              serviceUrl: 'http://127.0.0.1:9/',
              deliveryMode: 'expectReplies',
              value: { verb: v, data, company: '<b>x</b>' },
            },
      ),
    ),
  },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }).map(json) },
  {
    weight: 2,
    arbitrary: fc
      .uint8Array({ maxLength: 300 })
      .map((bytes): FuzzCase => ({ method: 'POST', path: '/api/messages', contentType: 'application/json', body: bytes })),
  },
  // Invalid UTF-8 inside an otherwise valid activity.
  {
    weight: 2,
    arbitrary: fc.uuid().map((id): FuzzCase => ({
      method: 'POST',
      path: '/api/messages',
      contentType: 'application/json',
      body: Buffer.concat([
        Buffer.from(
          `{"type":"message","channelId":"test","id":"${id}","conversation":{"id":"c-${id}"},"from":{"id":"u"},"serviceUrl":"http://127.0.0.1:9/","deliveryMode":"expectReplies","text":"`,
        ),
        Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80]),
        Buffer.from('"}'),
      ]),
    })),
  },
  {
    weight: 2,
    arbitrary: fc
      .string({ maxLength: 200 })
      .map((raw): FuzzCase => ({ method: 'POST', path: '/api/messages', contentType: 'application/json', body: raw })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', '')
      .map((contentType): FuzzCase => ({ method: 'POST', path: '/api/messages', contentType, body: 'type=message&text=hi' })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom<FuzzCase['method']>('GET', 'POST', 'PUT', 'DELETE'), fc.jsonValue({ maxDepth: 3 }))
      .map(([method, body]): FuzzCase => ({
        method,
        contentType: 'application/json',
        body: method === 'GET' ? undefined : JSON.stringify(body),
      })),
  },
);

describe('fuzzing the HTTP APIs', () => {
  let t: TestApp;
  let connector: ConnectorRecorder;
  beforeAll(async () => {
    connector = await startConnector();
    t = await startTestApp({ LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '1000' });
  });
  afterAll(async () => {
    await t.close();
    await connector.close();
  });

  /** Every route mounted when this runs (other features add theirs), with path parameters filled in. */
  function mountedRoutes(): { method: string; path: string }[] {
    const registry = t.app.server.router.getRoutes() as unknown as Record<string, { method: string; path: string | RegExp }>;
    return Object.values(registry)
      .filter((r) => typeof r.path === 'string')
      .map((r) => ({ method: r.method, path: (r.path as string).replace(/:[A-Za-z_]+/g, () => encodeURIComponent(randomUUID())) }));
  }

  async function send(c: FuzzCase): Promise<number> {
    // Replies that are not expectReplies go to the loopback connector rather than a dead port.
    const body =
      typeof c.body === 'string'
        ? c.body.replaceAll('http://127.0.0.1:9/', connector.serviceUrl)
        : c.body && new Blob([Buffer.from(c.body)]);
    const res = await fetch(`${t.baseUrl}${c.path}`, {
      method: c.method,
      headers: { ...(c.contentType ? { 'content-type': c.contentType } : {}), ...(c.encoding ? { 'content-encoding': c.encoding } : {}) },
      body: c.method === 'GET' || (c.method as string) === 'HEAD' ? undefined : body,
    });
    await res.arrayBuffer();
    return res.status;
  }

  it('answers ≥ 1,000 malformed requests with 2xx–4xx, never 5xx, and stays up', async () => {
    const routes = mountedRoutes();
    expect(routes.some((r) => r.path === '/api/messages')).toBe(true);
    const cases = fc.sample(fuzzCase, { numRuns: 1_100, seed: 20200401 });
    // Each route gets its share of generic bodies, whatever the generator picked.
    cases.forEach((c, i) => {
      if (c.path === undefined) {
        const route = routes[i % routes.length];
        c.path = route.path;
        c.method = route.method as FuzzCase['method'];
      }
    });
    // Three 1 MB bodies, as JSON and as a giant text field.
    const mb = 'a'.repeat(1024 * 1024);
    cases.push(
      json({ type: 'message', text: mb }),
      { method: 'POST', path: '/api/messages', contentType: 'application/json', body: mb },
      json([mb]),
    );

    const failures: { status: number; c: FuzzCase }[] = [];
    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const c = cases[next++];
        const status = await send(c);
        if (status >= 500 || status < 200)
          failures.push({ status, c: { ...c, body: typeof c.body === 'string' ? c.body.slice(0, 300) : c.body } });
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(cases.length).toBeGreaterThanOrEqual(1_000);
    expect(failures).toEqual([]);
    // Storage-hostile text (NUL, lone surrogates) is cleaned at the door, so no turn or transcript line fails.
    expect(t.logs.filter((l) => /"turn failed"|"transcript write failed"/.test(l)).map((l) => l.slice(0, 300))).toEqual([]);
    expect(t.logs.filter((l) => l.includes('"request failed"'))).toEqual([]);

    const health = await fetch(`${t.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(textOfAll(await new TestUser(t.baseUrl).say('menu'))).toContain(en('common:menu.title'));
  }, 180_000);

  it('answers lone surrogates, invalid UTF-8 and injection in a message with a polite reply', async () => {
    for (const text of ['\uD800 hello', '<script>alert(1)</script>', '[x](javascript:alert(1))', 'x'.repeat(10 * 1024)]) {
      const replies = await new TestUser(t.baseUrl).say(text);
      expect(replies.length).toBeGreaterThan(0);
      expect(textOfAll(replies)).not.toContain('<script>');
    }
  });

  it('answers hostile WebSocket upgrades (any path, bad tokens, bad watermarks, junk keys) and closes every socket', async () => {
    const paths = fc.sample(
      fc.oneof(
        fc.webPath(),
        fc.string({ maxLength: 60 }).map((s) => `/${encodeURIComponent(s)}`),
        fc
          .tuple(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), fc.string({ maxLength: 20 }))
          .map(
            ([id, token, w]) =>
              `/v3/directline/conversations/${encodeURIComponent(id)}/stream?t=${encodeURIComponent(token)}&watermark=${encodeURIComponent(w)}`,
          ),
        fc.constantFrom(
          '//evil:99999',
          '/v3/directline/conversations/x/stream?watermark=2147483648',
          '/v3/directline/conversations/%00/stream',
        ),
      ),
      { numRuns: 300, seed: 20200402 },
    );
    const { port } = new URL(t.baseUrl);
    const answers = await Promise.all(
      paths.map(
        (path) =>
          new Promise<{ status: string; closed: boolean }>((resolve) => {
            const socket = connect(Number(port), '127.0.0.1');
            let response = '';
            const timer = setTimeout(() => {
              socket.destroy();
              resolve({ status: response.slice(0, 12), closed: false });
            }, 10_000);
            socket.on('data', (d) => (response += d.toString()));
            socket.on('error', () => undefined);
            socket.on('close', () => {
              clearTimeout(timer);
              resolve({ status: response.slice(0, 12), closed: true });
            });
            socket.write(
              `GET ${path.replace(/[\s]/g, '')} HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: x\r\n\r\n`,
            );
          }),
      ),
    );
    expect(answers.filter((a) => !a.closed || !/^HTTP\/1\.1 4\d\d$/.test(a.status))).toEqual([]);
    expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
  }, 120_000);

  it('answers an unknown card verb with the unknown-action message and the menu', async () => {
    const replies = await new TestUser(t.baseUrl).submit({ verb: 'no.such.verb' });
    expect(textOfAll(replies)).toContain(en('common:errors.unknownAction'));
  });
});

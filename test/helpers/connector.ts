/**
 * A loopback Bot Connector: answers the calls the bot makes to a channel's serviceUrl like the real
 * service (create conversation, send, reply, update, delete) and records them for assertions.
 * `failNext` makes a path answer an error once (403 BotNotInConversationRoster, 404, 429…); `hold` keeps
 * every answer back until released, so the bot's turns stay in flight as long as a test needs them to.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { eventually } from './eventually';

export interface RecordedCall {
  method: string;
  path: string;
  conversationId?: string;
  activityId?: string;
  body: Record<string, unknown>;
  authorization?: string;
}

export interface Failure {
  status: number;
  code: string;
  retryAfterSeconds?: number;
}

export interface ConnectorRecorder {
  readonly serviceUrl: string;
  readonly calls: RecordedCall[];
  /** Activities sent (POST/PUT) to a conversation, in order. */
  sentTo(conversationId: string): Record<string, unknown>[];
  /** Conversations created by the bot (POST /v3/conversations). */
  readonly created: RecordedCall[];
  /** Waits until at least n calls matching the predicate were recorded. */
  waitFor(predicate: (c: RecordedCall) => boolean, n?: number, timeoutMs?: number): Promise<RecordedCall[]>;
  /** The next call whose path matches answers with this failure. */
  failNext(pathPattern: RegExp, failure: Failure): void;
  /** Calls are recorded as they arrive but answered only once the returned function is called. */
  hold(): () => void;
  reset(): void;
  close(): Promise<void>;
}

/** Starts the recorder on an ephemeral loopback port. */
export async function startConnector(): Promise<ConnectorRecorder> {
  const calls: RecordedCall[] = [];
  const failures: { pattern: RegExp; failure: Failure }[] = [];
  let held: (() => void)[] | undefined;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, unknown>;
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        body = { raw };
      }
      const path = (req.url ?? '').split('?')[0];
      const match = /^\/v3\/conversations\/([^/]+)(?:\/activities(?:\/([^/]+))?)?/.exec(path);
      const call: RecordedCall = {
        method: req.method ?? 'GET',
        path,
        conversationId: match ? decodeURIComponent(match[1]) : undefined,
        activityId: match?.[2] ? decodeURIComponent(match[2]) : undefined,
        body,
        authorization: req.headers.authorization,
      };
      const failureIndex = failures.findIndex((f) => f.pattern.test(path));
      if (failureIndex >= 0) {
        const [{ failure }] = failures.splice(failureIndex, 1);
        calls.push({ ...call, body: { ...body, failedWith: failure.status } });
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (failure.retryAfterSeconds !== undefined) headers['retry-after'] = String(failure.retryAfterSeconds);
        res.writeHead(failure.status, headers);
        res.end(JSON.stringify({ error: { code: failure.code, message: failure.code } }));
        return;
      }
      calls.push(call);
      const answer = () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        if (req.method === 'POST' && path === '/v3/conversations') {
          const id = `conv-${randomUUID()}`;
          res.end(JSON.stringify({ id, activityId: `act-${randomUUID()}`, serviceUrl: recorder.serviceUrl }));
        } else if (req.method === 'PUT') {
          res.end(JSON.stringify({ id: call.activityId }));
        } else {
          res.end(JSON.stringify({ id: `act-${randomUUID()}` }));
        }
      };
      if (held) held.push(answer);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const recorder: ConnectorRecorder = {
    serviceUrl: `http://127.0.0.1:${port}/`,
    calls,
    get created() {
      return calls.filter((c) => c.method === 'POST' && c.path === '/v3/conversations');
    },
    sentTo(conversationId) {
      return calls
        .filter(
          (c) => c.conversationId === conversationId && (c.method === 'POST' || c.method === 'PUT') && c.body.failedWith === undefined,
        )
        .map((c) => c.body);
    },
    waitFor(predicate, n = 1, timeoutMs = 10_000) {
      return eventually(
        `${n} matching connector call(s)`,
        () => {
          const found = calls.filter(predicate);
          return found.length >= n ? found : undefined;
        },
        { timeoutMs, observed: () => `saw ${calls.filter(predicate).length} of ${calls.length}` },
      );
    },
    failNext(pattern, failure) {
      failures.push({ pattern, failure });
    },
    hold() {
      const answers: (() => void)[] = [];
      held = answers;
      return () => {
        if (held === answers) held = undefined;
        for (const answer of answers.splice(0)) answer();
      };
    },
    reset() {
      calls.length = 0;
      failures.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return recorder;
}

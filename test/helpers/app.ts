/**
 * Starts the real app on an ephemeral port against a test database, and talks to it over HTTP the way
 * a channel does. `say()` uses deliveryMode expectReplies, so the bot's replies come back in the response.
 */
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { loadConfig, type Config } from '../../bot/config';
import { createApp, type App, type AppOptions } from '../../bot/server';
import { createLogger } from '../../bot/logger';
import { createTestDb, type TestDb } from './db';

export interface TestApp {
  app: App;
  db: TestDb;
  baseUrl: string;
  config: Config;
  /** Log lines the app wrote (JSON strings). */
  logs: string[];
  close(): Promise<void>;
}

/** Env overrides on top of a quiet local-mode config. */
export async function startTestApp(env: Record<string, string> = {}, options: Partial<AppOptions> = {}, db?: TestDb): Promise<TestApp> {
  // Tests open many Web Chat conversations from one address; the limit's own test lowers it.
  const config = loadConfig({ LOG_LEVEL: 'info', NODE_ENV: 'test', DIRECTLINE_STARTS_PER_MINUTE: '100000', ...env });
  const testDb = db ?? (await createTestDb());
  const logs: string[] = [];
  const logger = createLogger(config.LOG_LEVEL, { write: (line: string) => void logs.push(line) });
  const app = await createApp({ config, db: testDb, logger, ...options });
  await new Promise<void>((resolve) => void app.server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    db: testDb,
    config,
    logs,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      if (!db) await testDb.close();
    },
  };
}

export interface Reply {
  type: string;
  text?: string;
  attachments?: { contentType: string; content: Record<string, unknown> }[];
  [key: string]: unknown;
}

/** A user in a conversation on a channel, talking to the app over HTTP. */
export class TestUser {
  readonly conversationId: string;
  constructor(
    private readonly baseUrl: string,
    readonly channelId = 'test',
    readonly userId = `user-${randomUUID()}`,
    conversationId?: string,
    private readonly serviceUrl = 'http://127.0.0.1:9/',
    readonly locale?: string,
  ) {
    this.conversationId = conversationId ?? `conv-${randomUUID()}`;
  }

  /** Sends an activity with expectReplies; returns the replies. */
  async send(activity: Record<string, unknown>): Promise<Reply[]> {
    const res = await this.post(activity);
    if (res.status !== 200) throw new Error(`POST /api/messages answered ${res.status}: ${await res.text()}`);
    const body = (await res.json()) as { activities?: Reply[] };
    return body.activities ?? [];
  }

  /** Sends a text message. */
  say(text: string): Promise<Reply[]> {
    return this.send({ type: 'message', text });
  }

  /** Sends a card submit (a message whose value carries the verb). */
  submit(value: Record<string, unknown>): Promise<Reply[]> {
    return this.send({ type: 'message', value });
  }

  /** The raw HTTP exchange, for status-code tests. */
  post(activity: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${this.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({
        id: randomUUID(),
        channelId: this.channelId,
        serviceUrl: this.serviceUrl,
        conversation: { id: this.conversationId },
        from: { id: this.userId, name: 'Test User' },
        recipient: { id: 'pseb-bot', name: 'PSEB Assist' },
        locale: this.locale,
        timestamp: new Date().toISOString(),
        deliveryMode: 'expectReplies',
        ...activity,
      }),
    });
  }
}

/** All visible text of a reply: its text, or the text blocks / titles / buttons of its cards. */
export function textOf(reply: Reply): string {
  const parts: string[] = [];
  if (reply.text) parts.push(reply.text);
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const obj = node as Record<string, unknown>;
    for (const key of ['text', 'title', 'subtitle', 'label', 'placeholder'])
      if (typeof obj[key] === 'string') parts.push(obj[key] as string);
    for (const value of Object.values(obj)) if (typeof value === 'object') walk(value);
  };
  for (const attachment of reply.attachments ?? []) walk(attachment.content);
  return parts.join('\n');
}

/** Joined text of several replies. */
export function textOfAll(replies: Reply[]): string {
  return replies.map(textOf).join('\n');
}

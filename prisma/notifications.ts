/**
 * Wake-ups between instances through PostgreSQL LISTEN/NOTIFY (PGlite has it too, in-process), so a
 * change one instance stores reaches the others at once instead of at their next database poll.
 * Notifications are hints, not data: a listener re-reads the database, and a slow poll stays as the
 * safety net for a dropped listening connection. Listeners hear every notification, their own
 * instance's included; one that already acted in-process tags its payloads to skip its own.
 */
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export type NotificationHandler = (payload: string) => void;

export interface Notifications {
  /** Notifies every listener of the channel on every instance; batched, never throws, never waits. */
  publish(channel: string, payload: string): void;
  /** Calls the handler for each notification on the channel until the returned function is called. */
  listen(channel: string, handler: NotificationHandler): () => void;
  /** Sends what is queued and stops listening. */
  close(): Promise<void>;
}

/** How a database sends a batch of notifications (one statement). */
type SendBatch = (channels: string[], payloads: string[]) => Promise<void>;

/** Delay before re-opening a lost listening connection; doubles up to the cap. */
const RECONNECT_MS = 500;
const RECONNECT_MAX_MS = 30_000;

/** Channel names are identifiers: letters, digits and underscores, at most 63 bytes. */
function channelName(prefix: string, channel: string): string {
  return `${prefix}_${channel}`
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .slice(0, 63);
}

/** Listening and publishing common to both databases; subclasses say how to send and how to subscribe. */
abstract class NotificationHub implements Notifications {
  private readonly handlers = new Map<string, Set<NotificationHandler>>();
  private queue: { channel: string; payload: string }[] = [];
  private flushing: Promise<void> | undefined;
  protected closed = false;

  constructor(
    private readonly prefix: string,
    private readonly sendBatch: SendBatch,
    private readonly onError: (err: unknown) => void,
  ) {}

  publish(channel: string, payload: string): void {
    if (this.closed) return;
    if (!this.queue.length) setImmediate(() => void this.flush());
    this.queue.push({ channel: channelName(this.prefix, channel), payload });
  }

  listen(channel: string, handler: NotificationHandler): () => void {
    const name = channelName(this.prefix, channel);
    let set = this.handlers.get(name);
    if (!set) {
      set = new Set();
      this.handlers.set(name, set);
      this.subscribe(name).catch(this.onError);
    }
    set.add(handler);
    return () => {
      set.delete(handler);
    };
  }

  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
    this.handlers.clear();
    await this.shutdown();
  }

  /** Channels listened on (to re-listen after a reconnect). */
  protected get channels(): string[] {
    return [...this.handlers.keys()];
  }

  /** Hands a received notification to the channel's handlers. */
  protected deliver(channel: string, payload: string | undefined): void {
    if (payload === undefined) return;
    for (const handler of [...(this.handlers.get(channel) ?? [])]) handler(payload);
  }

  private flush(): Promise<void> {
    this.flushing = (this.flushing ?? Promise.resolve()).then(async () => {
      const batch = this.queue;
      this.queue = [];
      if (!batch.length) return;
      await this.sendBatch(
        batch.map((n) => n.channel),
        batch.map((n) => n.payload),
      ).catch(this.onError);
    });
    return this.flushing;
  }

  protected abstract subscribe(channel: string): Promise<void>;
  protected abstract shutdown(): Promise<void>;
}

/** PostgreSQL: one dedicated connection LISTENs (reopened when lost); notifications go out on the pool. */
export class PostgresNotifications extends NotificationHub {
  private client: pg.Client | undefined;
  private connecting: Promise<pg.Client | undefined> | undefined;
  private retryMs = RECONNECT_MS;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly url: string,
    private readonly schema: string | undefined,
    send: SendBatch,
    onError: (err: unknown) => void,
  ) {
    super(schema ?? 'pseb', send, onError);
  }

  protected async subscribe(channel: string): Promise<void> {
    const client = await this.connect();
    await client?.query(`LISTEN "${channel}"`);
  }

  private connect(): Promise<pg.Client | undefined> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.open().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async open(): Promise<pg.Client | undefined> {
    if (this.closed) return undefined;
    const client = new pg.Client({ connectionString: this.url, options: this.schema ? `-c search_path="${this.schema}"` : undefined });
    const lost = () => {
      if (this.client !== client) return;
      this.client = undefined;
      client.end().catch(() => undefined);
      this.reconnectLater();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (message) => this.deliver(message.channel, message.payload));
    try {
      await client.connect();
      for (const channel of this.channels) await client.query(`LISTEN "${channel}"`);
    } catch {
      client.end().catch(() => undefined);
      this.reconnectLater();
      return undefined;
    }
    this.client = client;
    this.retryMs = RECONNECT_MS;
    return client;
  }

  private reconnectLater(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.connect();
    }, this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, RECONNECT_MAX_MS);
  }

  protected async shutdown(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client ?? (await this.connecting);
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}

/** PGlite: LISTEN/NOTIFY inside the process (one process owns a PGlite, so this only mirrors PostgreSQL). */
export class PgliteNotifications extends NotificationHub {
  private readonly unlisten: (() => Promise<void>)[] = [];

  constructor(
    private readonly pglite: PGlite,
    onError: (err: unknown) => void,
  ) {
    super(
      'pseb',
      async (channels, payloads) => {
        await pglite.query('SELECT pg_notify(c, p) FROM unnest($1::text[], $2::text[]) AS n(c, p)', [channels, payloads]);
      },
      onError,
    );
  }

  protected async subscribe(channel: string): Promise<void> {
    this.unlisten.push(await this.pglite.listen(channel, (payload) => this.deliver(channel, payload)));
  }

  protected async shutdown(): Promise<void> {
    for (const stop of this.unlisten.splice(0)) await stop().catch(() => undefined);
  }
}

/** The pg pool's way of sending a batch: one SELECT pg_notify over both arrays. */
export function poolSender(pool: pg.Pool): SendBatch {
  return async (channels, payloads) => {
    await pool.query('SELECT pg_notify(c, p) FROM unnest($1::text[], $2::text[]) AS n(c, p)', [channels, payloads]);
  };
}

/**
 * LISTEN/NOTIFY between instances: what one database connection publishes reaches a second one (a
 * second instance), on that channel only. PostgreSQL with TEST_DATABASE_URL, PGlite otherwise.
 */
import { createTestDb, emptyPgliteCluster, onPostgres, TEST_PGLITE_SETTINGS, type TestDb } from '../helpers/db';
import { openDatabase, type Database } from '../../prisma/db';
import { PgliteNotifications, type Notifications } from '../../prisma/notifications';
import { openPglite } from '../../prisma/pglite';

/** Resolves with the first payload the notifications deliver on the channel. */
function next(notifications: Notifications, channel: string): Promise<string> {
  return new Promise((resolve) => {
    const stop = notifications.listen(channel, (payload) => {
      stop();
      resolve(payload);
    });
  });
}

/** Two independent hubs on one database: [publisher, listener], and their teardown. */
async function twoInstances(): Promise<{ a: Notifications; b: Notifications; close(): Promise<void> }> {
  if (onPostgres) {
    const db: TestDb = await createTestDb();
    const other: Database = await openDatabase(db.url, { poolSize: 2 });
    return {
      a: db.notifications,
      b: other.notifications,
      async close() {
        await other.close();
        await db.close();
      },
    };
  }
  const pglite = openPglite('memory', emptyPgliteCluster(), TEST_PGLITE_SETTINGS);
  const a = new PgliteNotifications(pglite, () => undefined);
  const b = new PgliteNotifications(pglite, () => undefined);
  return {
    a,
    b,
    async close() {
      await a.close();
      await b.close();
      await pglite.close();
    },
  };
}

/** Publishes until the listener hears it: LISTEN takes effect a moment after listen() returns. */
async function publishUntilHeard(from: Notifications, channel: string, payload: string, heard: Promise<unknown>): Promise<void> {
  let done = false;
  void heard.then(() => (done = true));
  for (let i = 0; i < 100 && !done; i++) {
    from.publish(channel, payload);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe(`notifications between instances (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  let instances: Awaited<ReturnType<typeof twoInstances>>;
  beforeEach(async () => {
    instances = await twoInstances();
  });
  afterEach(async () => {
    await instances.close();
  });

  it('wakes a listener on another instance with the published payload', async () => {
    const heard = next(instances.b, 'directline');
    await publishUntilHeard(instances.a, 'directline', 'conversation-1', heard);
    await expect(heard).resolves.toBe('conversation-1');
  });

  it('keeps channels apart, and a publisher hears its own channel too', async () => {
    const own: string[] = [];
    const otherChannel: string[] = [];
    instances.a.listen('directline', (p) => own.push(p));
    instances.b.listen('handoff', (p) => otherChannel.push(p));
    // Until both have heard it: each connection's LISTEN takes effect a moment after listen() returns, the publisher's too.
    const heard = Promise.all([next(instances.b, 'directline'), next(instances.a, 'directline')]);
    await publishUntilHeard(instances.a, 'directline', 'conversation-2', heard);
    await heard;
    // A marker on b's channel published after: once b hears it, anything sent to 'handoff' by mistake is in too.
    const marker = next(instances.b, 'handoff');
    await publishUntilHeard(instances.a, 'handoff', 'marker', marker);
    expect(own.length).toBeGreaterThan(0);
    expect(new Set(own)).toEqual(new Set(['conversation-2']));
    expect(new Set(otherChannel)).toEqual(new Set(['marker']));
  });
});

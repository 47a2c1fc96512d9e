/**
 * A stream on one instance is woken by what another instance stores, through LISTEN/NOTIFY — with a
 * poll so slow that only the notification can deliver in time. Two Database connections on PostgreSQL
 * (TEST_DATABASE_URL) are two instances; on PGlite, one database with two stores.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket } from 'ws';
import { createLogger } from '../../../bot/logger';
import { deriveKeys } from '../../../bot/directline/secret';
import { DirectLineStore } from '../../../bot/directline/store';
import { mountStream, type StreamHandle } from '../../../bot/directline/stream';
import { issueToken } from '../../../bot/directline/tokens';
import { Greeter } from '../../../bot/directline/welcome';
import { createTestDb, onPostgres, type TestDb } from '../../helpers/db';
import { openDatabase, type Database } from '../../../prisma/db';

const keys = deriveKeys('stream-notify-secret-0123456789abcdefgh');

let db: TestDb;
let otherDb: Database | undefined;
let server: Server;
let handle: StreamHandle;
let writer: DirectLineStore;
let reader: DirectLineStore;

beforeAll(async () => {
  db = await createTestDb();
  otherDb = onPostgres ? await openDatabase(db.url, { poolSize: 2 }) : undefined;
  writer = new DirectLineStore(db.prisma, db.notifications);
  const readDb = otherDb ?? db;
  reader = new DirectLineStore(readDb.prisma, readDb.notifications);
  server = createServer((_req, res) => res.writeHead(404).end());
  const greeter = new Greeter(() => [], { id: 'bot', name: 'Bot' });
  handle = mountStream(server, {
    store: reader,
    greeter,
    keys: () => keys,
    logger: createLogger('silent'),
    pollMs: 120_000,
    heartbeatMs: 120_000,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  handle.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await otherDb?.close();
  await db.close();
});

it(`wakes a stream on another instance when an activity is stored (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, async () => {
  const conversationId = `notify-${Date.now()}`;
  const token = await issueToken(keys, { conversationId, userId: 'u1' });
  const ws = new WebSocket(
    `ws://127.0.0.1:${(server.address() as AddressInfo).port}/v3/directline/conversations/${conversationId}/stream?t=${token}`,
  );
  const texts: string[] = [];
  const arrived = new Promise<void>((resolve) =>
    ws.on('message', (data) => {
      const text = data.toString();
      if (!text) return;
      texts.push(...(JSON.parse(text) as { activities: { text: string }[] }).activities.map((a) => a.text));
      if (texts.includes('second')) resolve();
    }),
  );
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  // The listening connection may still be opening; the first activity may come with the first read.
  await writer.append(conversationId, { id: 'a1', type: 'message', text: 'first' }, { userId: 'u1', welcome: [] });
  await new Promise((resolve) => setTimeout(resolve, 500));
  await writer.append(conversationId, { id: 'a2', type: 'message', text: 'second' });
  await arrived;
  expect(texts).toEqual(['first', 'second']);
  ws.close();
});

/**
 * One bench target in its own process, so its RSS is its own and the load generator does not share
 * its event loop: `node dist/bench/server.js echo|pseb` (compiled by scripts/build.mjs). Prints `{"port":…}` once listening;
 * with BENCH_SEED_CONVERSATIONS=N it first stores N conversations.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { createEchoServer } from './echoBot';
import { loadConfig } from '../bot/config';
import { createApp } from '../bot/server';
import { seedConversations } from './seed';

async function start(kind: string): Promise<Server> {
  if (kind === 'echo') return createEchoServer();
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: 'silent',
    // Every bench conversation is its own user; the limit is not what is measured.
    RATE_LIMIT_PER_MINUTE: '1000000',
    DATABASE_URL: process.env.DATABASE_URL ?? `pglite:${mkdtempSync(path.join(tmpdir(), 'pseb-bench-'))}`,
  });
  const app = await createApp({ config });
  const seed = Number(process.env.BENCH_SEED_CONVERSATIONS ?? 0);
  if (seed > 0) {
    const stored = await seedConversations(app.db.sql, seed, String(process.pid));
    process.stdout.write(`${JSON.stringify({ stored })}\n`);
  }
  return app.server;
}

start(process.argv[2] ?? 'pseb')
  .then((server) => {
    server.listen(0, '127.0.0.1', () => {
      process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
    });
  })
  .catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });

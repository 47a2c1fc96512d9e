/**
 * The worker's PostgreSQL pool (postgresPool.ts): a database given back by one test file reaches the next in exactly the
 * state of a fresh copy of the run's template, every session the file left on it is gone, and its old URL names no
 * database any more.
 */
import pg from 'pg';
import { onPostgres } from './db';
import { changeLikeATestFile, contentsFingerprint } from './dbFingerprint';
import { leasePostgresDb } from './postgresPool';
import { adminQuery, databaseUrl, dropDatabase, quoteIdent, withClient } from './pgAdmin';
import { PG_TEMPLATE_ENV } from './template';
import type { Query } from './templateState';

const pool = (globalThis as { __psebWorkerDatabases?: { free: unknown[] } }).__psebWorkerDatabases;

async function connect(url: string): Promise<{ client: pg.Client; query: Query }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // A session the file never closed gets terminated by the pool; without a handler its error would crash the worker.
  client.on('error', () => undefined);
  return { client, query: (sql, params) => client.query(sql, params) };
}

const fingerprintOf = (url: string): Promise<unknown> => withClient(url, contentsFingerprint);

const describeOnPostgres = onPostgres ? describe : describe.skip;

describeOnPostgres('the worker PostgreSQL pool', () => {
  const baseUrl = process.env.TEST_DATABASE_URL!;
  const template = process.env[PG_TEMPLATE_ENV]!;

  it('hands the next file a database in exactly the state of a fresh copy of the template, with no session of the file left', async () => {
    const freshName = `${template}_fresh`;
    await adminQuery(baseUrl, `CREATE DATABASE ${quoteIdent(freshName)} TEMPLATE ${quoteIdent(template)}`);
    try {
      const expected = (await fingerprintOf(databaseUrl(baseUrl, freshName))) as { contents: object };
      expect(Object.keys(expected.contents).length).toBeGreaterThan(20);

      const first = await leasePostgresDb(baseUrl, template);
      // The file's changes, and a session it left open mid-transaction holding a lock and listening.
      const left = await connect(first.url);
      await changeLikeATestFile(left.query);
      await left.query('LISTEN somewhere');
      await left.query('SELECT pg_advisory_lock(42)');
      await left.query('BEGIN');
      await left.query('DELETE FROM bot_state');
      expect(await fingerprintOf(first.url)).not.toEqual(expected);
      const freeBefore = pool!.free.length;
      await first.release();
      expect(pool!.free.length).toBe(freeBefore + 1);
      await expect(left.query('SELECT 1')).rejects.toThrow();

      const second = await leasePostgresDb(baseUrl, template);
      // The one given back, not a new copy.
      expect(pool!.free.length).toBe(freeBefore);
      try {
        expect(await fingerprintOf(second.url)).toEqual(expected);
        const lock = await withClient(second.url, (query) => query<{ locked: boolean }>('SELECT pg_try_advisory_lock(42) AS locked'));
        expect(lock.rows[0].locked).toBe(true);
      } finally {
        await second.release();
      }
    } finally {
      await dropDatabase(baseUrl, freshName);
    }
  });

  it("names no database at a given-back lease's URL, so a file's late work never reaches the next file", async () => {
    const lease = await leasePostgresDb(baseUrl, template);
    await lease.release();
    const late = new pg.Client({ connectionString: lease.url });
    late.on('error', () => undefined);
    try {
      await expect(late.connect()).rejects.toThrow(/does not exist/);
    } finally {
      await late.end().catch(() => undefined);
    }
    const next = await leasePostgresDb(baseUrl, template);
    try {
      expect(next.url).not.toBe(lease.url);
      const topics = await withClient(next.url, (query) => query<{ n: number }>('SELECT count(*)::int AS n FROM faq_topic'));
      expect(topics.rows[0].n).toBeGreaterThan(0);
    } finally {
      await next.release();
    }
  });
});

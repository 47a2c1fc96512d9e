/**
 * A database of its own for each test file: in-memory PGlite by default, or a fresh PostgreSQL
 * database when TEST_DATABASE_URL is set (dropped again afterwards). Migrated with the real runner.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../prisma/db';

export interface TestDb extends Database {
  /** The URL a second server process can open (PostgreSQL only; PGlite in memory is per process). */
  readonly url: string;
}

/** Whether the suite runs against PostgreSQL (TEST_DATABASE_URL) rather than PGlite. */
export const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

/** Opens and migrates a fresh database; call close() in afterAll. */
export async function createTestDb(): Promise<TestDb> {
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) {
    const db = await openDatabase('pglite:memory');
    await db.migrate();
    return Object.assign(db, { url: 'pglite:memory' });
  }
  const empty = await createEmptyPostgresDb(baseUrl);
  const db = await openDatabase(empty.url, { poolSize: 5 });
  await db.migrate();
  const close = db.close.bind(db);
  return Object.assign(db, {
    url: empty.url,
    async close() {
      await close();
      await empty.drop();
    },
  });
}

/** Creates an empty PostgreSQL database (for tests that need a URL to hand to a child process). */
export async function createEmptyPostgresDb(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `pseb_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(baseUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(baseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A database of its own for each test file: in-memory PGlite by default, or a PostgreSQL database when
 * TEST_DATABASE_URL is set. Each is in the state of the run's template, migrated once with the real runner
 * (template.ts): on either database one the worker's previous file used, put back (pglitePool.ts,
 * postgresPool.ts), or a new copy. Without a template it migrates itself.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { openDatabase, type Database } from '../../prisma/db';
import { dataDirDump } from '../../prisma/pglite';
import { leasePglite } from './pglitePool';
import { leasePostgresDb, type PostgresLease } from './postgresPool';
import { adminQuery, databaseUrl, dropDatabase, quoteIdent } from './pgAdmin';
import { PG_TEMPLATE_ENV, PGLITE_DUMP_ENV, PGLITE_EMPTY_DUMP_ENV, TEST_PGLITE_SETTINGS } from './template';

export { TEST_PGLITE_SETTINGS };

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
    const pgliteDump = migratedPgliteDump();
    // With the run's template, a PGlite of the worker's pool put back into the template's state (pglitePool.ts).
    const pgliteLease = pgliteDump ? await leasePglite(pgliteDump, TEST_PGLITE_SETTINGS) : undefined;
    const db = await openDatabase('pglite:memory', { pgliteDump, pgliteLease, pgliteSettings: TEST_PGLITE_SETTINGS });
    if (!pgliteDump) await db.migrate();
    return Object.assign(db, { url: 'pglite:memory' });
  }
  const template = process.env[PG_TEMPLATE_ENV];
  // With the run's template, a database of the worker's pool put back into the template's state (postgresPool.ts).
  const leased = template ? await leasePostgresDb(baseUrl, template) : await emptyAsLease(baseUrl);
  const db = await openDatabase(leased.url, { poolSize: 5 });
  if (!template) await db.migrate();
  const close = db.close.bind(db);
  return Object.assign(db, {
    url: leased.url,
    async close() {
      await close();
      await leased.release();
    },
  });
}

/** Creates an empty PostgreSQL database (for tests that migrate it themselves, or hand its URL to a child process). */
export async function createEmptyPostgresDb(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `pseb_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(baseUrl, `CREATE DATABASE ${quoteIdent(name)}`);
  return { url: databaseUrl(baseUrl, name), drop: () => dropDatabase(baseUrl, name) };
}

async function emptyAsLease(baseUrl: string): Promise<PostgresLease> {
  const empty = await createEmptyPostgresDb(baseUrl);
  return { url: empty.url, release: empty.drop };
}

/** A template file's bytes: read once per jest worker when the runtime keeps them (sharedModulesRuntime.js), else per call. */
function templateBytes(file: string): Uint8Array {
  const kept = (globalThis as { __psebWorkerFiles?: Map<string, Uint8Array> }).__psebWorkerFiles;
  let bytes = kept?.get(file);
  if (!bytes) {
    bytes = readFileSync(file);
    kept?.set(file, bytes);
  }
  return bytes;
}

const dumpAt = (env: string): Blob | undefined => {
  const file = process.env[env];
  return file ? dataDirDump(templateBytes(file)) : undefined;
};

/** The run's migrated PGlite data folder (a dump), when the suite runs on PGlite. */
export const migratedPgliteDump = (): Blob | undefined => dumpAt(PGLITE_DUMP_ENV);

/** An empty PGlite cluster (initdb done once for the run, nothing migrated), on both databases. */
export const emptyPgliteCluster = (): Blob | undefined => dumpAt(PGLITE_EMPTY_DUMP_ENV);

/**
 * Opens PGlite in `dir` (created if missing) with the schema already migrated, and closes it again, so a server or
 * script started on `pglite:<dir>` finds a migrated database there (tests whose subject is not initdb itself).
 */
export async function seedPgliteFolder(dir: string): Promise<void> {
  const migrated = migratedPgliteDump();
  const db = await openDatabase(`pglite:${dir}`, { pgliteDump: migrated ?? emptyPgliteCluster(), pgliteSettings: TEST_PGLITE_SETTINGS });
  try {
    if (!migrated) await db.migrate();
  } finally {
    await db.close();
  }
}

/**
 * One migrated database per test run, copied for each test file: migrating (and, on PGlite, running
 * initdb) once instead of ~40 times is most of what keeps the suite fast. The shipped FAQ knowledge base is
 * synced into it too, as it is in every database the bot has started on once: an app's start then finds
 * nothing to write (a first sync costs ~0.6 s of CPU, a later one ~0.09 s, and most test files start an app).
 * jest's globalSetup builds it; workers find them through environment variables it sets before they start.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../prisma/db';
import type { PGlite } from '@electric-sql/pglite';
import { dataDirDump, EmptyClusters, openPglite, pgliteClientAdapter, pgliteDumpBytes, pgliteMigrationFactory } from '../../prisma/pglite';
import { compactWal, trimWalSegments } from './walTrim';
import { applyMigrations, defaultMigrationPaths } from '../../prisma/migrate';
import { PrismaClient } from '../../generated/prisma/client';
import { syncKbToDb } from '../../bot/faq/faqStore';
import { loadKb } from '../../bot/faq/loadKb';

/**
 * Server settings of every PGlite the tests open: PGlite's default 128 MB of shared buffers is set up again on each
 * start, and a test database holds a few hundred rows. Measured: a start from the migrated dump costs ~0.45 s of CPU
 * with 16 MB against ~1.0 s with the default.
 */
export const TEST_PGLITE_SETTINGS = { shared_buffers: '16MB' } as const;

/** Path of the migrated PGlite data-folder dump (a tar file). */
export const PGLITE_DUMP_ENV = 'PSEB_TEST_PGLITE_DUMP';
/** Path of an empty PGlite cluster's dump (initdb done, nothing migrated): for tests of migrating from nothing. */
export const PGLITE_EMPTY_DUMP_ENV = 'PSEB_TEST_PGLITE_EMPTY_DUMP';
/** Name of the migrated PostgreSQL template database. */
export const PG_TEMPLATE_ENV = 'PSEB_TEST_PG_TEMPLATE';

/**
 * Builds the run's templates; returns how to remove them. An empty PGlite cluster is dumped on both
 * databases (tests of migrating from nothing, and of PGlite itself, run on both); the migrated template is
 * a PGlite dump, or a PostgreSQL database when `postgresUrl` is given.
 */
export async function buildTemplate(postgresUrl: string | undefined): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'pseb-test-template-'));
  const removeDir = async () => rmSync(dir, { recursive: true, force: true });
  const pglite = openPglite('memory', undefined, TEST_PGLITE_SETTINGS);
  try {
    await pglite.waitReady;
    await dropTemplateDatabases(pglite);
    const save = async (name: string): Promise<string> => {
      const file = join(dir, name);
      await compactWal(pglite);
      writeFileSync(file, trimWalSegments(await pgliteDumpBytes(pglite)), { mode: 0o600 });
      return file;
    };
    const empty = await save('empty.tar');
    process.env[PGLITE_EMPTY_DUMP_ENV] = empty;
    if (!postgresUrl) {
      const shadows = new EmptyClusters(dataDirDump(readFileSync(empty)), TEST_PGLITE_SETTINGS);
      await applyMigrations(pgliteMigrationFactory(pglite, shadows), defaultMigrationPaths);
      const prisma = new PrismaClient({ adapter: pgliteClientAdapter(pglite) });
      try {
        await syncKbToDb(prisma, loadKb());
      } finally {
        await prisma.$disconnect();
      }
      process.env[PGLITE_DUMP_ENV] = await save('migrated.tar');
      return removeDir;
    }
  } finally {
    await pglite.close();
  }
  const name = `pseb_template_${randomBytes(6).toString('hex')}`;
  await adminQuery(postgresUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase(url.toString(), { poolSize: 1 });
  try {
    await db.migrate();
    await syncKbToDb(db.prisma, loadKb());
  } finally {
    await db.close();
  }
  process.env[PG_TEMPLATE_ENV] = name;
  return async () => {
    await removeDir();
    await adminQuery(postgresUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  };
}

/**
 * Drops initdb's template0 and template1 from a test cluster: PGlite serves one database (`postgres`) and the tests
 * never create another, but every copy of the cluster would carry their 15 MB. Measured: opening a copy of the migrated
 * dump costs ~1.0 s of CPU instead of ~2.0 s (42 MB → 26.5 MB), and the suite opens about a hundred of them.
 */
async function dropTemplateDatabases(pglite: PGlite): Promise<void> {
  // One statement per call: a multi-statement string runs as one transaction, and DROP DATABASE refuses that.
  for (const statement of [
    'ALTER DATABASE template0 WITH ALLOW_CONNECTIONS false IS_TEMPLATE false',
    'DROP DATABASE template0',
    'ALTER DATABASE template1 WITH IS_TEMPLATE false',
    'DROP DATABASE template1',
    'CHECKPOINT',
  ])
    await pglite.exec(statement);
}

export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * One migrated database per test run, copied for each test file: migrating (and, on PGlite, running
 * initdb) once instead of ~40 times is most of what keeps the suite fast. The shipped FAQ knowledge base is
 * synced into it too, as it is in every database the bot has started on once: an app's start then finds
 * nothing to write (a first sync costs ~0.6 s of CPU, a later one ~0.09 s, and most test files start an app).
 * jest's globalSetup builds it; workers find them through environment variables it sets before they start.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openDatabase } from '../../prisma/db';
import type { PGlite } from '@electric-sql/pglite';
import { dataDirDump, EmptyClusters, openPglite, pgliteClientAdapter, pgliteDumpBytes, pgliteMigrationFactory } from '../../prisma/pglite';
import { compactWal, trimWalSegments } from './walTrim';
import { adminQuery, databaseUrl, dropDatabase, quoteIdent } from './pgAdmin';
import { dropLeased } from './postgresPool';
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
  const empty = join(dir, 'empty.tar');
  const emptyDump = await emptyCluster();
  writeFileSync(empty, emptyDump, { mode: 0o600 });
  process.env[PGLITE_EMPTY_DUMP_ENV] = empty;
  if (!postgresUrl) {
    const pglite = openPglite('memory', dataDirDump(emptyDump), TEST_PGLITE_SETTINGS);
    try {
      await pglite.waitReady;
      const shadows = new EmptyClusters(dataDirDump(emptyDump), TEST_PGLITE_SETTINGS);
      await applyMigrations(pgliteMigrationFactory(pglite, shadows), defaultMigrationPaths);
      const prisma = new PrismaClient({ adapter: pgliteClientAdapter(pglite) });
      try {
        await syncKbToDb(prisma, loadKb());
      } finally {
        await prisma.$disconnect();
      }
      const migrated = join(dir, 'migrated.tar');
      writeFileSync(migrated, await trimmedDump(pglite), { mode: 0o600 });
      process.env[PGLITE_DUMP_ENV] = migrated;
      return removeDir;
    } finally {
      await pglite.close();
    }
  }
  const name = `pseb_template_${randomBytes(6).toString('hex')}`;
  await adminQuery(postgresUrl, `CREATE DATABASE ${quoteIdent(name)}`);
  const db = await openDatabase(databaseUrl(postgresUrl, name), { poolSize: 1 });
  try {
    await db.migrate();
    await syncKbToDb(db.prisma, loadKb());
  } finally {
    await db.close();
  }
  process.env[PG_TEMPLATE_ENV] = name;
  return async () => {
    await removeDir();
    // The databases the workers' pools still hold are named after the template (postgresPool.ts).
    await dropLeased(postgresUrl, name);
    await dropDatabase(postgresUrl, name);
  };
}

/**
 * Where the empty cluster is kept between runs. initdb costs ~4–5 s of CPU and gives the same cluster every time for the
 * same PGlite and the same code building it, so the first run keeps it in node_modules/.cache (npm ci starts it afresh;
 * on CI the PostgreSQL run reuses what the PGlite run made). The key: PGlite's version, the test settings, and the text
 * of this file and walTrim.ts.
 */
function emptyClusterCache(): string {
  const pglitePackage = join(dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json');
  const key = createHash('sha256')
    .update(readFileSync(pglitePackage))
    .update(JSON.stringify(TEST_PGLITE_SETTINGS))
    .update(readFileSync(__filename))
    .update(readFileSync(join(__dirname, 'walTrim.ts')))
    .digest('hex')
    .slice(0, 16);
  return join(__dirname, '../../node_modules/.cache/pseb-test-templates', `empty-${key}.tar`);
}

/**
 * The empty cluster's dump (initdb, template databases dropped, WAL trimmed): from the cache, or made now and kept there —
 * written under another name first, so a run never reads half a file.
 */
async function emptyCluster(): Promise<Uint8Array> {
  const cache = emptyClusterCache();
  if (existsSync(cache)) return readFileSync(cache);
  const pglite = openPglite('memory', undefined, TEST_PGLITE_SETTINGS);
  try {
    await pglite.waitReady;
    await dropTemplateDatabases(pglite);
    const dump = await trimmedDump(pglite);
    mkdirSync(dirname(cache), { recursive: true });
    const partial = `${cache}.${process.pid}`;
    writeFileSync(partial, dump, { mode: 0o600 });
    renameSync(partial, cache);
    return dump;
  } finally {
    await pglite.close();
  }
}

/** A PGlite's data folder as a dump whose WAL holds a few KB instead of a 16 MB segment (`walTrim.ts`). */
async function trimmedDump(pglite: PGlite): Promise<Uint8Array> {
  await compactWal(pglite);
  return trimWalSegments(await pgliteDumpBytes(pglite));
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

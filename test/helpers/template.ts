/**
 * One migrated database per test run, copied for each test file: migrating (and, on PGlite, running
 * initdb) once instead of ~40 times is most of what keeps the suite fast. jest's globalSetup builds it;
 * workers find it through two environment variables it sets before they start.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../prisma/db';
import { openPglite, pgliteMigrationFactory } from '../../prisma/pglite';
import { applyMigrations, defaultMigrationPaths } from '../../prisma/migrate';

/** Path of the migrated PGlite data-folder dump (a tar file). */
export const PGLITE_DUMP_ENV = 'PSEB_TEST_PGLITE_DUMP';
/** Name of the migrated PostgreSQL template database. */
export const PG_TEMPLATE_ENV = 'PSEB_TEST_PG_TEMPLATE';

/** Builds the run's template; returns how to remove it. */
export async function buildTemplate(postgresUrl: string | undefined): Promise<() => Promise<void>> {
  if (!postgresUrl) {
    const pglite = openPglite('memory');
    try {
      await applyMigrations(pgliteMigrationFactory(pglite), defaultMigrationPaths);
      const dump = await pglite.dumpDataDir('none');
      const dir = mkdtempSync(join(tmpdir(), 'pseb-test-template-'));
      const file = join(dir, 'pgdata.tar');
      writeFileSync(file, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
      process.env[PGLITE_DUMP_ENV] = file;
      return async () => rmSync(dir, { recursive: true, force: true });
    } finally {
      await pglite.close();
    }
  }
  const name = `pseb_template_${randomBytes(6).toString('hex')}`;
  await adminQuery(postgresUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase(url.toString(), { poolSize: 1 });
  try {
    await db.migrate();
  } finally {
    await db.close();
  }
  process.env[PG_TEMPLATE_ENV] = name;
  return () => adminQuery(postgresUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
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

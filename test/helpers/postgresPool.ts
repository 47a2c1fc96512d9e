/**
 * One PostgreSQL test database lent to test file after test file of a jest worker, instead of a new copy of the run's
 * template per file. Measured on this machine's PostgreSQL 15 during a whole run: `CREATE DATABASE … TEMPLATE` took
 * ~0.8 s and `DROP DATABASE` ~0.9 s per file (a drop waits for a checkpoint, which also flushes the other workers'
 * databases); putting a used database back as the template had it takes a few tens of milliseconds.
 *
 * Given back, a database is first cut off from its file: every session still connected to it (the file's pools, a
 * child process, a second app instance) is terminated, and the database is renamed, so the file's URL names no database
 * any more — late work through it fails as it did when the database was dropped. Then its tables are put back as the
 * template had them (templateState.ts): every table but `_prisma_migrations` emptied, the template's rows inserted
 * again, every sequence set back. The equality is a test (`postgresPool.test.ts`), against a fresh copy of the template.
 *
 * The free databases' names live in `__psebWorkerDatabases`, which the jest runtime (sharedModulesRuntime.js) hands to
 * each test file of the worker. Every database of the pool is named after the run's template (`<template>_<random>`),
 * so the run's teardown drops whatever the workers still hold (`dropLeased`). Outside that runtime each lease is a
 * database of its own, dropped on release.
 */
import { randomBytes } from 'node:crypto';
import { adminQuery, databaseUrl, dropDatabase, quoteIdent, withClient } from './pgAdmin';
import { readTemplate, restoreTemplate, type TemplateState } from './templateState';

/** The worker's free databases and the template's state, read once (the runtime's object; absent outside it). */
interface WorkerDatabases {
  free: string[];
  template?: TemplateState;
}

/** A database lent to one test file. */
export interface PostgresLease {
  /** Its URL; it names no database once the lease is given back. */
  readonly url: string;
  release(): Promise<void>;
}

/** At most this many databases wait for the next file (a file that runs two instances leaves two). */
const MAX_FREE = 2;

function workerDatabases(): WorkerDatabases | undefined {
  return (globalThis as { __psebWorkerDatabases?: WorkerDatabases }).__psebWorkerDatabases;
}

const newName = (template: string): string => `${template}_${randomBytes(6).toString('hex')}`;

/**
 * A database in the state of the template database `template` on the server at `baseUrl`: one given back by an earlier
 * file of this worker, or a new copy.
 */
export async function leasePostgresDb(baseUrl: string, template: string): Promise<PostgresLease> {
  const pool = workerDatabases();
  let name = pool?.free.pop();
  if (!name) {
    name = newName(template);
    await adminQuery(baseUrl, `CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`);
    // Read from a copy nobody has touched yet: connecting to the template itself would stop other workers copying it.
    if (pool && !pool.template) pool.template = await withClient(databaseUrl(baseUrl, name), readTemplate);
  }
  const leased = name;
  let released = false;
  return {
    url: databaseUrl(baseUrl, leased),
    async release() {
      if (released) return;
      released = true;
      await giveBack(baseUrl, template, leased, pool);
    },
  };
}

/** Cuts a used database off from its file, then keeps it for the next file (put back as the template was) or drops it. */
async function giveBack(baseUrl: string, template: string, name: string, pool: WorkerDatabases | undefined): Promise<void> {
  const state = pool?.template;
  if (!pool || !state || pool.free.length >= MAX_FREE) return dropDatabase(baseUrl, name);
  const renamed = newName(template);
  try {
    await withClient(baseUrl, async (query) => {
      // pg_terminate_backend with a timeout waits until each session has gone, so the rename finds none.
      await query('SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      await query(`ALTER DATABASE ${quoteIdent(name)} RENAME TO ${quoteIdent(renamed)}`);
    });
  } catch {
    return dropDatabase(baseUrl, name);
  }
  try {
    await withClient(databaseUrl(baseUrl, renamed), async (query) => {
      await query('BEGIN');
      await restoreTemplate(query, state);
      await query('COMMIT');
    });
    pool.free.push(renamed);
  } catch {
    await dropDatabase(baseUrl, renamed);
  }
}

/** Drops every database the workers' pools made from `template` (the run's teardown: workers exit holding some). */
export async function dropLeased(baseUrl: string, template: string): Promise<void> {
  const names = await withClient(baseUrl, async (query) =>
    (await query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [`${template}_`])).rows.map(
      (r) => r.datname,
    ),
  );
  for (const name of names) await dropDatabase(baseUrl, name);
}

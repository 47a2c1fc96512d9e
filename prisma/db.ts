/**
 * The database: a Prisma client over embedded PGlite (default, zero setup) or PostgreSQL
 * (production, several instances), plus the migration runner bound to the same connection.
 */
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { PGlite } from '@electric-sql/pglite';
import type { PgliteSettings } from './pglite';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client';
import { parseDatabaseUrl, postgresClientAdapter, postgresPool, postgresMigrationFactory, type DatabaseTarget } from './adapters';
import { applyMigrations, defaultMigrationPaths, shippedMigrationNames, type MigrationPaths } from './migrate';
import { PgliteNotifications, PostgresNotifications, poolSender, type Notifications } from './notifications';
import { pgliteRunner, poolRunner, type SqlRunner } from './sql';

export type { PrismaClient, Notifications, SqlRunner };

/** Connections of the PostgreSQL pool (PGlite has none: it is in-process). */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

export interface Database {
  readonly prisma: PrismaClient;
  readonly target: DatabaseTarget;
  /** Applies pending migrations; returns the names applied now. */
  migrate(paths?: MigrationPaths): Promise<string[]>;
  /** A factory the migration engine can use (create / status). */
  migrationFactory(): SqlMigrationAwareDriverAdapterFactory;
  /** Null when reachable and fully migrated, else the reason. */
  health(): Promise<string | null>;
  /** Plain SQL on the same connections, for the hot statements of a turn. */
  readonly sql: SqlRunner;
  /** LISTEN/NOTIFY wake-ups between instances. */
  readonly notifications: Notifications;
  /** The PostgreSQL pool's connections now; undefined on PGlite. */
  poolStats(): PoolStats | undefined;
  close(): Promise<void>;
}

/** An open PGlite lent to one Database, given back on close. */
export interface PgliteLease {
  readonly pglite: PGlite;
  release(): Promise<void>;
}

export interface OpenOptions {
  poolSize?: number;
  /** PGlite only: start from this data-folder dump (`dumpDataDir`) instead of an empty cluster (skips initdb). */
  pgliteDump?: Blob;
  /** PGlite only: an empty cluster's dump to copy for the migration engine's shadow databases (skips their initdb). */
  pgliteEmptyClusterDump?: Blob;
  /**
   * PGlite only: server settings on top of PGlite's defaults, for this database and its shadow databases (the tests
   * start theirs with a smaller `shared_buffers`, which halves the CPU a start costs).
   */
  pgliteSettings?: PgliteSettings;
  /**
   * PGlite only: an already open PGlite to use instead of opening one, and what to do with it on close instead of
   * closing it (the tests hand one PGlite to test file after test file of a worker, reset in between).
   */
  pgliteLease?: PgliteLease;
  /** Where failures of the notification connection go (they never fail a caller). */
  onNotificationError?: (err: unknown) => void;
}

/** Opens the database named by a URL (`postgres://…`, `pglite:<dir>`, `pglite:memory`). */
export async function openDatabase(url: string, options: OpenOptions = {}): Promise<Database> {
  const target = parseDatabaseUrl(url);
  const onNotificationError = options.onNotificationError ?? (() => undefined);
  if (target.kind === 'pglite') {
    // Loaded only here: an instance on PostgreSQL never carries PGlite.
    const { EmptyClusters, openPglite, restrictPglitePermissions, pgliteClientAdapter, pgliteMigrationFactory } = await import('./pglite');
    const lease = options.pgliteLease;
    const pglite = lease?.pglite ?? openPglite(target.dir, options.pgliteDump, options.pgliteSettings);
    await pglite.waitReady;
    restrictPglitePermissions(target.dir);
    const shadows = new EmptyClusters(options.pgliteEmptyClusterDump, options.pgliteSettings);
    return makeDatabase({
      target,
      prisma: new PrismaClient({ adapter: pgliteClientAdapter(pglite) }),
      migrationFactory: () => pgliteMigrationFactory(pglite, shadows),
      sql: pgliteRunner(pglite),
      notifications: new PgliteNotifications(pglite, onNotificationError),
      poolStats: () => undefined,
      closeDriver: async () => {
        if (lease) return lease.release();
        // An unclosed PGlite keeps the process alive.
        await pglite.close();
        // Files created while open (tables of later migrations, WAL segments) sat in the 0700 folder; tighten them too.
        restrictPglitePermissions(target.dir);
      },
    });
  }
  if (target.schema) await ensureSchema(target.url, target.schema);
  const pool = postgresPool(target.url, target.schema, options.poolSize);
  const max = options.poolSize ?? 10;
  return makeDatabase({
    target,
    prisma: new PrismaClient({ adapter: postgresClientAdapter(pool, target.schema) }),
    migrationFactory: () => postgresMigrationFactory(target.url, target.schema),
    sql: poolRunner(pool),
    notifications: new PostgresNotifications(target.url, target.schema, poolSender(pool), onNotificationError),
    poolStats: () => (pool.ended ? undefined : { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max }),
    closeDriver: async () => undefined,
  });
}

interface DatabaseParts {
  target: DatabaseTarget;
  prisma: PrismaClient;
  migrationFactory: () => SqlMigrationAwareDriverAdapterFactory;
  sql: SqlRunner;
  notifications: Notifications;
  poolStats: () => PoolStats | undefined;
  closeDriver: () => Promise<void>;
}

/** The raw PGlite handle is never exposed; tests that need SQL use prisma.$queryRaw. */
function makeDatabase({ target, prisma, migrationFactory, sql, notifications, poolStats, closeDriver }: DatabaseParts): Database {
  return {
    prisma,
    target,
    sql,
    async migrate(paths = defaultMigrationPaths) {
      // Nothing pending (every start but the first): skip loading the wasm schema engine, which would
      // stay in memory for the life of the process.
      if (paths === defaultMigrationPaths && (await checkHealth(prisma)) === null) return [];
      return applyMigrations(migrationFactory(), paths);
    },
    migrationFactory,
    health: () => checkHealth(prisma),
    notifications,
    poolStats,
    async close() {
      await notifications.close();
      await prisma.$disconnect();
      await closeDriver();
    },
  };
}

async function ensureSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** Reachable, and every shipped migration applied and finished. */
async function checkHealth(prisma: PrismaClient): Promise<string | null> {
  let applied: { migration_name: string }[];
  try {
    applied = await prisma.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return /_prisma_migrations/.test(message) && /does not exist/.test(message) ? 'database not migrated' : 'database unreachable';
  }
  const done = new Set(applied.map((r) => r.migration_name));
  const missing = (await shippedMigrationNames()).filter((name) => !done.has(name));
  return missing.length ? `migrations pending: ${missing.join(', ')}` : null;
}

export type { PGlite };

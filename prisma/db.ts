/**
 * The database: a Prisma client over embedded PGlite (default, zero setup) or PostgreSQL
 * (production, several instances), plus the migration runner bound to the same connection.
 */
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client';
import {
  openPglite,
  restrictPglitePermissions,
  parseDatabaseUrl,
  pgliteClientAdapter,
  pgliteMigrationFactory,
  postgresClientAdapter,
  postgresMigrationFactory,
  type DatabaseTarget,
} from './adapters';
import { applyMigrations, defaultMigrationPaths, shippedMigrationNames, type MigrationPaths } from './migrate';

export type { PrismaClient };

export interface Database {
  readonly prisma: PrismaClient;
  readonly target: DatabaseTarget;
  /** Applies pending migrations; returns the names applied now. */
  migrate(paths?: MigrationPaths): Promise<string[]>;
  /** A factory the migration engine can use (create / status). */
  migrationFactory(): SqlMigrationAwareDriverAdapterFactory;
  /** Null when reachable and fully migrated, else the reason. */
  health(): Promise<string | null>;
  close(): Promise<void>;
}

export interface OpenOptions {
  poolSize?: number;
  /** PGlite only: start from this data-folder dump (`dumpDataDir`) instead of an empty cluster (skips initdb). */
  pgliteDump?: Blob;
}

/** Opens the database named by a URL (`postgres://…`, `pglite:<dir>`, `pglite:memory`). */
export async function openDatabase(url: string, options: OpenOptions = {}): Promise<Database> {
  const target = parseDatabaseUrl(url);
  if (target.kind === 'pglite') {
    const pglite = openPglite(target.dir, options.pgliteDump);
    await pglite.waitReady;
    restrictPglitePermissions(target.dir);
    return makeDatabase(target, new PrismaClient({ adapter: pgliteClientAdapter(pglite) }), () => pgliteMigrationFactory(pglite), async () => {
      // An unclosed PGlite keeps the process alive.
      await pglite.close();
      // Files created while open (tables of later migrations, WAL segments) sat in the 0700 folder; tighten them too.
      restrictPglitePermissions(target.dir);
    });
  }
  if (target.schema) await ensureSchema(target.url, target.schema);
  const prisma = new PrismaClient({ adapter: postgresClientAdapter(target.url, target.schema, options.poolSize) });
  return makeDatabase(target, prisma, () => postgresMigrationFactory(target.url, target.schema), async () => undefined);
}

/** The raw PGlite handle is never exposed; tests that need SQL use prisma.$queryRaw. */
function makeDatabase(
  target: DatabaseTarget,
  prisma: PrismaClient,
  migrationFactory: () => SqlMigrationAwareDriverAdapterFactory,
  closeDriver: () => Promise<void>,
): Database {
  return {
    prisma,
    target,
    migrate: (paths = defaultMigrationPaths) => applyMigrations(migrationFactory(), paths),
    migrationFactory,
    health: () => checkHealth(prisma),
    async close() {
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

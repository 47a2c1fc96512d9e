/**
 * Driver adapters for the two databases we run on, for the Prisma client and for the migration
 * engine alike. Work-arounds come from docs/prisma-offline.md and are explained inline.
 */
import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

/** Where the data lives: embedded PGlite (a folder, or memory) or a PostgreSQL server. */
export type DatabaseTarget = { kind: 'pglite'; dir: string | 'memory' } | { kind: 'postgres'; url: string; schema?: string };

/** `postgres://…` → PostgreSQL; `pglite:<dir>` / `pglite:memory` → PGlite. */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('pglite:')) return { kind: 'pglite', dir: url.slice('pglite:'.length) || 'memory' };
  if (/^postgres(ql)?:\/\//.test(url)) {
    // `?schema=` is Prisma's convention; pg would send it to the server as a setting, so take it off.
    const parsed = new URL(url);
    const schema = parsed.searchParams.get('schema') ?? undefined;
    parsed.searchParams.delete('schema');
    return { kind: 'postgres', url: parsed.toString(), schema };
  }
  throw new Error(`DATABASE_URL must start with postgres://, postgresql:// or pglite: (got "${url.split(':')[0]}:")`);
}

/** Opens an embedded PGlite; it does not create parent folders itself. */
export function openPglite(dir: string | 'memory', loadDataDir?: Blob): PGlite {
  if (dir === 'memory') return new PGlite(loadDataDir ? { loadDataDir } : undefined);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  return new PGlite(dir, loadDataDir ? { loadDataDir } : undefined);
}

/**
 * The embedded database holds personal data: its folder is the owner's only (0700), so whatever PGlite
 * writes later is out of others' reach, and what it has written is made 0600 (folders 0700) as well.
 */
export function restrictPglitePermissions(dir: string | 'memory'): void {
  if (dir === 'memory') return;
  const walk = (path: string): void => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) {
        chmodSync(child, 0o700);
        walk(child);
      } else if (entry.isFile()) chmodSync(child, 0o600);
    }
  };
  chmodSync(dir, 0o700);
  walk(dir);
}

/**
 * pglite-prisma-adapter 0.7.2's executeScript() fires client.exec() without awaiting it, so failures
 * become unhandled rejections and the migration engine carries on. Await it.
 */
function awaitExecuteScript(adapter: SqlDriverAdapter, client: PGlite): SqlDriverAdapter {
  adapter.executeScript = async (script: string) => {
    await client.exec(script);
  };
  return adapter;
}

/**
 * Empty in-memory clusters, for the migration engine's shadow databases. initdb is most of the cost of a
 * new PGlite, so it runs once: later clusters are copies of that first one's data folder (or of `dump`,
 * an empty cluster dumped earlier).
 */
export class EmptyClusters {
  private snapshot?: Promise<Blob>;

  constructor(dump?: Blob) {
    if (dump) this.snapshot = Promise.resolve(dump);
  }

  async open(): Promise<PGlite> {
    this.snapshot ??= EmptyClusters.initdb();
    const pending = this.snapshot;
    try {
      const db = new PGlite({ loadDataDir: await pending });
      await db.waitReady;
      return db;
    } catch (err) {
      if (this.snapshot === pending) this.snapshot = undefined;
      throw err;
    }
  }

  private static async initdb(): Promise<Blob> {
    const db = new PGlite();
    try {
      await db.waitReady;
      return await db.dumpDataDir('none');
    } finally {
      await db.close();
    }
  }
}

/** A migration-aware factory over an open PGlite; shadow databases are fresh in-memory clusters. */
export function pgliteMigrationFactory(db: PGlite, shadows: EmptyClusters = new EmptyClusters()): SqlMigrationAwareDriverAdapterFactory {
  const base = new PrismaPGlite(db);
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => awaitExecuteScript(await base.connect(), db),
    connectToShadowDb: async () => {
      const shadowDb = await shadows.open();
      const adapter = awaitExecuteScript(await new PrismaPGlite(shadowDb).connect(), shadowDb);
      adapter.dispose = async () => shadowDb.close();
      return adapter;
    },
  };
}

/** The Prisma client adapter for an open PGlite. */
export function pgliteClientAdapter(db: PGlite): PrismaPGlite {
  return new PrismaPGlite(db);
}

/**
 * The schema engine's describer selects pg_catalog "char" columns (OID 18), which
 * @prisma/adapter-pg 7.10 rejects as an unsupported native type. Report them as text (OID 25).
 */
class CharAsTextPool extends pg.Pool {
  // pg's overloads make a faithful override signature impractical; the result is passed through.
  override query(...args: unknown[]): never {
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      return (result as Promise<pg.QueryResult>).then((r) => {
        for (const f of r?.fields ?? []) if (f.dataTypeID === 18) f.dataTypeID = 25;
        return r;
      }) as never;
    }
    return result as never;
  }
}

/** A migration-aware factory for PostgreSQL (the migration engine only; the app uses postgresClientAdapter). */
export function postgresMigrationFactory(url: string, schema?: string): SqlMigrationAwareDriverAdapterFactory {
  const factoryFor = (connectionString: string) =>
    new PrismaPg(new CharAsTextPool({ connectionString, options: searchPathOption(schema) }), {
      schema,
      disposeExternalPool: true,
    });
  const base = factoryFor(url);
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: () => base.connect(),
    // PrismaPg.connectToShadowDb() drops the temp database before ending its pool, which fails
    // ("being accessed by other users") and leaks it. Own version: end the pool first, then drop.
    async connectToShadowDb() {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      const database = `prisma_migrate_shadow_db_${randomUUID().replace(/-/g, '')}`;
      await admin.query(`CREATE DATABASE "${database}"`);
      const shadowUrl = new URL(url);
      shadowUrl.pathname = '/' + database;
      shadowUrl.searchParams.delete('schema');
      const shadow = await factoryFor(shadowUrl.toString()).connect();
      const release = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await release();
        await admin.query(`DROP DATABASE IF EXISTS "${database}"`);
        await admin.end();
      };
      return shadow;
    },
  };
}

/** The app's connection pool to PostgreSQL. */
export function postgresPool(url: string, schema?: string, poolSize = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: searchPathOption(schema) });
  // An idle client losing its server (restart, outage) emits 'error' on the pool; without a
  // listener that would crash the process. The next query reconnects.
  pool.on('error', () => undefined);
  return pool;
}

/** The Prisma client adapter for PostgreSQL over the app's pool (ended when the client disconnects). */
export function postgresClientAdapter(pool: pg.Pool, schema?: string): PrismaPg {
  return new PrismaPg(pool, { schema, disposeExternalPool: true });
}

function searchPathOption(schema?: string): string | undefined {
  return schema ? `-c search_path="${schema}"` : undefined;
}

/**
 * Driver adapters for PostgreSQL, for the Prisma client and for the migration engine alike, and the
 * parsing of DATABASE_URL (PGlite's adapters are in ./pglite.ts, loaded only when PGlite is used).
 * Work-arounds come from docs/prisma-offline.md and are explained inline.
 */
import { randomUUID } from 'node:crypto';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
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

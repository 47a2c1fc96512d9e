/**
 * The embedded database: PGlite and its driver adapters for the Prisma client and the migration engine.
 * Its own module, so an instance on PostgreSQL never loads PGlite (prisma/db.ts imports it on demand).
 * Work-arounds come from docs/prisma-offline.md and are explained inline.
 */
import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';

/**
 * A data-folder dump (a tar file's bytes) in the form PGlite's `loadDataDir` takes. PGlite only reads it with
 * `arrayBuffer()`; a Node 20 Blob would copy a 40 MB dump in and then out again in small chunks, which costs
 * 0.5–1.5 s per load (measured) against a few milliseconds here.
 */
export function dataDirDump(bytes: Uint8Array): Blob {
  return new DataDirDump(bytes);
}

class DataDirDump extends Blob {
  constructor(private readonly contents: Uint8Array) {
    super([]);
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.contents.slice().buffer);
  }
}

/** The bytes of a PGlite's data folder (an uncompressed tar), to keep or to start another PGlite from. */
export async function pgliteDumpBytes(db: PGlite): Promise<Uint8Array> {
  return new Uint8Array(await (await db.dumpDataDir('none')).arrayBuffer());
}

/** A PGlite's data folder as a dump `openPglite` and `EmptyClusters` can start from. */
export async function dumpPglite(db: PGlite): Promise<Blob> {
  return dataDirDump(await pgliteDumpBytes(db));
}

/** PostgreSQL server settings (`name → value`) for an embedded PGlite, on top of PGlite's own start parameters. */
export type PgliteSettings = Readonly<Record<string, string>>;

/** PGlite's constructor options for a start from `loadDataDir` (if any) with `settings` (if any). */
function pgliteOptions(loadDataDir?: Blob, settings?: PgliteSettings): PGliteOptions | undefined {
  const startParams = settings
    ? [...PGlite.defaultStartParams, ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`])]
    : undefined;
  if (!loadDataDir && !startParams) return undefined;
  return { ...(loadDataDir && { loadDataDir }), ...(startParams && { startParams }) };
}

/** Opens an embedded PGlite; it does not create parent folders itself. */
export function openPglite(dir: string | 'memory', loadDataDir?: Blob, settings?: PgliteSettings): PGlite {
  const options = pgliteOptions(loadDataDir, settings);
  if (dir === 'memory') return new PGlite(options);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  return new PGlite(dir, options);
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

  constructor(
    dump?: Blob,
    private readonly settings?: PgliteSettings,
  ) {
    if (dump) this.snapshot = Promise.resolve(dump);
  }

  async open(): Promise<PGlite> {
    this.snapshot ??= EmptyClusters.initdb();
    const pending = this.snapshot;
    try {
      const db = new PGlite(pgliteOptions(await pending, this.settings));
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
      return await dumpPglite(db);
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

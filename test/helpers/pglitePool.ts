/**
 * One PGlite lent to test file after test file of a jest worker, instead of a new one per file. Starting a PGlite
 * from the run's migrated dump costs 0.65–1.0 s of CPU on this machine (its file bundle and the 40 MB dump unpacked
 * into a new memory file system, postgres started); putting one back as the template left it costs ~0.06 s.
 *
 * Between files the database is put back exactly as the dump had it: every table but `_prisma_migrations` emptied,
 * the rows the template holds (the synced knowledge base) inserted again, every sequence set back. The equality is a
 * test (`pglitePool.test.ts`), against a PGlite freshly started from the dump. What a file may leave in the session
 * (a transaction, settings, LISTENs, prepared statements) is discarded as well.
 *
 * A lease is a guard around the PGlite: once given back, every call through it is refused as a closed PGlite's would
 * be, so work a file left running (a timer, a late turn) can never read or write the next file's data.
 *
 * The free PGlites live in `__psebWorkerPglites`, which the jest runtime (sharedModulesRuntime.js) hands to each test
 * file of the worker, with PGlite itself loaded once per worker. Outside that runtime each lease is a PGlite of its own.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { PgliteLease } from '../../prisma/db';
import { openPglite, type PgliteSettings } from '../../prisma/pglite';
import { readTemplate, restoreTemplate, type Query, type TemplateState } from './templateState';

interface PooledPglite {
  readonly pglite: PGlite;
  readonly template: TemplateState;
}

/** The worker's free PGlites (the runtime's object; absent outside it). */
interface WorkerPglites {
  free: PooledPglite[];
}

/** At most this many PGlites wait for the next file (a file that runs two instances leaves two). */
const MAX_FREE = 2;

function workerPglites(): WorkerPglites | undefined {
  return (globalThis as { __psebWorkerPglites?: WorkerPglites }).__psebWorkerPglites;
}

/**
 * A PGlite in the state of `dump`: one given back by an earlier file of this worker, or a new one. The pool holds PGlites
 * of one dump only — the run's migrated template, the only one `createTestDb` passes.
 */
export async function leasePglite(dump: Blob, settings: PgliteSettings): Promise<PgliteLease> {
  const pool = workerPglites();
  const pooled = pool?.free.pop() ?? (await startPooled(dump, settings));
  let released = false;
  const guarded = new Proxy(pooled.pglite, {
    get(target, property) {
      if (property === 'closed' && released) return true;
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (released) return () => Promise.reject(new Error('PGlite is closed'));
      return (value as (...args: unknown[]) => unknown).bind(target);
    },
  });
  return {
    pglite: guarded,
    async release() {
      if (released) return;
      released = true;
      if (!pool || pool.free.length >= MAX_FREE) return pooled.pglite.close();
      try {
        await restorePooled(pooled);
        pool.free.push(pooled);
      } catch {
        await pooled.pglite.close().catch(() => undefined);
      }
    },
  };
}

async function startPooled(dump: Blob, settings: PgliteSettings): Promise<PooledPglite> {
  const pglite = openPglite('memory', dump, settings);
  await pglite.waitReady;
  return { pglite, template: await readTemplate(queryOf(pglite)) };
}

/** A PGlite's `query` as the template state's functions take it. */
export const queryOf =
  (pglite: Pick<PGlite, 'query'>): Query =>
  (sql, params) =>
    pglite.query(sql, params);

/** Puts a PGlite a file has used back into the template's state. */
async function restorePooled({ pglite, template }: PooledPglite): Promise<void> {
  // A transaction left open is rolled back; DISCARD ALL drops settings, LISTENs, prepared statements, temporary tables.
  if (pglite.isInTransaction()) await pglite.exec('ROLLBACK');
  await pglite.exec('DISCARD ALL');
  await pglite.transaction((tx) => restoreTemplate(queryOf(tx), template));
}

/**
 * The worker's PGlite pool (pglitePool.ts): a PGlite given back by one test file reaches the next in exactly the state
 * of a PGlite freshly started from the run's dump, and a file's leftover work cannot reach it through its old lease.
 */
import type { PGlite } from '@electric-sql/pglite';
import { openPglite } from '../../prisma/pglite';
import { migratedPgliteDump, onPostgres, TEST_PGLITE_SETTINGS } from './db';
import { changeLikeATestFile, contentsFingerprint } from './dbFingerprint';
import { leasePglite, queryOf } from './pglitePool';

const pool = (globalThis as { __psebWorkerPglites?: { free: unknown[] } }).__psebWorkerPglites;

/** The contents (dbFingerprint.ts) and what a file may leave in the session. */
async function fingerprint(pglite: PGlite): Promise<Record<string, unknown>> {
  const [session] = (
    await pglite.query(
      `SELECT current_setting('statement_timeout') AS timeout, current_setting('search_path') AS path,
              (SELECT count(*) FROM pg_listening_channels()) AS listening, (SELECT count(*) FROM pg_prepared_statements) AS prepared`,
    )
  ).rows;
  return { ...(await contentsFingerprint(queryOf(pglite))), session, inTransaction: pglite.isInTransaction() };
}

/** A file's worth of changes, and session state left behind. */
async function useLikeATestFile(pglite: PGlite): Promise<void> {
  await changeLikeATestFile(queryOf(pglite));
  await pglite.exec(
    `SET statement_timeout = '5s'; SET search_path = pg_catalog; LISTEN somewhere; PREPARE left_behind AS SELECT 1; BEGIN; DELETE FROM public.bot_state;`,
  );
}

const describeOnPglite = onPostgres ? describe.skip : describe;

describeOnPglite('the worker PGlite pool', () => {
  it('hands the next file a PGlite in exactly the state of one freshly started from the dump', async () => {
    const dump = migratedPgliteDump()!;
    const fresh = openPglite('memory', dump, TEST_PGLITE_SETTINGS);
    try {
      const expected = await fingerprint(fresh);
      expect(Object.keys(expected.contents as object).length).toBeGreaterThan(20);

      const first = await leasePglite(dump, TEST_PGLITE_SETTINGS);
      await useLikeATestFile(first.pglite);
      expect(await fingerprint(first.pglite)).not.toEqual(expected);
      const freeBefore = pool!.free.length;
      await first.release();
      expect(pool!.free.length).toBe(freeBefore + 1);

      const second = await leasePglite(dump, TEST_PGLITE_SETTINGS);
      // The one given back, not a new one.
      expect(pool!.free.length).toBe(freeBefore);
      try {
        expect(await fingerprint(second.pglite)).toEqual(expected);
      } finally {
        await second.release();
      }
    } finally {
      await fresh.close();
    }
  });

  it("refuses every call through a lease once it is given back, so a file's late work never reaches the next file", async () => {
    const lease = await leasePglite(migratedPgliteDump()!, TEST_PGLITE_SETTINGS);
    const stale = lease.pglite;
    await lease.release();
    expect(stale.closed).toBe(true);
    await expect(stale.query('SELECT 1')).rejects.toThrow('PGlite is closed');
    await expect(stale.exec('DELETE FROM faq_topic')).rejects.toThrow('PGlite is closed');
    const next = await leasePglite(migratedPgliteDump()!, TEST_PGLITE_SETTINGS);
    try {
      expect((await next.pglite.query<{ n: number }>('SELECT count(*)::int AS n FROM faq_topic')).rows[0].n).toBeGreaterThan(0);
    } finally {
      await next.release();
    }
  });
});

/**
 * botbuilder Storage over PGlite or PostgreSQL (plain SQL on the driver) with real eTag optimistic concurrency:
 * a write that carries an eTag succeeds only if the stored row still has it, as the Storage contract
 * says; a write without an eTag (or with "*") is last-writer-wins.
 */
import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { PrismaClient } from '../../generated/prisma/client';
import { TickBatcher } from '../batching/tickBatcher';
import { prismaRunner, valuesList, type SqlRunner } from '../../prisma/sql';

interface StoredRow {
  key: string;
  data: unknown;
  etag: string;
}

/** Raised on a stale write; the adapter re-runs the turn on fresh state when it sees one. */
export class ETagConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'ETagConflictError';
  }
}

/** Keys are capped so a hostile conversation id cannot bloat the primary key index. */
const MAX_KEY_LENGTH = 1024;

/** One row to write; `expected` is the eTag it must still have (absent: last writer wins). */
interface WriteRow {
  key: string;
  data: string;
  etag: string;
  expected?: string;
}

/** Conditional writes of a batch: update rows that still have their eTag, create absent ones, report which took. */
function conditionalWriteSql(count: number): string {
  return `WITH v(key, data, etag, expected) AS (VALUES ${valuesList(count, 4, ['::text', '::jsonb', '::text', '::text'])}),
  upd AS (
    UPDATE bot_state b SET data = v.data, etag = v.etag, updated_at = $${count * 4 + 1}::timestamp
    FROM v WHERE b.key = v.key AND b.etag = v.expected
    RETURNING b.key),
  ins AS (
    INSERT INTO bot_state (key, data, etag, updated_at)
    SELECT v.key, v.data, v.etag, $${count * 4 + 1}::timestamp FROM v
    WHERE NOT EXISTS (SELECT 1 FROM bot_state b WHERE b.key = v.key)
    ON CONFLICT (key) DO NOTHING
    RETURNING key)
  SELECT key FROM upd UNION ALL SELECT key FROM ins`;
}

function blindWriteSql(count: number): string {
  return `INSERT INTO bot_state (key, data, etag, updated_at) VALUES ${valuesList(count, 4, ['::text', '::jsonb', '::text', '::timestamp'])}
  ON CONFLICT (key) DO UPDATE SET data = EXCLUDED.data, etag = EXCLUDED.etag, updated_at = EXCLUDED.updated_at`;
}

export class PrismaStorage implements Storage {
  /** Reads of concurrent turns (and a turn's conversation and user state) share one query. */
  private readonly reads: TickBatcher<string, StoredRow | undefined>;
  /** Writes of concurrent turns share one statement (group commit); each learns whether its own row took. */
  private readonly writes: TickBatcher<WriteRow, boolean>;

  /** `sql` runs the statements; by default through the Prisma client, in the app straight on the driver. */
  constructor(
    prisma: PrismaClient,
    private readonly sql: SqlRunner = prismaRunner(prisma),
  ) {
    this.reads = new TickBatcher((keys) => this.readRows(keys));
    this.writes = new TickBatcher((rows) => this.writeRows(rows));
  }

  /** Reads the rows for keys; missing keys are absent from the result. */
  async read(keys: string[]): Promise<StoreItems> {
    if (!keys.length) return {};
    keys.forEach(checkKey);
    const rows = await Promise.all(keys.map((key) => this.reads.add(key)));
    const items: StoreItems = {};
    for (const row of rows) if (row) items[row.key] = { ...(row.data as Record<string, unknown>), eTag: row.etag };
    return items;
  }

  /**
   * Writes every change; throws ETagConflictError for the first stale one. With an eTag the row is
   * updated only if it still has that eTag, or created if absent — one statement, so a concurrent
   * writer or creator can never be overwritten between a check and a write.
   */
  async write(changes: StoreItems): Promise<void> {
    const rows = Object.entries(changes).map(([key, item]): WriteRow => {
      checkKey(key);
      const { eTag, ...rest } = (item ?? {}) as Record<string, unknown>;
      const conditional = typeof eTag === 'string' && eTag !== '*' && eTag !== '';
      return { key, data: JSON.stringify(rest), etag: randomUUID(), expected: conditional ? eTag : undefined };
    });
    const took = await Promise.all(rows.map((row) => this.writes.add(row)));
    // Nothing written: the row exists with another eTag (someone else wrote or created it first).
    const stale = rows.find((_, i) => !took[i]);
    if (stale) throw new ETagConflictError(stale.key);
  }

  /**
   * One query for a batch of keys. A key asked for twice (two turns of one conversation at once) gets
   * its own copy each time: turns mutate their state objects, and must never see each other's changes.
   */
  private async readRows(keys: string[]): Promise<(StoredRow | undefined)[]> {
    const rows = await this.sql<{ key: string; data: unknown; etag: string }>(
      'SELECT key, data, etag FROM bot_state WHERE key = ANY($1::text[])',
      [[...new Set(keys)]],
    );
    const byKey = new Map(rows.map((row) => [row.key, row]));
    const handedOut = new Set<string>();
    return keys.map((key) => {
      const row = byKey.get(key);
      if (!row || !handedOut.has(key)) {
        handedOut.add(key);
        return row;
      }
      return { ...row, data: structuredClone(row.data) };
    });
  }

  /**
   * A batch of writes in at most two statements (conditional, last-writer-wins), run together. A key
   * twice in one batch (two turns of one conversation at once) goes once now and its later copies in
   * the next batch, where a stale eTag is seen for what it is.
   */
  private async writeRows(rows: WriteRow[]): Promise<boolean[]> {
    const seen = new Set<string>();
    const now: WriteRow[] = [];
    const later = new Map<number, Promise<boolean>>();
    rows.forEach((row, i) => {
      if (seen.has(row.key))
        later.set(
          i,
          Promise.resolve().then(() => this.writes.add(row)),
        );
      else {
        seen.add(row.key);
        now.push(row);
      }
    });
    const at = new Date().toISOString();
    const conditional = now.filter((r) => r.expected !== undefined);
    const blind = now.filter((r) => r.expected === undefined);
    const [took] = await Promise.all([
      conditional.length
        ? this.sql<{ key: string }>(conditionalWriteSql(conditional.length), [
            ...conditional.flatMap((r) => [r.key, r.data, r.etag, r.expected]),
            at,
          ])
        : Promise.resolve([]),
      blind.length
        ? this.sql(
            blindWriteSql(blind.length),
            blind.flatMap((r) => [r.key, r.data, r.etag, at]),
          )
        : Promise.resolve([]),
    ]);
    const written = new Set(took.map((r) => r.key));
    return Promise.all(rows.map((row, i) => later.get(i) ?? Promise.resolve(row.expected === undefined || written.has(row.key))));
  }

  /** Deletes the keys; missing keys are ignored. */
  async delete(keys: string[]): Promise<void> {
    if (!keys.length) return;
    keys.forEach(checkKey);
    await this.sql('DELETE FROM bot_state WHERE key = ANY($1::text[])', [keys]);
  }
}

function checkKey(key: string): string {
  if (key.length > MAX_KEY_LENGTH) throw new RangeError(`storage key longer than ${MAX_KEY_LENGTH} characters`);
  return key;
}

/**
 * botbuilder Storage over Prisma (PGlite or PostgreSQL) with real eTag optimistic concurrency:
 * a write that carries an eTag succeeds only if the stored row still has it, as the Storage contract
 * says; a write without an eTag (or with "*") is last-writer-wins.
 */
import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { PrismaClient } from '../../generated/prisma/client';
import { TickBatcher } from '../batching/tickBatcher';

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

export class PrismaStorage implements Storage {
  /** Reads of concurrent turns (and a turn's conversation and user state) share one query. */
  private readonly reads: TickBatcher<string, StoredRow | undefined>;

  constructor(private readonly prisma: PrismaClient) {
    this.reads = new TickBatcher((keys) => this.readRows(keys));
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
   * Writes every change, one statement each; throws ETagConflictError for the first stale one.
   * With an eTag the row is inserted if absent or updated if it still has that eTag — a single
   * statement, so a concurrent writer or creator can never be overwritten between a check and a write.
   */
  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      checkKey(key);
      const { eTag, ...rest } = (item ?? {}) as Record<string, unknown>;
      const data = JSON.stringify(rest);
      const etag = randomUUID();
      const now = new Date();
      if (typeof eTag !== 'string' || eTag === '*' || eTag === '') {
        await this.prisma.$executeRaw`
          INSERT INTO bot_state (key, data, etag, updated_at) VALUES (${key}, ${data}::jsonb, ${etag}, ${now})
          ON CONFLICT (key) DO UPDATE SET data = EXCLUDED.data, etag = EXCLUDED.etag, updated_at = EXCLUDED.updated_at`;
        continue;
      }
      const written = await this.prisma.$executeRaw`
        INSERT INTO bot_state (key, data, etag, updated_at) VALUES (${key}, ${data}::jsonb, ${etag}, ${now})
        ON CONFLICT (key) DO UPDATE SET data = EXCLUDED.data, etag = EXCLUDED.etag, updated_at = EXCLUDED.updated_at
        WHERE bot_state.etag = ${eTag}`;
      // Nothing written: the row exists with another eTag (someone else wrote or created it first).
      if (written !== 1) throw new ETagConflictError(key);
    }
  }

  /**
   * One query for a batch of keys. A key asked for twice (two turns of one conversation at once) gets
   * its own copy each time: turns mutate their state objects, and must never see each other's changes.
   */
  private async readRows(keys: string[]): Promise<(StoredRow | undefined)[]> {
    const rows = await this.prisma.botState.findMany({ where: { key: { in: [...new Set(keys)] } }, select: { key: true, data: true, etag: true } });
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

  /** Deletes the keys; missing keys are ignored. */
  async delete(keys: string[]): Promise<void> {
    if (!keys.length) return;
    await this.prisma.botState.deleteMany({ where: { key: { in: keys.map(checkKey) } } });
  }
}

function checkKey(key: string): string {
  if (key.length > MAX_KEY_LENGTH) throw new RangeError(`storage key longer than ${MAX_KEY_LENGTH} characters`);
  return key;
}

/**
 * botbuilder Storage over PGlite or PostgreSQL (plain SQL on the driver) with real eTag optimistic concurrency:
 * a write that carries an eTag succeeds only if the stored row still has it, as the Storage contract
 * says; a write without an eTag (or with "*") is last-writer-wins. Reads and writes join the turn's shared
 * statements (./turnStatements.ts): one read and one write round trip for every concurrent turn.
 */
import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { PrismaClient } from '../../generated/prisma/client';
import { prismaRunner } from '../../prisma/sql';
import { TurnStatements, type StateWrite } from './turnStatements';

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
  /** `statements` runs the SQL; by default through the Prisma client, in the app the turn's shared statements on the driver. */
  constructor(
    prisma: PrismaClient,
    private readonly statements: TurnStatements = new TurnStatements(prismaRunner(prisma)),
  ) {}

  /** Reads the rows for keys; missing keys are absent from the result. */
  async read(keys: string[]): Promise<StoreItems> {
    if (!keys.length) return {};
    keys.forEach(checkKey);
    const rows = await Promise.all(keys.map((key) => this.statements.readState(key)));
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
    const rows = Object.entries(changes).map(([key, item]): StateWrite => {
      checkKey(key);
      const { eTag, ...rest } = (item ?? {}) as Record<string, unknown>;
      const conditional = typeof eTag === 'string' && eTag !== '*' && eTag !== '';
      return { key, data: JSON.stringify(rest), etag: randomUUID(), expected: conditional ? eTag : undefined };
    });
    const took = await Promise.all(rows.map((row) => this.statements.writeState(row)));
    // Nothing written: the row exists with another eTag (someone else wrote or created it first).
    const stale = rows.find((_, i) => !took[i]);
    if (stale) throw new ETagConflictError(stale.key);
  }

  /** Deletes the keys; missing keys are ignored. */
  async delete(keys: string[]): Promise<void> {
    if (!keys.length) return;
    keys.forEach(checkKey);
    await this.statements.deleteStates(keys);
  }
}

function checkKey(key: string): string {
  if (key.length > MAX_KEY_LENGTH) throw new RangeError(`storage key longer than ${MAX_KEY_LENGTH} characters`);
  return key;
}

/**
 * botbuilder Storage over Prisma (PGlite or PostgreSQL) with real eTag optimistic concurrency:
 * a write that carries an eTag succeeds only if the stored row still has it, as the Storage contract
 * says; a write without an eTag (or with "*") is last-writer-wins.
 */
import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import { Prisma, type PrismaClient } from '../../generated/prisma/client';

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
  constructor(private readonly prisma: PrismaClient) {}

  /** Reads the rows for keys; missing keys are absent from the result. */
  async read(keys: string[]): Promise<StoreItems> {
    if (!keys.length) return {};
    const rows = await this.prisma.botState.findMany({ where: { key: { in: keys.map(checkKey) } } });
    const items: StoreItems = {};
    for (const row of rows) items[row.key] = { ...(row.data as Record<string, unknown>), eTag: row.etag };
    return items;
  }

  /** Writes every change; throws ETagConflictError for the first stale one. */
  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      checkKey(key);
      const { eTag, ...rest } = (item ?? {}) as Record<string, unknown>;
      const data = JSON.parse(JSON.stringify(rest)) as Prisma.InputJsonValue;
      const etag = randomUUID();
      if (typeof eTag !== 'string' || eTag === '*' || eTag === '') {
        await this.prisma.botState.upsert({ where: { key }, create: { key, data, etag }, update: { data, etag } });
        continue;
      }
      const { count } = await this.prisma.botState.updateMany({ where: { key, etag: eTag }, data: { data, etag } });
      if (count === 1) continue;
      // Nothing matched: either someone else wrote first, or the row never existed (first write
      // with a caller-made eTag). Creating it must still not overwrite a concurrent creator.
      const exists = await this.prisma.botState.findUnique({ where: { key }, select: { key: true } });
      if (exists) throw new ETagConflictError(key);
      try {
        await this.prisma.botState.create({ data: { key, data, etag } });
      } catch (err) {
        if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') throw new ETagConflictError(key);
        throw err;
      }
    }
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

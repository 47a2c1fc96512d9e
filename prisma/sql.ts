/**
 * Plain parameterised SQL for the hot statements of a turn (state, dedupe, transcript), straight to the
 * driver — the pg pool or PGlite — without the Prisma client's per-statement work. Same tables, same
 * connection pool. `jsonb` comes back parsed. Pass times as ISO strings cast to `::timestamp`: columns
 * are UTC `timestamp(3)`, as Prisma writes them.
 */
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { PrismaClient } from '../generated/prisma/client';

export type Row = Record<string, unknown>;

/** Runs one statement with $1…$n parameters; returns its rows (RETURNING rows for writes). */
export type SqlRunner = <T extends Row = Row>(text: string, params?: unknown[]) => Promise<T[]>;

/** A failed statement as an Error with a message, whatever the driver rejected with. */
export class SqlError extends Error {
  constructor(override readonly cause: unknown) {
    super(
      cause instanceof Error && cause.message ? cause.message : `database error: ${String((cause as { code?: unknown })?.code ?? cause)}`,
    );
    this.name = 'SqlError';
  }
}

export function poolRunner(pool: pg.Pool): SqlRunner {
  return async <T extends Row>(text: string, params: unknown[] = []) => {
    try {
      return (await pool.query(text, params)).rows as T[];
    } catch (err) {
      throw err instanceof Error && err.message ? err : new SqlError(err);
    }
  };
}

export function pgliteRunner(pglite: PGlite): SqlRunner {
  return async <T extends Row>(text: string, params: unknown[] = []) => (await pglite.query<T>(text, params)).rows;
}

/** Through Prisma's raw query (for callers that only have a client, e.g. unit tests). */
export function prismaRunner(prisma: PrismaClient): SqlRunner {
  return async <T extends Row>(text: string, params: unknown[] = []) => prisma.$queryRawUnsafe<T[]>(text, ...params);
}

/** `$1, $2, …` placeholders for a VALUES list: `values(rows, 3, 1)` → `($1, $2, $3), ($4, $5, $6)`. */
export function valuesList(rowCount: number, width: number, casts: string[] = []): string {
  const rows: string[] = [];
  for (let r = 0; r < rowCount; r++) {
    rows.push(`(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}${casts[c] ?? ''}`).join(', ')})`);
  }
  return rows.join(', ');
}

/** Parameters of a statement built piece by piece: `add(value, cast)` returns its placeholder, e.g. `$3::text`. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return `$${this.values.length}${cast ? `::${cast}` : ''}`;
  }
}

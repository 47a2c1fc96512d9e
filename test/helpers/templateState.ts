/**
 * What a test database holds when it is handed to a test file — the run's migrated template: the rows the template's
 * tables hold (the synced knowledge base) and each sequence's position. Read once from a database nobody has touched
 * yet, and written back into a used one by the worker pools (pglitePool.ts, postgresPool.ts), on PGlite and PostgreSQL
 * alike: the SQL is the same.
 */

/** One query on an open connection: PGlite's `query` and node-postgres' `Client.query` both fit. */
export type Query = <T extends object>(sql: string, params?: unknown[]) => Promise<{ rows: T[] }>;

/** The tables to empty, the rows to put back (JSON), each sequence's position. */
export interface TemplateState {
  readonly tables: readonly string[];
  readonly rows: readonly { readonly table: string; readonly json: string }[];
  readonly sequences: readonly { readonly name: string; readonly lastValue: string | null }[];
}

/** The state of a database freshly made from the template, read before any test touches it. */
export async function readTemplate(query: Query): Promise<TemplateState> {
  const tables = (
    await query<{ name: string }>(
      `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
       WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
    )
  ).rows.map((r) => r.name);
  const rows: { table: string; json: string }[] = [];
  for (const table of tables) {
    const [{ json }] = (await query<{ json: string | null }>(`SELECT json_agg(t)::text AS json FROM ${table} t`)).rows;
    if (json !== null) rows.push({ table, json });
  }
  const sequences = (
    await query<{ name: string; lastValue: string | null }>(
      `SELECT format('%I.%I', schemaname, sequencename) AS name, last_value::text AS "lastValue" FROM pg_sequences ORDER BY 1`,
    )
  ).rows;
  return { tables, rows, sequences };
}

/**
 * Puts a used database's tables and sequences back as `template` had them. Run it inside a transaction: it sets
 * `session_replication_role` for that transaction only, so foreign keys are neither checked nor acted on (no cascades)
 * while every table is emptied and the template's own rows go back in, in the table list's order.
 */
export async function restoreTemplate(query: Query, template: TemplateState): Promise<void> {
  await query('SET LOCAL session_replication_role = replica');
  // DELETE, not TRUNCATE: a test file leaves a few rows, and on PostgreSQL a TRUNCATE of the 26 tables (new files for
  // each table and index) took ~0.5 s against a few milliseconds for the deletes.
  for (const table of template.tables) await query(`DELETE FROM ${table}`);
  for (const { table, json } of template.rows) {
    await query(`INSERT INTO ${table} OVERRIDING SYSTEM VALUE SELECT * FROM json_populate_recordset(NULL::${table}, $1::json)`, [json]);
  }
  for (const { name, lastValue } of template.sequences) {
    await query(
      lastValue === null ? 'SELECT setval($1::regclass, 1, false)' : 'SELECT setval($1::regclass, $2::bigint, true)',
      lastValue === null ? [name] : [name, lastValue],
    );
  }
}

/**
 * Short-lived connections to the test PostgreSQL server: the run's template (template.ts), the workers' pools
 * (postgresPool.ts) and the empty databases some tests make (db.ts) create, name and drop databases through these.
 */
import pg from 'pg';
import type { Query } from './templateState';

/** Runs `work` on one connection to `url`, closed afterwards. */
export async function withClient<T>(url: string, work: (query: Query) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work((sql, params) => client.query(sql, params));
  } finally {
    await client.end();
  }
}

/** One statement on its own connection (CREATE / DROP DATABASE refuse to run inside a transaction or a multi-statement string). */
export async function adminQuery(url: string, sql: string): Promise<void> {
  await withClient(url, (query) => query(sql));
}

/** A database name as an SQL identifier. */
export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** `baseUrl` with another database name. */
export function databaseUrl(baseUrl: string, name: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database, ending any session still on it. */
export async function dropDatabase(baseUrl: string, name: string): Promise<void> {
  await adminQuery(baseUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
}

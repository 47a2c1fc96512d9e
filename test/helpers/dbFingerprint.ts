/** A test database's contents as one comparable value: what the worker pools promise to put back between test files. */
import { readTemplate, type Query } from './templateState';

/** Every table's rows (sorted, hashed), `_prisma_migrations` included, and every sequence's position. */
export async function contentsFingerprint(query: Query): Promise<{ contents: Record<string, string>; sequences: unknown }> {
  const { tables, sequences } = await readTemplate(query);
  const contents: Record<string, string> = {};
  for (const table of [...tables, 'public._prisma_migrations']) {
    const [{ digest }] = (
      await query<{ digest: string }>(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${table} t`)
    ).rows;
    contents[table] = digest;
  }
  return { contents, sequences };
}

/** A file's worth of changes: rows in and out of several tables, every sequence moved. */
export async function changeLikeATestFile(query: Query): Promise<void> {
  await query(`INSERT INTO bot_state (key, data, etag, updated_at) VALUES ('k', '{"a": 1}', 'e', now())`);
  await query('DELETE FROM faq_question WHERE ctid IN (SELECT ctid FROM faq_question LIMIT 5)');
  await query(`UPDATE faq_topic SET answer_en = 'edited', edited_at = now()`);
  await query(`INSERT INTO faq_query_log (id, language, decision, created_at) VALUES ('q', 'en', 'none', now())`);
  for (const { name } of (await readTemplate(query)).sequences) await query('SELECT nextval($1::regclass)', [name]);
}

/**
 * Stores N conversations the way real turns leave them — conversation and user state, a conversation
 * reference, one line in and one out — in bulk with plain SQL (as the app's hot path writes), so the
 * RSS figure is taken over a full database without spending minutes of the bench on driving them.
 */
import { randomUUID } from 'node:crypto';
import type { SqlRunner } from '../prisma/sql';

/** Inserts `count` conversations in chunks; returns how many conversation references exist afterwards. */
export async function seedConversations(sql: SqlRunner, count: number, tag: string): Promise<number> {
  const chunk = 1_000;
  const now = new Date().toISOString();
  for (let start = 0; start < count; start += chunk) {
    const ids = Array.from({ length: Math.min(chunk, count - start) }, (_, i) => `seed-${tag}-${start + i}`);
    const keys = ids.flatMap((id) => [`webchat/conversations/${id}/`, `webchat/users/u-${id}/`]);
    const data = ids.flatMap(() => [
      JSON.stringify({ dialogState: { dialogStack: [] } }),
      JSON.stringify({ language: { language: 'en' } }),
    ]);
    await sql(
      `INSERT INTO bot_state (key, data, etag, updated_at) SELECT k, d::jsonb, k, $3::timestamp FROM unnest($1::text[], $2::text[]) AS s(k, d) ON CONFLICT (key) DO NOTHING`,
      [keys, data, now],
    );
    const references = ids.map((id) =>
      JSON.stringify({
        conversation: { id },
        channelId: 'webchat',
        serviceUrl: 'http://127.0.0.1:9/',
        user: { id: `u-${id}` },
        bot: { id: 'bot' },
      }),
    );
    await sql(
      `INSERT INTO conversation_ref (conversation_id, channel_id, user_id, reference, updated_at)
       SELECT c, 'webchat', 'u-' || c, r::jsonb, $3::timestamp FROM unnest($1::text[], $2::text[]) AS s(c, r) ON CONFLICT DO NOTHING`,
      [ids, references, now],
    );
    const lineIds = ids.flatMap(() => [randomUUID(), randomUUID()]);
    const conversations = ids.flatMap((id) => [id, id]);
    const directions = ids.flatMap(() => ['incoming', 'outgoing']);
    const texts = ids.flatMap(() => [
      'What documents do I need for whitelisting?',
      'You need your PSEB registration, NTN and the list of agents.',
    ]);
    await sql(
      `INSERT INTO transcript_message (id, conversation_id, channel_id, user_id, direction, text, private, created_at)
       SELECT i, c, 'webchat', 'u-' || c, d::"MessageDirection", t, false, $5::timestamp FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS s(i, c, d, t)`,
      [lineIds, conversations, directions, texts, now],
    );
  }
  const [row] = await sql<{ n: string | number }>('SELECT count(*)::int AS n FROM conversation_ref');
  return Number(row.n);
}

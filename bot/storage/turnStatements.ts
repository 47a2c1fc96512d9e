/**
 * The database work of a turn in two round trips, shared by every concurrent turn (group commit):
 *
 * - one read: the dedupe claims of the activities (an insert-if-absent that reports who won), the
 *   state rows the turns load and the facts the features look up on every message (./turnFacts.ts), as
 *   one statement;
 * - one write: state changes (each row updated only if it still has the eTag it was read with, or created
 *   if absent), transcript lines, conversation references, the FAQ log and unanswered questions, as one
 *   statement of data-modifying CTEs.
 *
 * A combined write that fails is retried part by part, so one bad part fails only its own callers (a
 * transcript line never costs a turn its state). The same key twice in one batch (two turns of one
 * conversation at once) goes once now and its later copy in the next batch, since one statement may not
 * change a row twice and a stale eTag must be seen for what it is.
 */
import { randomUUID } from 'node:crypto';
import { TickBatcher } from '../batching/tickBatcher';
import { SqlParams, type SqlRunner } from '../../prisma/sql';
import type { FactsSubject, TurnFacts } from './turnFacts';
import { openHandoffStatuses } from '../handoff/handoffStore';
import { RequestStatus } from '../domain/lifecycle';

export interface StateRow {
  key: string;
  data: unknown;
  etag: string;
}

/** One state row to write; `expected` is the eTag it must still have (absent: last writer wins). */
export interface StateWrite {
  key: string;
  /** JSON text. */
  data: string;
  etag: string;
  expected?: string;
}

export type Direction = 'incoming' | 'outgoing' | 'activity';

export interface TranscriptLine {
  conversationId: string;
  channelId: string;
  userId?: string;
  userName?: string;
  direction: Direction;
  text: string | null;
  activityId?: string;
  private?: boolean;
  createdAt?: Date;
}

export interface ConversationRefRow {
  conversationId: string;
  channelId: string;
  userId: string;
  userName?: string;
  language?: string;
  reference: Record<string, unknown>;
}

/** One FAQ lookup for the dashboard: never the text. */
export interface FaqLogRow {
  language: string;
  decision: string;
  topicId: string | null;
}

/** A question the FAQ could not answer, already redacted (bot/faq/faqStore.ts). */
export interface UnansweredRow {
  normalized: string;
  language: string;
  sample: string;
}

type ReadItem = { kind: 'claim'; key: string; expiresAt: Date } | { kind: 'state'; key: string } | { kind: 'facts'; subject: FactsSubject };
type ReadResult = boolean | StateRow | TurnFacts | undefined;

type WriteItem =
  | { kind: 'state'; row: StateWrite }
  | { kind: 'lines'; lines: TranscriptLine[] }
  | { kind: 'reference'; ref: ConversationRefRow }
  | { kind: 'faqLog'; row: FaqLogRow }
  | { kind: 'unanswered'; row: UnansweredRow };
/** For a state write: whether the row took; undefined for the rest. */
type WriteResult = boolean | undefined;

/** Longest text kept per transcript line; the rest of a 10 kB paste is not worth an agent's screen. */
export const MAX_TRANSCRIPT_TEXT = 4000;

/** The parts of one write statement; each is a list of CTEs, and `took` names the state CTEs whose keys took. */
interface WritePart {
  items: number[];
  /** `at()` is the statement's timestamp parameter, added on first use (an unused parameter has no type). */
  ctes: (p: SqlParams, at: () => string) => string[];
  took?: string[];
}

export class TurnStatements {
  private readonly reads: TickBatcher<ReadItem, ReadResult>;
  private readonly writes: TickBatcher<WriteItem, WriteResult>;

  constructor(private readonly sql: SqlRunner) {
    this.reads = new TickBatcher((items) => this.runReads(items));
    this.writes = new TickBatcher((items) => this.runWrites(items));
  }

  /** Claims a delivery; true when this call made the claim (absent, or the old one expired). */
  async claim(key: string, expiresAt: Date): Promise<boolean> {
    return (await this.reads.add({ kind: 'claim', key, expiresAt })) === true;
  }

  /** The stored state row of `key`, or undefined. */
  async readState(key: string): Promise<StateRow | undefined> {
    return (await this.reads.add({ kind: 'state', key })) as StateRow | undefined;
  }

  /** The features' per-message facts about a conversation and its user (./turnFacts.ts). */
  async readFacts(subject: FactsSubject): Promise<TurnFacts> {
    return (await this.reads.add({ kind: 'facts', subject })) as TurnFacts;
  }

  /** Writes a state row; false when its expected eTag no longer matches (someone else wrote or created it). */
  async writeState(row: StateWrite): Promise<boolean> {
    return (await this.writes.add({ kind: 'state', row })) === true;
  }

  /** Deletes state rows (not batched: rare). */
  async deleteStates(keys: string[]): Promise<void> {
    await this.sql('DELETE FROM bot_state WHERE key = ANY($1::text[])', [keys]);
  }

  async recordLines(lines: TranscriptLine[]): Promise<void> {
    if (lines.length) await this.writes.add({ kind: 'lines', lines });
  }

  /** Keeps the latest reference of a conversation; a field left undefined keeps its stored value. */
  async rememberConversation(ref: ConversationRefRow): Promise<void> {
    await this.writes.add({ kind: 'reference', ref });
  }

  async logFaq(row: FaqLogRow): Promise<void> {
    await this.writes.add({ kind: 'faqLog', row });
  }

  /** Counts an unanswered question (reopened if it was resolved). */
  async recordUnanswered(row: UnansweredRow): Promise<void> {
    await this.writes.add({ kind: 'unanswered', row });
  }

  /**
   * Claims, state reads and facts in one statement. A claim twice in one batch (a retry landing with the
   * original) is won by its first copy only. A key read twice (two turns of one conversation at once)
   * gets its own copy each time: turns mutate their state objects and must never see each other's changes.
   */
  private async runReads(items: ReadItem[]): Promise<ReadResult[]> {
    const p = new SqlParams();
    const firstClaim = new Map<string, number>();
    items.forEach((item, i) => item.kind === 'claim' && !firstClaim.has(item.key) && firstClaim.set(item.key, i));
    const stateKeys = [...new Set(items.filter((item) => item.kind === 'state').map((item) => item.key))];
    const subjects = new Map<string, FactsSubject>();
    for (const item of items) if (item.kind === 'facts') subjects.set(subjectKey(item.subject), item.subject);
    const selects: string[] = [];
    let claimCte = '';
    if (firstClaim.size) {
      const values = [...firstClaim.entries()].map(([key, i]) => {
        const item = items[i] as Extract<ReadItem, { kind: 'claim' }>;
        return `(${p.add(key, 'text')}, ${p.add(item.expiresAt.toISOString(), 'timestamp')})`;
      });
      // Times as UTC wall-clock strings, the way Prisma stores timestamp(3); "now" in the same terms.
      claimCte = `WITH claimed AS (
        INSERT INTO processed_activity (key, expires_at) VALUES ${values.join(', ')}
        ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at
        WHERE processed_activity.expires_at < ${p.add(new Date().toISOString(), 'timestamp')}
        RETURNING key) `;
      selects.push(`SELECT 'claim' AS kind, key, NULL::jsonb AS data, NULL::text AS etag FROM claimed`);
    }
    if (stateKeys.length) {
      selects.push(`SELECT 'state' AS kind, key, data, etag FROM bot_state WHERE key = ANY(${p.add(stateKeys, 'text[]')})`);
    }
    if (subjects.size) selects.push(factsSelect(p, [...subjects.values()]));
    const rows = await this.sql<{ kind: string; key: string; data: unknown; etag: string | null }>(
      claimCte + selects.join(' UNION ALL '),
      p.values,
    );
    const won = new Set(rows.filter((r) => r.kind === 'claim').map((r) => r.key));
    const states = new Map(rows.filter((r) => r.kind === 'state').map((r) => [r.key, { key: r.key, data: r.data, etag: r.etag ?? '' }]));
    const facts = new Map(rows.filter((r) => r.kind === 'facts').map((r) => [r.key, toFacts(r.data as StoredFacts)]));
    const handedOut = new Set<string>();
    return items.map((item, i) => {
      if (item.kind === 'claim') return won.has(item.key) && firstClaim.get(item.key) === i;
      // Each turn its own object (ratingAskedAt is a Date).
      if (item.kind === 'facts') return structuredClone(facts.get(subjectKey(item.subject)));
      const row = states.get(item.key);
      if (!row || !handedOut.has(item.key)) {
        handedOut.add(item.key);
        return row;
      }
      return { ...row, data: structuredClone(row.data) };
    });
  }

  /** A batch of writes as one statement; on failure each part alone, so a bad part fails only its callers. */
  private async runWrites(items: WriteItem[]): Promise<(WriteResult | Promise<WriteResult>)[]> {
    const results: (WriteResult | Promise<WriteResult>)[] = items.map(() => undefined);
    // A state key twice: the later copy waits for the next batch.
    const seen = new Set<string>();
    const now: number[] = [];
    items.forEach((item, i) => {
      if (item.kind !== 'state') return now.push(i);
      if (seen.has(item.row.key)) results[i] = Promise.resolve().then(() => this.writes.add(item));
      else {
        seen.add(item.row.key);
        now.push(i);
      }
    });
    const parts = this.writeParts(items, now);
    const took = new Set<string>();
    const failed = new Map<number, unknown>();
    try {
      (await this.runWriteParts(parts)).forEach((key) => took.add(key));
    } catch (err) {
      // Each part on its own (unless there was only one); a failing one rejects only its own items.
      const outcomes =
        parts.length === 1
          ? [{ status: 'rejected' as const, reason: err }]
          : await Promise.allSettled(parts.map((part) => this.runWriteParts([part])));
      outcomes.forEach((outcome, k) => {
        if (outcome.status === 'fulfilled') outcome.value.forEach((key) => took.add(key));
        else for (const i of parts[k].items) failed.set(i, outcome.reason);
      });
    }
    return items.map((item, i) => (failed.has(i) ? Promise.reject(failed.get(i)) : (results[i] ?? stateTook(item, took))));
  }

  /** Runs parts as one statement; returns the state keys that took. */
  private async runWriteParts(parts: WritePart[]): Promise<Set<string>> {
    const p = new SqlParams();
    const now = new Date().toISOString();
    let placeholder: string | undefined;
    const at = (): string => (placeholder ??= p.add(now, 'timestamp'));
    const ctes = parts.flatMap((part) => part.ctes(p, at));
    const took = parts.flatMap((part) => part.took ?? []);
    const select = took.length ? took.map((name) => `SELECT key FROM ${name}`).join(' UNION ALL ') : 'SELECT NULL::text AS key WHERE false';
    const rows = await this.sql<{ key: string }>(`WITH ${ctes.join(',\n')}\n${select}`, p.values);
    return new Set(rows.map((r) => r.key));
  }

  /** The statement parts for the items at `indexes`: one per kind present. */
  private writeParts(items: WriteItem[], indexes: number[]): WritePart[] {
    const of = <K extends WriteItem['kind']>(kind: K) =>
      indexes.filter((i) => items[i].kind === kind).map((i) => ({ i, item: items[i] as Extract<WriteItem, { kind: K }> }));
    const parts: WritePart[] = [];
    const state = of('state');
    const conditional = state.filter(({ item }) => item.row.expected !== undefined);
    const blind = state.filter(({ item }) => item.row.expected === undefined);
    if (conditional.length) {
      parts.push({
        items: conditional.map(({ i }) => i),
        took: ['state_upd', 'state_ins'],
        ctes: (p, at) => [
          `state_v(key, data, etag, expected) AS (VALUES ${conditional
            .map(
              ({ item: { row } }) =>
                `(${p.add(row.key, 'text')}, ${p.add(row.data, 'jsonb')}, ${p.add(row.etag, 'text')}, ${p.add(row.expected, 'text')})`,
            )
            .join(', ')})`,
          `state_upd AS (UPDATE bot_state b SET data = v.data, etag = v.etag, updated_at = ${at()}
            FROM state_v v WHERE b.key = v.key AND b.etag = v.expected RETURNING b.key)`,
          `state_ins AS (INSERT INTO bot_state (key, data, etag, updated_at)
            SELECT v.key, v.data, v.etag, ${at()} FROM state_v v WHERE NOT EXISTS (SELECT 1 FROM bot_state b WHERE b.key = v.key)
            ON CONFLICT (key) DO NOTHING RETURNING key)`,
        ],
      });
    }
    if (blind.length) {
      parts.push({
        items: blind.map(({ i }) => i),
        ctes: (p, at) => [
          `state_blind AS (INSERT INTO bot_state (key, data, etag, updated_at) VALUES ${blind
            .map(({ item: { row } }) => `(${p.add(row.key, 'text')}, ${p.add(row.data, 'jsonb')}, ${p.add(row.etag, 'text')}, ${at()})`)
            .join(', ')}
            ON CONFLICT (key) DO UPDATE SET data = EXCLUDED.data, etag = EXCLUDED.etag, updated_at = EXCLUDED.updated_at)`,
        ],
      });
    }
    const lines = of('lines');
    if (lines.length) {
      parts.push({
        items: lines.map(({ i }) => i),
        ctes: (p, at) => [
          `lines AS (INSERT INTO transcript_message (id, conversation_id, channel_id, user_id, user_name, direction, text, private, activity_id, created_at)
            VALUES ${lines
              .flatMap(({ item }) => item.lines)
              .map(
                (e) =>
                  `(${[
                    p.add(randomUUID(), 'text'),
                    p.add(e.conversationId, 'text'),
                    p.add(e.channelId, 'text'),
                    p.add(e.userId ?? null, 'text'),
                    p.add(e.userName ?? null, 'text'),
                    p.add(e.direction, '"MessageDirection"'),
                    p.add(e.text === null ? null : e.text.slice(0, MAX_TRANSCRIPT_TEXT), 'text'),
                    p.add(e.private ?? false, 'boolean'),
                    p.add(e.activityId ?? null, 'text'),
                    e.createdAt ? p.add(e.createdAt.toISOString(), 'timestamp') : at(),
                  ].join(', ')})`,
              )
              .join(', ')})`,
        ],
      });
    }
    const references = of('reference');
    if (references.length) {
      // One statement may not update a row twice: a conversation twice in one batch keeps its later reference.
      const latest = [...new Map(references.map(({ item }) => [item.ref.conversationId, item.ref])).values()];
      parts.push({
        items: references.map(({ i }) => i),
        ctes: (p, at) => [
          `refs AS (INSERT INTO conversation_ref (conversation_id, channel_id, user_id, user_name, language, reference, updated_at)
            VALUES ${latest
              .map(
                (r) =>
                  `(${[
                    p.add(r.conversationId, 'text'),
                    p.add(r.channelId, 'text'),
                    p.add(r.userId, 'text'),
                    p.add(r.userName ?? null, 'text'),
                    p.add(r.language ?? null, 'text'),
                    p.add(JSON.stringify(r.reference), 'jsonb'),
                    at(),
                  ].join(', ')})`,
              )
              .join(', ')}
            ON CONFLICT (conversation_id) DO UPDATE SET
              channel_id = EXCLUDED.channel_id,
              user_id = EXCLUDED.user_id,
              user_name = COALESCE(EXCLUDED.user_name, conversation_ref.user_name),
              language = COALESCE(EXCLUDED.language, conversation_ref.language),
              reference = EXCLUDED.reference,
              updated_at = EXCLUDED.updated_at)`,
        ],
      });
    }
    const faqLog = of('faqLog');
    if (faqLog.length) {
      parts.push({
        items: faqLog.map(({ i }) => i),
        ctes: (p, at) => [
          `faq_log AS (INSERT INTO faq_query_log (id, language, decision, topic_id, created_at) VALUES ${faqLog
            .map(
              ({ item: { row } }) =>
                `(${p.add(randomUUID(), 'text')}, ${p.add(row.language, 'text')}, ${p.add(row.decision, 'text')}, ${p.add(row.topicId, 'text')}, ${at()})`,
            )
            .join(', ')})`,
        ],
      });
    }
    const unanswered = of('unanswered');
    if (unanswered.length) {
      // The same question twice in one batch counts twice, in one row change.
      const counted = new Map<string, { row: UnansweredRow; count: number }>();
      for (const { item } of unanswered) {
        const id = JSON.stringify([item.row.normalized, item.row.language]);
        const entry = counted.get(id);
        counted.set(id, { row: item.row, count: (entry?.count ?? 0) + 1 });
      }
      parts.push({
        items: unanswered.map(({ i }) => i),
        ctes: (p) => [
          `unanswered AS (INSERT INTO unanswered_question (id, normalized, language, sample, count, last_seen_at) VALUES ${[
            ...counted.values(),
          ]
            .map(
              ({ row, count }) =>
                `(${p.add(randomUUID(), 'text')}, ${p.add(row.normalized, 'text')}, ${p.add(row.language, 'text')}, ${p.add(row.sample, 'text')}, ${p.add(count, 'int')}, now())`,
            )
            .join(', ')}
            ON CONFLICT (normalized, language) DO UPDATE SET count = unanswered_question.count + EXCLUDED.count,
              last_seen_at = now(), sample = EXCLUDED.sample, resolved_at = NULL)`,
        ],
      });
    }
    return parts;
  }
}

/** A state write took when it was blind or its key is among those the statement wrote. */
function stateTook(item: WriteItem, took: Set<string>): WriteResult {
  if (item.kind !== 'state') return undefined;
  return item.row.expected === undefined || took.has(item.row.key);
}

function subjectKey(subject: FactsSubject): string {
  return JSON.stringify([subject.conversationId, subject.channelId, subject.userId]);
}

/** The facts as the statement returns them: times as epoch milliseconds. */
interface StoredFacts {
  openHandoff: boolean;
  ratingAskedAt: number | null;
  waitingRequest: boolean;
}

function toFacts(stored: StoredFacts): TurnFacts {
  return {
    openHandoff: stored.openHandoff,
    ratingAskedAt: stored.ratingAskedAt === null ? null : new Date(Number(stored.ratingAskedAt)),
    waitingRequest: stored.waitingRequest,
  };
}

/**
 * The facts of each subject, keyed as subjectKey() keys them. The conditions are the stores' own:
 * HandoffStore.openForUser, RatingStore.pendingFor (without its age limit: the newest asked time is
 * returned and the age is judged by the caller's clock) and InfoReplyFlow's waiting request — all on
 * indexed columns. Times are UTC wall-clock timestamp(3), so their epoch is the UTC instant.
 */
function factsSelect(p: SqlParams, subjects: FactsSubject[]): string {
  const column = (of: (subject: FactsSubject) => string) => p.add(subjects.map(of), 'text[]');
  const [keys, conversations, channels, users] = [
    subjectKey,
    (s: FactsSubject) => s.conversationId,
    (s: FactsSubject) => s.channelId,
    (s: FactsSubject) => s.userId,
  ].map(column);
  return `SELECT 'facts' AS kind, f.key, jsonb_build_object(
      'openHandoff', EXISTS (SELECT 1 FROM handoff h WHERE h.user_conversation_id = f.conversation_id AND h.status IN (${openHandoffStatuses.map((s) => `'${s}'`).join(', ')})),
      'ratingAskedAt', (SELECT round(extract(epoch FROM max(r.asked_at)) * 1000) FROM handoff_rating r
        WHERE r.user_conversation_id = f.conversation_id AND r.status = 'asked'),
      'waitingRequest', EXISTS (SELECT 1 FROM "request" q WHERE q.channel_id = f.channel_id AND q.user_id = f.user_id AND q.status = '${RequestStatus.INFO_REQUESTED}')
    ) AS data, NULL::text AS etag
    FROM unnest(${keys}, ${conversations}, ${channels}, ${users}) AS f(key, conversation_id, channel_id, user_id)`;
}

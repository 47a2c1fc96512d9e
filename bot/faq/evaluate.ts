import { detectLanguage } from './detectLanguage';
import type { FaqEngine } from './engine';
import { FAQ_LANGUAGES, type FaqLanguage } from './types';

/** How a message is written: short and clean, typos/SMS style, long with greeting and context, or code-mixed. */
export const EVAL_KINDS = ['plain', 'noisy', 'long', 'mixed'] as const;
export type EvalKind = (typeof EVAL_KINDS)[number];

/** One labelled question: `id: null` means out of scope (must be declined); `kind` is optional (older sets lack it). */
export interface EvalCase {
  readonly q: string;
  readonly lang: FaqLanguage;
  readonly id: string | null;
  readonly kind?: EvalKind;
}

export interface LanguageTally {
  total: number;
  answeredRight: number;
  answeredWrong: number;
  suggestedRight: number;
  suggestedWrong: number;
  declined: number;
}

export interface EvalReport {
  readonly perLanguage: Record<FaqLanguage, LanguageTally>;
  /** In-scope cases by kind and language (`long/ur`); cases without a kind are left out. */
  readonly perKind: Record<string, LanguageTally>;
  readonly offTopic: { total: number; declined: number };
  /** Off-topic cases by kind. */
  readonly offTopicPerKind: Record<string, { total: number; declined: number }>;
  readonly languageDetection: { total: number; right: number };
  /** Cases that were not answered right, for tuning. */
  readonly misses: ReadonlyArray<{ case: EvalCase; decision: string; got: readonly string[]; detected: FaqLanguage }>;
}

/** Parse a JSONL eval file (blank lines ignored); throws on a malformed line with its number. */
export function parseEvalFile(text: string): EvalCase[] {
  return text
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, n }) => {
      const value = JSON.parse(line) as Partial<EvalCase>;
      if (typeof value.q !== 'string' || !FAQ_LANGUAGES.includes(value.lang as FaqLanguage) || value.id === undefined) {
        throw new Error(`line ${n}: expected {"q", "lang", "id"}`);
      }
      if (value.kind !== undefined && !EVAL_KINDS.includes(value.kind))
        throw new Error(`line ${n}: kind must be one of ${EVAL_KINDS.join(', ')}`);
      return { q: value.q, lang: value.lang as FaqLanguage, id: value.id ?? null, ...(value.kind ? { kind: value.kind } : {}) };
    });
}

const emptyTally = (): LanguageTally => ({
  total: 0,
  answeredRight: 0,
  answeredWrong: 0,
  suggestedRight: 0,
  suggestedWrong: 0,
  declined: 0,
});

/** Run every case through the engine (each case on its own, no previous language) and tally the outcomes. */
export function evaluate(engine: FaqEngine, cases: readonly EvalCase[]): EvalReport {
  const perLanguage = { en: emptyTally(), ur: emptyTally(), 'ur-Latn': emptyTally() } as Record<FaqLanguage, LanguageTally>;
  const perKind: Record<string, LanguageTally> = {};
  const offTopic = { total: 0, declined: 0 };
  const offTopicPerKind: Record<string, { total: number; declined: number }> = {};
  const languageDetection = { total: 0, right: 0 };
  const misses: EvalReport['misses'][number][] = [];
  for (const c of cases) {
    const detected = detectLanguage(c.q);
    languageDetection.total += 1;
    if (detected === c.lang) languageDetection.right += 1;
    const response = engine.search(c.q);
    const ids = response.results.map((r) => r.id);
    const miss = { case: c, decision: response.decision, got: ids, detected };
    if (c.id === null) {
      const byKind = c.kind ? (offTopicPerKind[c.kind] ??= { total: 0, declined: 0 }) : undefined;
      for (const t of byKind ? [offTopic, byKind] : [offTopic]) {
        t.total += 1;
        if (response.decision === 'none') t.declined += 1;
      }
      if (response.decision !== 'none') misses.push(miss);
      continue;
    }
    const tallies = [perLanguage[c.lang], ...(c.kind ? [(perKind[`${c.kind}/${c.lang}`] ??= emptyTally())] : [])];
    for (const tally of tallies) {
      tally.total += 1;
      if (response.decision === 'answer') {
        if (ids[0] === c.id) tally.answeredRight += 1;
        else tally.answeredWrong += 1;
      } else if (response.decision === 'suggest') {
        if (ids.includes(c.id)) tally.suggestedRight += 1;
        else tally.suggestedWrong += 1;
      } else {
        tally.declined += 1;
      }
    }
    if (response.decision !== 'answer' || ids[0] !== c.id) misses.push(miss);
  }
  return { perLanguage, perKind, offTopic, offTopicPerKind, languageDetection, misses };
}

const pct = (part: number, whole: number): string => (whole === 0 ? '  n/a' : `${((100 * part) / whole).toFixed(1)}%`);

/** Human-readable summary table of a report. */
export function formatReport(report: EvalReport): string {
  const lines = ['language       n   answered-right  answered-wrong  suggested-right  suggested-wrong  declined'];
  const rows: [string, LanguageTally][] = FAQ_LANGUAGES.map((lang) => [lang, report.perLanguage[lang]]);
  for (const kind of EVAL_KINDS) {
    for (const lang of FAQ_LANGUAGES) {
      const t = report.perKind[`${kind}/${lang}`];
      if (t) rows.push([`${kind}/${lang}`, t]);
    }
  }
  for (const [label, t] of rows) {
    lines.push(
      [
        label.padEnd(13),
        String(t.total).padStart(3),
        `${t.answeredRight} (${pct(t.answeredRight, t.total)})`.padStart(15),
        `${t.answeredWrong} (${pct(t.answeredWrong, t.total)})`.padStart(15),
        `${t.suggestedRight} (${pct(t.suggestedRight, t.total)})`.padStart(16),
        `${t.suggestedWrong} (${pct(t.suggestedWrong, t.total)})`.padStart(16),
        `${t.declined} (${pct(t.declined, t.total)})`.padStart(10),
      ].join(' '),
    );
  }
  const { offTopic, languageDetection } = report;
  const byKind = Object.entries(report.offTopicPerKind).map(([kind, t]) => `${kind} ${t.declined}/${t.total}`);
  lines.push(
    `off-topic declined: ${offTopic.declined}/${offTopic.total} (${pct(offTopic.declined, offTopic.total)})${byKind.length ? `  [${byKind.join(', ')}]` : ''}`,
  );
  lines.push(
    `language detected:  ${languageDetection.right}/${languageDetection.total} (${pct(languageDetection.right, languageDetection.total)})`,
  );
  return lines.join('\n');
}

import { detectLanguage } from './detectLanguage';
import type { FaqEngine } from './engine';
import { FAQ_LANGUAGES, type FaqLanguage } from './types';

/** One labelled question: `id: null` means out of scope (must be declined). */
export interface EvalCase {
  readonly q: string;
  readonly lang: FaqLanguage;
  readonly id: string | null;
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
  readonly offTopic: { total: number; declined: number };
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
      return { q: value.q, lang: value.lang as FaqLanguage, id: value.id ?? null };
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
  const offTopic = { total: 0, declined: 0 };
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
      offTopic.total += 1;
      if (response.decision === 'none') offTopic.declined += 1;
      else misses.push(miss);
      continue;
    }
    const tally = perLanguage[c.lang];
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
    if (response.decision !== 'answer' || ids[0] !== c.id) misses.push(miss);
  }
  return { perLanguage, offTopic, languageDetection, misses };
}

const pct = (part: number, whole: number): string => (whole === 0 ? '  n/a' : `${((100 * part) / whole).toFixed(1)}%`);

/** Human-readable summary table of a report. */
export function formatReport(report: EvalReport): string {
  const lines = ['language  n   answered-right  answered-wrong  suggested-right  suggested-wrong  declined'];
  for (const lang of FAQ_LANGUAGES) {
    const t = report.perLanguage[lang];
    lines.push(
      [
        lang.padEnd(8),
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
  lines.push(`off-topic declined: ${offTopic.declined}/${offTopic.total} (${pct(offTopic.declined, offTopic.total)})`);
  lines.push(`language detected:  ${languageDetection.right}/${languageDetection.total} (${pct(languageDetection.right, languageDetection.total)})`);
  return lines.join('\n');
}

/**
 * Usage: tsx scripts/eval-faq.ts [file…] [--misses] [--loo] — scores the FAQ engine by language and by kind of
 * message (plain, noisy, long, mixed) on labelled JSONL files; with no file, on every set the project keeps
 * (dev, the real-style held-out sets, the test holdouts, the off-topic tuning sets). With --loo: on the KB's own example questions, each
 * asked with that question left out of the index.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { FaqEngine } from '../bot/faq/engine';
import { evaluate, formatReport, parseEvalFile, type EvalCase, type EvalReport } from '../bot/faq/evaluate';
import { loadKb } from '../bot/faq/loadKb';
import { FAQ_LANGUAGES, type FaqTopic } from '../bot/faq/types';

/** The KB with one example question removed. */
function without(topics: readonly FaqTopic[], topicIndex: number, lang: (typeof FAQ_LANGUAGES)[number], qIndex: number): FaqTopic[] {
  return topics.map((topic, i) =>
    i !== topicIndex
      ? topic
      : { ...topic, questions: { ...topic.questions, [lang]: topic.questions[lang].filter((_q, j) => j !== qIndex) } },
  );
}

/** Leave-one-out: every KB question asked of an index that no longer holds it; tallies merged into one report. */
function leaveOneOut(topics: readonly FaqTopic[]): EvalReport {
  const engine = new FaqEngine(topics);
  const reports: EvalReport[] = [];
  topics.forEach((topic, ti) => {
    for (const lang of FAQ_LANGUAGES) {
      topic.questions[lang].forEach((q, qi) => {
        engine.replaceTopics(without(topics, ti, lang, qi));
        const c: EvalCase = { q, lang, id: topic.id };
        reports.push(evaluate(engine, [c]));
      });
    }
  });
  const merged = evaluate(engine, []);
  (merged.misses as EvalReport['misses'][number][]).length = 0;
  for (const r of reports) {
    for (const lang of FAQ_LANGUAGES) {
      const into = merged.perLanguage[lang];
      const from = r.perLanguage[lang];
      into.total += from.total;
      into.answeredRight += from.answeredRight;
      into.answeredWrong += from.answeredWrong;
      into.suggestedRight += from.suggestedRight;
      into.suggestedWrong += from.suggestedWrong;
      into.declined += from.declined;
    }
    merged.languageDetection.total += r.languageDetection.total;
    merged.languageDetection.right += r.languageDetection.right;
    (merged.misses as EvalReport['misses'][number][]).push(...r.misses);
  }
  return merged;
}

/** Every labelled set the project keeps, in the order they are reported. */
const DEFAULT_SETS = [
  '../bot/faq/eval/faq-dev.jsonl',
  '../bot/faq/eval/heldout-real.jsonl',
  '../bot/faq/eval/heldout-fresh.jsonl',
  '../bot/faq/eval/heldout-3.jsonl',
  '../bot/faq/eval/heldout-4.jsonl',
  '../bot/faq/eval/heldout-5.jsonl',
  '../bot/faq/eval/heldout-6.jsonl',
  '../bot/faq/eval/heldout-7.jsonl',
  '../bot/faq/eval/heldout-8.jsonl',
  '../bot/faq/eval/heldout-9.jsonl',
  '../bot/faq/eval/heldout-10.jsonl',
  '../bot/faq/eval/heldout-11.jsonl',
  '../bot/faq/eval/heldout-12.jsonl',
  '../bot/faq/eval/heldout-13.jsonl',
  '../bot/faq/eval/heldout-14.jsonl',
  '../bot/faq/eval/heldout-15.jsonl',
  '../bot/faq/eval/heldout-16.jsonl',
  '../bot/faq/eval/heldout-17.jsonl',
  '../bot/faq/eval/heldout-18.jsonl',
  '../bot/faq/eval/heldout-19.jsonl',
  '../bot/faq/eval/heldout-20.jsonl',
  '../bot/faq/eval/heldout-21.jsonl',
  '../bot/faq/eval/heldout-22.jsonl',
  '../bot/faq/eval/heldout-23.jsonl',
  '../bot/faq/eval/heldout-24.jsonl',
  '../test/fixtures/faq-holdout.jsonl',
  '../test/fixtures/faq-holdout2.jsonl',
  '../test/fixtures/faq-holdout3.jsonl',
  '../test/fixtures/faq-offtopic-tune.jsonl',
  '../bot/faq/eval/offtopic-dev.jsonl',
  '../bot/faq/eval/offtopic-near.jsonl',
].map((f) => resolve(__dirname, f));

function printMisses(report: EvalReport): void {
  for (const m of report.misses) {
    console.log(
      `  ${m.case.lang.padEnd(7)} ${(m.case.kind ?? '').padEnd(5)} want=${m.case.id ?? 'none'} got=${m.decision}:${m.got.join(',')} det=${m.detected}  ${m.case.q}`,
    );
  }
}

const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith('--')).map((f) => resolve(f));
if (args.includes('--loo')) {
  const report = leaveOneOut(loadKb());
  console.log('FAQ eval: leave-one-out over the KB questions');
  console.log(formatReport(report));
  if (args.includes('--misses')) printMisses(report);
} else {
  const engine = new FaqEngine(loadKb());
  for (const file of files.length > 0 ? files : DEFAULT_SETS) {
    const report = evaluate(engine, parseEvalFile(readFileSync(file, 'utf8')));
    console.log(`\nFAQ eval: ${relative(process.cwd(), file)}`);
    console.log(formatReport(report));
    if (args.includes('--misses')) printMisses(report);
  }
}

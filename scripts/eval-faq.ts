/**
 * Usage: tsx scripts/eval-faq.ts [file] [--misses] [--loo] — scores the FAQ engine on a labelled JSONL file,
 * or with --loo on the KB's own example questions, each asked with that question left out of the index.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FaqEngine } from '../bot/faq/engine';
import { evaluate, formatReport, parseEvalFile, type EvalCase, type EvalReport } from '../bot/faq/evaluate';
import { loadKb } from '../bot/faq/loadKb';
import { FAQ_LANGUAGES, type FaqTopic } from '../bot/faq/types';

/** The KB with one example question removed. */
function without(topics: readonly FaqTopic[], topicIndex: number, lang: (typeof FAQ_LANGUAGES)[number], qIndex: number): FaqTopic[] {
  return topics.map((topic, i) =>
    i !== topicIndex ? topic : { ...topic, questions: { ...topic.questions, [lang]: topic.questions[lang].filter((_q, j) => j !== qIndex) } },
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

const args = process.argv.slice(2);
const loo = args.includes('--loo');
const file = resolve(args.find((a) => !a.startsWith('--')) ?? resolve(__dirname, '../bot/faq/eval/faq-dev.jsonl'));
const report = loo ? leaveOneOut(loadKb()) : evaluate(new FaqEngine(loadKb()), parseEvalFile(readFileSync(file, 'utf8')));
console.log(loo ? 'FAQ eval: leave-one-out over the KB questions' : `FAQ eval: ${file}`);
console.log(formatReport(report));
if (args.includes('--misses')) {
  for (const m of report.misses) {
    console.log(`  ${m.case.lang.padEnd(7)} want=${m.case.id ?? 'none'} got=${m.decision}:${m.got.join(',')} det=${m.detected}  ${m.case.q}`);
  }
}

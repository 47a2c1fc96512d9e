/** Usage: tsx scripts/eval-faq.ts [file] [--misses] — scores the FAQ engine on a labelled JSONL file. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FaqEngine } from '../bot/faq/engine';
import { evaluate, formatReport, parseEvalFile } from '../bot/faq/evaluate';
import { loadKb } from '../bot/faq/loadKb';

const args = process.argv.slice(2);
const file = resolve(args.find((a) => !a.startsWith('--')) ?? resolve(__dirname, '../../shared/eval/faq-dev.jsonl'));
const report = evaluate(new FaqEngine(loadKb()), parseEvalFile(readFileSync(file, 'utf8')));
console.log(`FAQ eval: ${file}`);
console.log(formatReport(report));
if (args.includes('--misses')) {
  for (const m of report.misses) {
    console.log(`  ${m.case.lang.padEnd(7)} want=${m.case.id ?? 'none'} got=${m.decision}:${m.got.join(',')} det=${m.detected}  ${m.case.q}`);
  }
}

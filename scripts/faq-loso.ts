/**
 * Usage: tsx scripts/faq-loso.ts [--extra set.jsonl,…] [--folds a.jsonl,…] — leave one set out: for each fold (a set
 * written by one writer), trains the conversation model on everything `npm run faq:train` trains on except that set (plus
 * the `--extra` sets), and scores the engine on the fold. The figures are summed over the folds, so a change to the
 * training data or the model is judged on writers it never saw (bot/faq/README, round twenty-six). Takes seconds (about 7 s).
 */
import { readFileSync } from 'node:fs';
import { ConversationModel, TRAINING, trainConversationModel } from '../bot/faq/conversationModel';
import { FaqEngine } from '../bot/faq/engine';
import { evaluate, parseEvalFile, type EvalCase, type EvalReport } from '../bot/faq/evaluate';
import { loadKb } from '../bot/faq/loadKb';
import { modelClasses, TRAINING_SETS, trainingExamples } from '../bot/faq/model/corpus';
import { fromRoot } from '../bot/paths';
import { FAQ_LANGUAGES } from '../bot/faq/types';

/** The folds: the held-out sets of rounds eight to nineteen, each written by one writer. */
const DEFAULT_FOLDS = Array.from({ length: 12 }, (_x, i) => `heldout-${i + 8}.jsonl`);

function option(name: string): string[] {
  const at = process.argv.indexOf(name);
  return at >= 0 ? (process.argv[at + 1] ?? '').split(',').filter(Boolean) : [];
}

const read = (set: string): EvalCase[] => parseEvalFile(readFileSync(fromRoot('bot', 'faq', 'eval', set), 'utf8'));

const topics = loadKb();
const rules = new FaqEngine(topics, { model: null });
const memo: Map<string, string[]> = new Map();
const terms = (text: string): string[] => {
  let known = memo.get(text);
  if (!known) memo.set(text, (known = rules.modelTerms(text)));
  return known;
};
const folds = option('--folds').length > 0 ? option('--folds') : DEFAULT_FOLDS;
const extraSets = option('--extra');
// --training '{"epochs":8}': training settings other than the shipped ones, to compare.
const trainingAt = process.argv.indexOf('--training');
const training = { ...TRAINING, ...(trainingAt >= 0 ? (JSON.parse(process.argv[trainingAt + 1] ?? '{}') as object) : {}) };

const total = { right: [0, 0, 0], wrong: [0, 0, 0], n: [0, 0, 0], longRight: [0, 0, 0], longN: [0, 0, 0], off: 0, offN: 0 };
for (const fold of folds) {
  const sets = [...TRAINING_SETS.filter((set) => set !== fold), ...extraSets.filter((set) => set !== fold)];
  const examples = trainingExamples(topics, terms, sets);
  const model = new ConversationModel(trainConversationModel(examples, modelClasses(topics), training));
  const report: EvalReport = evaluate(new FaqEngine(topics, { model }), read(fold));
  FAQ_LANGUAGES.forEach((lang, l) => {
    const t = report.perLanguage[lang];
    total.right[l] += t.answeredRight;
    total.wrong[l] += t.answeredWrong;
    total.n[l] += t.total;
    const long = report.perKind[`long/${lang}`];
    total.longRight[l] += long?.answeredRight ?? 0;
    total.longN[l] += long?.total ?? 0;
  });
  total.off += report.offTopic.declined;
  total.offN += report.offTopic.total;
  console.log(
    `${fold}: right ${FAQ_LANGUAGES.map((lang) => report.perLanguage[lang].answeredRight).join('/')}, off-topic ${report.offTopic.declined}/${report.offTopic.total}`,
  );
}
const pct = (a: number, b: number) => (b === 0 ? 'n/a' : ((100 * a) / b).toFixed(1));
const each = (a: number[], b: number[]) => FAQ_LANGUAGES.map((_lang, l) => pct(a[l] ?? 0, b[l] ?? 0)).join(' / ');
console.log(`right % (${FAQ_LANGUAGES.join(' / ')}): ${each(total.right, total.n)}`);
console.log(`wrong %: ${each(total.wrong, total.n)}`);
console.log(`long right %: ${each(total.longRight, total.longN)}`);
console.log(`off-topic declined: ${total.off}/${total.offN} (${pct(total.off, total.offN)} %)`);

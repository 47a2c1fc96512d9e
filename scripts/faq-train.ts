/**
 * Usage: tsx scripts/faq-train.ts — trains the FAQ's conversation model (`bot/faq/conversationModel.ts`) on
 * `bot/faq/model/corpus.ts`'s examples and writes `bot/faq/model/weights.json`. Deterministic: the same inputs give the same
 * file, and a test fails when the shipped file is not what training gives (after a KB, analyser or training-set change).
 */
import { writeFileSync } from 'node:fs';
import { trainModelFile } from '../bot/faq/model/train';
import { fromRoot } from '../bot/paths';

const out = fromRoot('bot', 'faq', 'model', 'weights.json');
const started = performance.now();
const { text, examples, terms } = trainModelFile();
writeFileSync(out, text);
console.log(
  `${examples} examples, ${terms} terms → ${out} (${(text.length / 1024).toFixed(0)} KiB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

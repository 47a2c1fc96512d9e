/**
 * What the conversation model (`../conversationModel.ts`) is trained on: the knowledge base's example questions, the
 * out-of-scope examples (as "none"), and the labelled sets below — messages written as users write them. Used by
 * `npm run faq:train` and the test that proves `weights.json` is what training gives; the bot itself only reads the weights.
 */
import { readFileSync } from 'node:fs';
import type { TrainingExample } from '../conversationModel';
import { parseEvalFile } from '../evaluate';
import { fromRoot } from '../../paths';
import { OUT_OF_SCOPE_EXAMPLES } from '../outOfScope';
import { FAQ_LANGUAGES, type FaqTopic } from '../types';

const EVAL_DIR = fromRoot('bot', 'faq', 'eval');

/**
 * The labelled sets trained on (in `../eval/`): every set the engine was tuned on, and six written as training data; never
 * the sets written to measure it (`MEASURING_SETS`).
 */
export const TRAINING_SETS: readonly string[] = [
  'faq-dev.jsonl',
  'offtopic-dev.jsonl',
  'heldout-real.jsonl',
  'heldout-fresh.jsonl',
  ...Array.from({ length: 16 }, (_x, i) => `heldout-${i + 3}.jsonl`),
  // Written as training data in rounds twenty-six to twenty-eight (never scored as evaluation sets).
  'train-1.jsonl',
  'train-2.jsonl',
  'train-3.jsonl',
  'train-4.jsonl',
  'train-5.jsonl',
  'train-6.jsonl',
];

/**
 * The labelled sets kept apart to measure the engine and its model (`npm run eval:faq`), never trained on: heldout-19 (the
 * model's validation set), the blind sets of rounds twenty-five to twenty-eight, and offtopic-near — written as training
 * data in round twenty-seven, it did not help when trained on (more wrong answers, one off-topic message more declined,
 * leaving one set out) and measures near-miss off-topic messages instead.
 */
export const MEASURING_SETS: readonly string[] = [
  ...Array.from({ length: 6 }, (_x, i) => `heldout-${i + 19}.jsonl`),
  'offtopic-near.jsonl',
];

/** Every training example, each message read into terms by `terms` (the engine's analyser); `sets` for all but some. */
export function trainingExamples(
  topics: readonly FaqTopic[],
  terms: (text: string) => string[],
  sets: readonly string[] = TRAINING_SETS,
): TrainingExample[] {
  const examples: TrainingExample[] = [];
  for (const topic of topics)
    for (const language of FAQ_LANGUAGES) for (const q of topic.questions[language] ?? []) examples.push({ terms: terms(q), id: topic.id });
  for (const language of FAQ_LANGUAGES) for (const q of OUT_OF_SCOPE_EXAMPLES[language]) examples.push({ terms: terms(q), id: null });
  for (const set of sets)
    for (const c of parseEvalFile(readFileSync(`${EVAL_DIR}/${set}`, 'utf8'))) examples.push({ terms: terms(c.q), id: c.id });
  return examples;
}

/** The classes: every topic id in the knowledge base's order, then `null` (none). */
export function modelClasses(topics: readonly FaqTopic[]): (string | null)[] {
  return [...topics.map((t) => t.id), null];
}

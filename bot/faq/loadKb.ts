import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { FaqTopic } from './types';
import { fromRoot } from '../paths';

/** Folder of the version-controlled knowledge base (one JSON file per topic group). */
export const KB_DIR = fromRoot('bot', 'faq', 'kb');

const nonEmpty = z.string().trim().min(1);
const questionList = z.array(nonEmpty).min(1);

/** Schema of one topic in a knowledge-base file. */
export const topicSchema = z
  .object({
    id: z.string().regex(/^[a-z]+(\.[a-z]+)+$/, 'topic ids look like "group.name"'),
    // The shipped KB answers all three languages; only console-made topics may lack a Roman Urdu answer.
    answer: z
      .object({
        en: nonEmpty,
        ur: nonEmpty,
        'ur-Latn': nonEmpty.refine((text) => !/[\u0600-\u06FF]/.test(text), 'Roman Urdu is written in Latin letters'),
      })
      .strict(),
    questions: z.object({ en: questionList, ur: questionList, 'ur-Latn': questionList }).strict(),
  })
  .strict();

const kbFileSchema = z.array(topicSchema).min(1);

/** Validate parsed KB files (name → JSON) into topics; throws one error naming every bad file, path and duplicate id. */
export function parseKb(files: ReadonlyArray<{ name: string; json: unknown }>): FaqTopic[] {
  const topics: FaqTopic[] = [];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const { name, json } of files) {
    const parsed = kbFileSchema.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${name}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
      continue;
    }
    for (const topic of parsed.data) {
      const other = seen.get(topic.id);
      if (other) problems.push(`${name}: topic "${topic.id}" is also defined in ${other}`);
      seen.set(topic.id, name);
      topics.push(topic);
    }
  }
  if (problems.length > 0) throw new Error(`Invalid FAQ knowledge base:\n${problems.join('\n')}`);
  return topics;
}

/** Read and validate every `*.json` file of the KB folder into plain topic data, in a stable order. */
export function loadKb(dir: string = KB_DIR): FaqTopic[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ name, json: JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown }));
  return parseKb(files);
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FaqEngine } from '../../../bot/faq/engine';
import { evaluate, parseEvalFile } from '../../../bot/faq/evaluate';
import { loadKb } from '../../../bot/faq/loadKb';
import { FAQ_LANGUAGES } from '../../../bot/faq/types';

const engine = new FaqEngine(loadKb());

describe.each([
  ['the dev set', resolve(__dirname, '../../../bot/faq/eval/faq-dev.jsonl')],
  ['our holdout set', resolve(__dirname, '../../fixtures/faq-holdout.jsonl')],
  ['the second holdout set', resolve(__dirname, '../../fixtures/faq-holdout2.jsonl')],
  ['the third holdout set (styles: typos, code-mixed, keywords, polite openers, near-miss off-topic)', resolve(__dirname, '../../fixtures/faq-holdout3.jsonl')],
])('FAQ targets on %s', (_name, file) => {
  const report = evaluate(engine, parseEvalFile(readFileSync(file, 'utf8')));

  it.each(FAQ_LANGUAGES)('answers at least 90%% of %s questions with the right topic and at most 3%% wrongly', (lang) => {
    const tally = report.perLanguage[lang];
    expect(tally.total).toBeGreaterThan(0);
    expect(tally.answeredRight / tally.total).toBeGreaterThanOrEqual(0.9);
    expect(tally.answeredWrong / tally.total).toBeLessThanOrEqual(0.03);
  });

  it('declines at least 90% of off-topic questions', () => {
    expect(report.offTopic.total).toBeGreaterThan(0);
    expect(report.offTopic.declined / report.offTopic.total).toBeGreaterThanOrEqual(0.9);
  });

  it('detects the language of at least 97% of questions', () => {
    expect(report.languageDetection.right / report.languageDetection.total).toBeGreaterThanOrEqual(0.97);
  });
});

describe('off-topic tuning set', () => {
  it('declines at least 90% of it', () => {
    const report = evaluate(engine, parseEvalFile(readFileSync(resolve(__dirname, '../../fixtures/faq-offtopic-tune.jsonl'), 'utf8')));
    expect(report.offTopic.declined / report.offTopic.total).toBeGreaterThanOrEqual(0.9);
  });
});

describe('parseEvalFile', () => {
  it('names the line of a malformed case', () => {
    expect(() => parseEvalFile('{"q":"a","lang":"en","id":null}\n{"q":"b","lang":"fr","id":null}')).toThrow(/line 2/);
  });
});

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
  [
    'the third holdout set (styles: typos, code-mixed, keywords, polite openers, near-miss off-topic)',
    resolve(__dirname, '../../fixtures/faq-holdout3.jsonl'),
  ],
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

describe('the real-style held-out set (long, code-mixed, noisy messages; bot/faq/eval/heldout-real.jsonl)', () => {
  const report = evaluate(engine, parseEvalFile(readFileSync(resolve(__dirname, '../../../bot/faq/eval/heldout-real.jsonl'), 'utf8')));

  it.each(FAQ_LANGUAGES)('answers %s messages right at least 90%% of the time and wrongly at most 3%%', (lang) => {
    const tally = report.perLanguage[lang];
    expect(tally.answeredRight / tally.total).toBeGreaterThanOrEqual(0.9);
    expect(tally.answeredWrong / tally.total).toBeLessThanOrEqual(0.03);
  });

  // A regression floor, not the 90% target: long Urdu-script and Roman Urdu messages are at 85% / 82.5% (see bot/faq/README.md).
  it.each(FAQ_LANGUAGES.flatMap((lang) => (['long', 'mixed'] as const).map((kind) => [kind, lang] as const)))(
    'answers at least 80%% of %s %s messages right',
    (kind, lang) => {
      const tally = report.perKind[`${kind}/${lang}`];
      expect(tally?.total).toBeGreaterThanOrEqual(40);
      expect((tally?.answeredRight ?? 0) / (tally?.total ?? 1)).toBeGreaterThanOrEqual(0.8);
    },
  );

  it('declines at least 95% of off-topic messages, long greeted chit-chat included', () => {
    expect(report.offTopic.total).toBeGreaterThanOrEqual(40);
    expect(report.offTopic.declined / report.offTopic.total).toBeGreaterThanOrEqual(0.95);
  });

  it('detects the language of at least 97% of messages', () => {
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
  it('rejects an unknown kind of message, naming the line', () => {
    expect(() => parseEvalFile('{"q":"a","lang":"en","id":null,"kind":"weird"}')).toThrow(/line 1: kind must be one of/);
  });

  it('names the line of a malformed case', () => {
    expect(() => parseEvalFile('{"q":"a","lang":"en","id":null}\n{"q":"b","lang":"fr","id":null}')).toThrow(/line 2/);
  });
});

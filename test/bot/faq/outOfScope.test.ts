import { FaqEngine } from '../../../bot/faq/engine';
import { loadKb } from '../../../bot/faq/loadKb';
import { OUT_OF_SCOPE_EXAMPLES, OutOfScopeIndex, type OutOfScopeExamples } from '../../../bot/faq/outOfScope';
import { FAQ_LANGUAGES } from '../../../bot/faq/types';

const kb = loadKb();
/** Retrieval and its rules alone: what this file is about (the conversation model is conversationModel.test.ts's). */
const RULES = { model: null } as const;
const NO_EXAMPLES: OutOfScopeExamples = { en: [], ur: [], 'ur-Latn': [] };
const engine = new FaqEngine(kb, RULES);
const withoutClass = new FaqEngine(kb, { ...RULES, outOfScope: NO_EXAMPLES });

describe('the out-of-scope class', () => {
  it('declines a near miss that the topics alone would answer (PTA phone registration is not whitelisting)', () => {
    const message = 'How do I register my phone with PTA?';
    expect(withoutClass.search(message).decision).toBe('answer');
    expect(engine.search(message)).toMatchObject({ decision: 'none', results: [] });
  });

  it.each([
    ['How do I apply for whitelisting?', 'whitelisting.how'],
    ['Ghar se kaam ki ijazat kaise milegi?', 'wfh.how'],
  ])('still answers a real question: %s', (message, id) => {
    const response = engine.search(message);
    expect(response.decision).toBe('answer');
    expect(response.results[0]?.id).toBe(id);
  });

  it('never declines a message whose words the best topic explains, even one an example repeats word for word', () => {
    const message = 'How do I apply for whitelisting?';
    const local = new FaqEngine(kb, { ...RULES, outOfScope: { ...NO_EXAMPLES, en: [message] } });
    expect(local.search(message).decision).toBe('answer');
  });

  it('is no topic: the engine answers from the knowledge base only', () => {
    expect(engine.topics().map((t) => t.id)).toEqual(kb.map((t) => t.id));
  });

  it('ships examples in every language', () => {
    for (const language of FAQ_LANGUAGES) expect(OUT_OF_SCOPE_EXAMPLES[language].length).toBeGreaterThanOrEqual(100);
  });
});

describe('OutOfScopeIndex', () => {
  const token = (term: string): { term: string; phon: string } => ({ term, phon: term });
  const analyze = (text: string): { term: string; phon: string }[] => text.split(' ').map(token);
  const index = new OutOfScopeIndex({ ...NO_EXAMPLES, en: ['pta phone register', 'fbr tax'] }, analyze, () => 1);
  const query = analyze('pta phone register').map((t) => ({ token: t, weight: 1 }));

  it('scores a reading an example explains in full as 1', () => {
    expect(index.score(query)).toBeCloseTo(1);
  });

  it('lets only the examples holding a word the best topic cannot explain compete', () => {
    expect(index.score(query, [token('register')])).toBeCloseTo(1);
    expect(index.score(query, [token('tax')])).toBe(0);
    expect(index.score(query, [])).toBe(0);
  });

  it('scores lower when the example explains only part of the reading', () => {
    const partial = analyze('pta phone salary').map((t) => ({ token: t, weight: 1 }));
    expect(index.score(partial)).toBeGreaterThan(0);
    expect(index.score(partial)).toBeLessThan(0.5);
  });
});

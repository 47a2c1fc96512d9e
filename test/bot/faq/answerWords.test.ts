import { Analyzer } from '../../../bot/faq/analyzer';
import { answerWordsOf } from '../../../bot/faq/answerWords';
import type { FaqTopic } from '../../../bot/faq/types';

const topic = (id: string, answer: string, question: string): FaqTopic => ({
  id,
  answer: { en: answer, ur: 'جواب', 'ur-Latn': 'jawab' },
  questions: { en: [question], ur: [], 'ur-Latn': [] },
});

const analyzer = new Analyzer();
const questionTerms = (topics: readonly FaqTopic[]): Set<string> =>
  new Set(topics.flatMap((t) => t.questions.en.flatMap((q) => analyzer.analyze(q).map((token) => token.term))));

describe('answerWordsOf (round fourteen)', () => {
  const topics = [
    topic('parking', 'Visitors park at the basement garage behind reception.', 'Where can visitors park?'),
    topic('canteen', 'The canteen is behind reception and serves biryani.', 'Is there a canteen?'),
  ];
  const known = questionTerms(topics);
  const words = answerWordsOf(topics, analyzer, (term) => known.has(term));

  it('gives a word only one answer uses, and no example question, to that topic', () => {
    expect(words.get('basement')).toBe(0);
    expect(words.get('garage')).toBe(0);
    expect(words.get('biryani')).toBe(1);
  });

  it('leaves out words several answers use ("reception") and words an example question uses ("canteen")', () => {
    expect(words.has('reception')).toBe(false);
    expect(words.has('canteen')).toBe(false);
    expect([...words.keys()].some((term) => term.startsWith('@'))).toBe(false);
  });
});

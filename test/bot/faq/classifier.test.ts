import { Analyzer } from '../../../bot/faq/analyzer';
import { TopicClassifier } from '../../../bot/faq/classifier';
import { FaqEngine } from '../../../bot/faq/engine';
import { loadKb } from '../../../bot/faq/loadKb';
import { FAQ_LANGUAGES, type FaqTopic } from '../../../bot/faq/types';

const kb = loadKb();
/** Retrieval and its rules alone: what this file is about (the conversation model is conversationModel.test.ts's). */
const RULES = { model: null } as const;

describe('TopicClassifier (naive Bayes over the example questions)', () => {
  const analyzer = new Analyzer();
  const examples = kb.flatMap((topic, index) =>
    FAQ_LANGUAGES.flatMap((lang) => (topic.questions[lang] ?? []).map((q) => ({ topic: index, tokens: analyzer.analyze(q) }))),
  );
  const classifier = new TopicClassifier(examples, kb.length);
  const top = (text: string): string | undefined => kb[classifier.classify(analyzer.analyze(text))[0]?.topic ?? -1]?.id;

  // Questions written for this test in the KB's style, none of them an example of the KB.
  it.each([
    ['Who do I ring for coronavirus support, is the line open at night?', 'covid.helpline'],
    ['ghar se kaam ki darkhwast ke liye agents ki kaun si maloomat deni hongi', 'wfh.requirements'],
    ['وائٹ لسٹنگ کی درخواست کس طرح جمع کرائیں؟', 'whitelisting.how'],
    ['what happens to the CNIC numbers we send you, who can see them', 'privacy.data'],
    ['meri request ka status kaise pata karun', 'request.status'],
    ['Which organisations sit on the working group?', 'workinggroup.members'],
  ])('reads "%s" as %s', (text, id) => {
    expect(top(text)).toBe(id);
  });

  it('gives a posterior that sums to one, best first', () => {
    const posterior = classifier.classify(analyzer.analyze('how do I apply for whitelisting'));
    expect(posterior).toHaveLength(kb.length);
    expect(posterior.reduce((sum, p) => sum + p.probability, 0)).toBeCloseTo(1, 9);
    for (let i = 1; i < posterior.length; i += 1)
      expect(posterior[i - 1]?.probability).toBeGreaterThanOrEqual(posterior[i]?.probability ?? 1);
  });

  it('has no opinion on a text with no word it knows', () => {
    expect(classifier.classify(analyzer.analyze('zxqv plorb'))).toEqual([]);
  });
});

describe('FaqEngine classifier', () => {
  const question = 'Who do I ring for coronavirus support, is the line open at night?';
  /** The KB without one topic: its questions are no longer examples of anything. */
  const without = (id: string): FaqTopic[] => kb.filter((t) => t.id !== id);

  it('is trained on the topics the engine answers from and retrained by replaceTopics', () => {
    const engine = new FaqEngine(kb, RULES);
    expect(engine.classify(question)[0]?.id).toBe('covid.helpline');
    engine.replaceTopics(without('covid.helpline'));
    expect(engine.classify(question).map((p) => p.id)).not.toContain('covid.helpline');
    engine.replaceTopics(kb);
    expect(engine.classify(question)[0]?.id).toBe('covid.helpline');
  });

  it('never answers off-topic alone: a message the retrieval declines stays declined', () => {
    const engine = new FaqEngine(kb, RULES);
    const offTopic = 'Which hospital in Lahore has the best cardiologist for my father?';
    expect(engine.classify(offTopic).length).toBeGreaterThan(0);
    expect(engine.search(offTopic).decision).toBe('none');
  });

  it('confirms a suggested top topic only with a clear posterior (off: the suggestion stays)', () => {
    // Without "bata dein k…" before the question: since round nine that frame is cut off, and retrieval answers alone.
    const message =
      'AoA, hum 35 agents ke liye work from home ki request dene wale hain. Sab se data ikattha karne se pehle har agent ki kaun si details chahiye? Shukriya';
    const withOpinion = new FaqEngine(kb, RULES).search(message);
    const without = new FaqEngine(kb, { ...RULES, secondOpinion: { confirm: 2 } }).search(message);
    expect(without).toMatchObject({ decision: 'suggest' });
    expect(withOpinion).toMatchObject({ decision: 'answer' });
    expect(withOpinion.results[0]?.id).toBe(without.results[0]?.id);
  });
});

/** The conversation model (round twenty-five): training, the shipped weights, and how it decides with retrieval. */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConversationModel, TRAINING, trainConversationModel, type ModelWeights } from '../../../bot/faq/conversationModel';
import { ASKED, FaqEngine, MODEL_THRESHOLDS } from '../../../bot/faq/engine';
import { loadKb } from '../../../bot/faq/loadKb';
import { MEASURING_SETS, TRAINING_SETS } from '../../../bot/faq/model/corpus';
import { trainModelFile } from '../../../bot/faq/model/train';
import type { FaqTopic } from '../../../bot/faq/types';

const kb = loadKb();
const ids = kb.map((t) => t.id);
/** Just over a threshold: a posterior built from logarithms lands a rounding error either side of the exact value. */
const over = (threshold: number) => threshold + 0.001;

/** The key that stands for "none" in `modelOf`. */
const NONE = 'none';

/**
 * A model that gives every message the same posterior (no terms, only biases): the probability of each class given (`NONE`
 * for none) is the test's choice; the rest is spread evenly over the other classes.
 */
function modelOf(probabilities: Readonly<Record<string, number>>): ConversationModel {
  const classes = [...ids, null];
  const given = Object.values(probabilities).reduce((a, b) => a + b, 0);
  const rest = (1 - given) / (classes.length - Object.keys(probabilities).length);
  const bias = classes.map((c) => Math.log(probabilities[c ?? NONE] ?? rest));
  return new ConversationModel({ format: 1, classes, terms: [], bias, scale: 1, weights: '' });
}

/** `modelOf` with one class given: which topic (or none), and how sure. */
function fixedModel(id: string | null, probability: number): ConversationModel {
  return modelOf({ [id ?? NONE]: probability });
}

/** A model's weights as numbers (the stored integers times the scale). */
function unpacked(weights: ModelWeights): number[] {
  const bytes = Buffer.from(weights.weights, 'base64');
  return Array.from(new Int16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2), (w) => w * weights.scale);
}

describe('trainConversationModel', () => {
  const examples = [
    ...['helpline number', 'helpline kya hai', 'call the helpline', 'helpline number please'].map((q) => ({
      terms: q.split(' '),
      id: 'a',
    })),
    ...['status of request', 'request status please', 'status kya hai', 'my request status'].map((q) => ({ terms: q.split(' '), id: 'b' })),
    ...['cricket score today', 'cricket match kab hai', 'biryani recipe please', 'biryani kaise banate'].map((q) => ({
      terms: q.split(' '),
      id: null,
    })),
  ];
  const weights = trainConversationModel(examples, ['a', 'b', null]);
  const model = new ConversationModel(weights);

  it('learns each class from its words, "none" included', () => {
    expect(model.classify(['helpline', 'please'])[0]?.id).toBe('a');
    expect(model.classify(['status', 'kya', 'hai'])[0]?.id).toBe('b');
    expect(model.classify(['cricket', 'today'])[0]?.id).toBeNull();
  });

  it('gives a posterior that sums to one, best first', () => {
    const posterior = model.classify(['helpline', 'status']);
    expect(posterior.map((p) => p.id).sort()).toEqual(['a', 'b', null].sort());
    expect(posterior.reduce((sum, p) => sum + p.probability, 0)).toBeCloseTo(1, 10);
    posterior.forEach((p, i) => i > 0 && expect(p.probability).toBeLessThanOrEqual(posterior[i - 1]?.probability ?? 1));
  });

  it('keeps only words seen in at least two examples, and trains the same weights every time', () => {
    expect(weights.terms).toContain('helpline');
    expect(weights.terms).not.toContain('recipe');
    expect(trainConversationModel(examples, ['a', 'b', null])).toEqual(weights);
  });

  it('ships the mean of its runs, each run the same training in another order', () => {
    const one = (seed: number) => trainConversationModel(examples, ['a', 'b', null], { ...TRAINING, runs: 1, seed });
    const [first, second] = [one(TRAINING.seed), one(TRAINING.seed + 1)];
    const both = trainConversationModel(examples, ['a', 'b', null], { ...TRAINING, runs: 2 });
    expect(unpacked(first)).not.toEqual(unpacked(second));
    unpacked(both).forEach((w, i) =>
      expect(Math.abs(w - ((unpacked(first)[i] ?? 0) + (unpacked(second)[i] ?? 0)) / 2)).toBeLessThanOrEqual(
        first.scale + second.scale + both.scale,
      ),
    );
    both.bias.forEach((b, c) => expect(b).toBeCloseTo(((first.bias[c] ?? 0) + (second.bias[c] ?? 0)) / 2, 5));
  });

  it('refuses weights that do not match its terms and classes', () => {
    expect(() => new ConversationModel({ ...weights, terms: [...weights.terms, 'extra'] })).toThrow(/terms × classes/);
  });
});

describe('the shipped model (bot/faq/model/weights.json)', () => {
  it('is exactly what `npm run faq:train` gives from the KB, the out-of-scope examples and the training sets', () => {
    const shipped = readFileSync(resolve(__dirname, '../../../bot/faq/model/weights.json'), 'utf8');
    // If this fails after a change to the KB, the analyser or a training set: run `npm run faq:train` and commit the file.
    expect(trainModelFile().text === shipped).toBe(true);
  });

  it('has a class for every topic and one for none, and never trains on the sets that measure it', () => {
    const shipped = JSON.parse(readFileSync(resolve(__dirname, '../../../bot/faq/model/weights.json'), 'utf8')) as ModelWeights;
    expect(shipped.classes).toEqual([...ids, null]);
    // Every kept set is trained on or kept apart to measure, never both: a new set must be put on one side.
    const kept = readdirSync(resolve(__dirname, '../../../bot/faq/eval')).filter((f) => f.endsWith('.jsonl'));
    expect([...TRAINING_SETS, ...MEASURING_SETS].sort()).toEqual(kept.sort());
    for (const set of ['heldout-19.jsonl', 'heldout-24.jsonl', 'offtopic-near.jsonl']) expect(MEASURING_SETS).toContain(set);
  });
});

describe('FaqEngine with the conversation model', () => {
  const rules = new FaqEngine(kb, { model: null });
  const LONG_CLEAR = 'Hi team, we are a call centre in Multan with forty agents. What is the helpline number I can call at night? Thanks';

  it('reads the clauses that ask apart from the scene around them, and a one-clause message as it is', () => {
    const scene = 'We are a call centre in Multan with forty agents.';
    const question = 'When will we hear back about our request?';
    const terms = rules.modelTerms(`${scene} ${question}`);
    expect(terms.filter((t) => !t.startsWith(ASKED))).toEqual(rules.terms(`${scene} ${question}`));
    expect(terms.filter((t) => t.startsWith(ASKED))).toEqual(rules.terms(question).map((t) => `${ASKED}${t}`));
    expect(rules.modelTerms(question)).toEqual(rules.terms(question));
  });

  it('answers the model’s topic at its answer threshold, even one retrieval did not rank', () => {
    const message = 'Salam, we are a BPO in Lahore with sixty agents and a client in Texas, kindly guide us.';
    expect(rules.search(message).decision).not.toBe('answer');
    const engine = new FaqEngine(kb, { model: fixedModel('privacy.data', over(MODEL_THRESHOLDS.answer)) });
    const response = engine.search(message);
    expect(response.decision).toBe('answer');
    expect(response.results[0]?.id).toBe('privacy.data');
    expect(response.results[0]?.score).toBeGreaterThanOrEqual(MODEL_THRESHOLDS.answer);
  });

  it('reports scores best first when the model put a topic above retrieval’s', () => {
    const engine = new FaqEngine(kb, { model: fixedModel('workinggroup.members', over(MODEL_THRESHOLDS.overrule)) });
    const { results } = engine.search('What is the helpline number of PSEB, and whom do I call at night?');
    expect(results[0]?.id).toBe('workinggroup.members');
    results.forEach((r, i) => i > 0 && expect(r.score).toBeLessThanOrEqual(results[i - 1]?.score ?? 1));
  });

  it('declines what the model calls off-topic, and leaves a clear retrieval answer alone below its thresholds', () => {
    expect(rules.search(LONG_CLEAR).decision).toBe('answer');
    expect(new FaqEngine(kb, { model: fixedModel(null, over(MODEL_THRESHOLDS.decline)) }).search(LONG_CLEAR).decision).toBe('none');
    const agreeing = new FaqEngine(kb, { model: fixedModel('covid.helpline', 0.3) }).search(LONG_CLEAR);
    expect(agreeing.decision).toBe('answer');
    expect(agreeing.results[0]?.id).toBe('covid.helpline');
  });

  it('suggests both topics when it disagrees with retrieval’s answer without the confidence to overrule it', () => {
    for (const probability of [0.3, over(MODEL_THRESHOLDS.answer), MODEL_THRESHOLDS.overrule - 0.01]) {
      const response = new FaqEngine(kb, { model: fixedModel('request.status', probability) }).search(LONG_CLEAR);
      expect(response.decision).toBe('suggest');
      expect(response.results.map((r) => r.id).slice(0, 2)).toEqual(['covid.helpline', 'request.status']);
    }
    const overruled = new FaqEngine(kb, { model: fixedModel('request.status', over(MODEL_THRESHOLDS.overrule)) }).search(LONG_CLEAR);
    expect(overruled.decision).toBe('answer');
    expect(overruled.results[0]?.id).toBe('request.status');
  });

  it('leaves a message of fewer than three terms to retrieval unless the model is all but sure', () => {
    const unsure = new FaqEngine(kb, { model: fixedModel('privacy.data', MODEL_THRESHOLDS.fewTerms - 0.01) });
    expect(unsure.search('helpline number').results[0]?.id).toBe('covid.helpline');
    expect(unsure.search('PSEB internship').decision).toBe(rules.search('PSEB internship').decision);
    // Sure of "none", it still does not decline a short message retrieval answers.
    expect(new FaqEngine(kb, { model: fixedModel(null, 0.99) }).search('helpline number').decision).toBe('answer');
  });

  it('answers a short message the model is all but sure of where retrieval answered nothing, and leaves retrieval’s answers', () => {
    expect(rules.search('PSEB internship').decision).toBe('none');
    const sure = new FaqEngine(kb, { model: fixedModel('contact.human', over(MODEL_THRESHOLDS.fewTerms)) });
    const short = sure.search('PSEB internship');
    expect(short.decision).toBe('answer');
    expect(short.results[0]?.id).toBe('contact.human');
    expect(sure.search('helpline number').results[0]?.id).toBe('covid.helpline');
  });

  it('suggests the model’s topic first where retrieval declines and the model leans to a topic, not where it leans to none', () => {
    const message = 'Assalam o alaikum, we are forty people in Sialkot and nobody tells us anything, kindly guide us what to do';
    expect(rules.search(message).decision).toBe('none');
    const leaning = new FaqEngine(kb, { model: fixedModel('wfh.how', over(MODEL_THRESHOLDS.suggest)) }).search(message);
    expect(leaning.decision).toBe('suggest');
    expect(leaning.results[0]?.id).toBe('wfh.how');
    expect(new FaqEngine(kb, { model: fixedModel('wfh.how', MODEL_THRESHOLDS.suggest - 0.01) }).search(message).decision).toBe('none');
    // The same lean with "none" close behind it: declined.
    const doubtful = modelOf({ 'wfh.how': over(MODEL_THRESHOLDS.suggest), [NONE]: MODEL_THRESHOLDS.suggestNone + 0.01 });
    expect(new FaqEngine(kb, { model: doubtful }).search(message).decision).toBe('none');
  });

  it('lets retrieval answer a topic added in the console, which the model was never trained on', () => {
    const parking: FaqTopic = {
      id: 'office.parking',
      answer: { en: 'Visitors park in the basement.', ur: 'مہمان تہہ خانے میں گاڑی کھڑی کریں۔' },
      questions: {
        en: ['Where can visitors park at the PSEB office?', 'Is there parking for visitors at the office?'],
        ur: ['دفتر میں مہمانوں کی پارکنگ کہاں ہے؟'],
        'ur-Latn': ['office mein visitors ki parking kahan hai?'],
      },
    };
    const engine = new FaqEngine([...kb, parking], { model: fixedModel(null, 0.99) });
    const response = engine.search('Where can visitors park at the PSEB office when they come?');
    expect(response.decision).toBe('answer');
    expect(response.results[0]?.id).toBe('office.parking');
  });

  it('with the shipped model, suggests rather than answers where retrieval misreads a long message the model reads otherwise', () => {
    const message =
      'Respected sir, I am writing on behalf of my father who owns a call centre in Quetta. He is not good with phones. He asked me to find out whom he can actually talk to on the phone at PSEB about this, day or night. Thank you';
    const ruled = rules.search(message);
    expect(ruled.decision).toBe('answer');
    expect(ruled.results[0]?.id).toBe('request.status');
    const combined = new FaqEngine(kb).search(message);
    expect(combined.decision).toBe('suggest');
    expect(combined.results.map((r) => r.id)).toContain('covid.helpline');
  });
});

/**
 * The conversation model (round twenty-five, README): multinomial logistic regression from the words of a whole message to
 * a topic or to "none" (off-topic), trained offline (`npm run faq:train`) on messages written the way users write — long,
 * greeted, code-mixed, misspelt — and shipped as `model/weights.json`. Pure data and arithmetic: no dependency, no I/O.
 */

/** A training example: the analyser's terms of one message and its topic id, `null` for a message to decline. */
export interface TrainingExample {
  readonly terms: readonly string[];
  readonly id: string | null;
}

/** The shipped form: classes (topic ids, `null` for none), a vocabulary, and weights quantised to 16 bits. */
export interface ModelWeights {
  readonly format: 1;
  readonly classes: readonly (string | null)[];
  readonly terms: readonly string[];
  readonly bias: readonly number[];
  /** One quantum of `weights`: a stored integer × scale is the weight. */
  readonly scale: number;
  /** Base64 of little-endian Int16, `terms.length × classes.length`, term-major. */
  readonly weights: string;
}

/** A class and the model's probability for it. */
export interface ModelPosterior {
  readonly id: string | null;
  readonly probability: number;
}

/** Training settings; the defaults are what the README's figures were measured with. */
export interface TrainingOptions {
  readonly epochs: number;
  /** AdaGrad's step size. */
  readonly rate: number;
  /** L2 penalty on each weight's gradient. */
  readonly l2: number;
  /** A term must occur in this many examples to get weights: a word seen once says more about its writer than its topic. */
  readonly minCount: number;
  /** The first run's order; run r shuffles with `seed + r`. */
  readonly seed: number;
  /**
   * Runs averaged into the shipped weights, each the same training in another order: one run's weights depend on the order
   * it met the examples in, and their mean is steadier (README, round twenty-seven).
   */
  readonly runs: number;
}

export const TRAINING: TrainingOptions = { epochs: 6, rate: 0.5, l2: 1e-5, minCount: 2, seed: 7, runs: 5 };

const BIAS_RATE = 0.05;
const INT16_MAX = 32_767;

/** Softmax of scores in place; returns the same array. */
function softmax(scores: Float64Array): Float64Array {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  let sum = 0;
  for (let c = 0; c < scores.length; c += 1) {
    const e = Math.exp((scores[c] ?? 0) - max);
    scores[c] = e;
    sum += e;
  }
  for (let c = 0; c < scores.length; c += 1) scores[c] = (scores[c] ?? 0) / sum;
  return scores;
}

/** A deterministic shuffle (linear congruential generator), so training gives the same weights on every machine. */
function shuffled(count: number, seed: number): number[] {
  const order = Array.from({ length: count }, (_x, i) => i);
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/** The distinct terms of a message, each once: the model reads which words a message has, not how often. */
function distinct(terms: readonly string[]): string[] {
  return [...new Set(terms)];
}

/** Each input's value: 1/√(distinct terms), words without weights included, so a message of many unknown words says less. */
function inputScale(termCount: number): number {
  return 1 / Math.sqrt(Math.max(termCount, 1));
}

/** One training example as the trainer reads it: its inputs' indices, their value, and its class. */
interface TrainingRow {
  readonly inputs: readonly number[];
  readonly x: number;
  readonly label: number;
}

/**
 * Trains the model. Inputs are scaled (`inputScale`), so a long message's words do not outweigh a short one's;
 * AdaGrad with a small L2 penalty; a fixed number of passes in a seeded order, `runs` times in different orders, averaged.
 */
export function trainConversationModel(
  examples: readonly TrainingExample[],
  classes: readonly (string | null)[],
  options: TrainingOptions = TRAINING,
): ModelWeights {
  const classOf = new Map(classes.map((id, c) => [id, c]));
  const counts = new Map<string, number>();
  for (const e of examples) for (const term of distinct(e.terms)) counts.set(term, (counts.get(term) ?? 0) + 1);
  const terms = [...counts].filter(([, n]) => n >= options.minCount).map(([term]) => term);
  const termIndex = new Map(terms.map((term, i) => [term, i]));
  const rows: TrainingRow[] = examples
    .filter((e) => classOf.has(e.id))
    .map((e) => {
      const all = distinct(e.terms);
      const inputs = all.map((t) => termIndex.get(t)).filter((i): i is number => i !== undefined);
      return { inputs, x: inputScale(all.length), label: classOf.get(e.id) as number };
    });
  const weights = new Float64Array(terms.length * classes.length);
  const bias = new Float64Array(classes.length);
  for (let run = 0; run < options.runs; run += 1) {
    const trained = trainRun(rows, terms.length, classes.length, options, options.seed + run);
    for (let w = 0; w < weights.length; w += 1) weights[w] = (weights[w] ?? 0) + (trained.weights[w] ?? 0) / options.runs;
    for (let c = 0; c < bias.length; c += 1) bias[c] = (bias[c] ?? 0) + (trained.bias[c] ?? 0) / options.runs;
  }
  let largest = 0;
  for (const w of weights) largest = Math.max(largest, Math.abs(w));
  const scale = largest > 0 ? largest / INT16_MAX : 1;
  const quantised = Int16Array.from(weights, (w) => Math.round(w / scale));
  return {
    format: 1,
    classes: [...classes],
    terms,
    bias: Array.from(bias, (b) => Math.round(b * 1e6) / 1e6),
    scale,
    weights: Buffer.from(quantised.buffer, quantised.byteOffset, quantised.byteLength).toString('base64'),
  };
}

/** One run of training from zero weights, the examples met in the order `seed` gives each pass. */
function trainRun(
  rows: readonly TrainingRow[],
  termCount: number,
  C: number,
  options: TrainingOptions,
  seed: number,
): { weights: Float64Array; bias: Float64Array } {
  const weights = new Float64Array(termCount * C);
  const squares = new Float64Array(termCount * C).fill(1e-8);
  const bias = new Float64Array(C);
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (const r of shuffled(rows.length, seed + epoch)) {
      const { inputs, x, label } = rows[r] as TrainingRow;
      const scores = Float64Array.from(bias);
      for (const i of inputs) for (let c = 0; c < C; c += 1) scores[c] = (scores[c] ?? 0) + (weights[i * C + c] ?? 0) * x;
      softmax(scores);
      for (let c = 0; c < C; c += 1) {
        const error = (scores[c] ?? 0) - (c === label ? 1 : 0);
        bias[c] = (bias[c] ?? 0) - BIAS_RATE * error;
        for (const i of inputs) {
          const w = i * C + c;
          const gradient = error * x + options.l2 * (weights[w] ?? 0);
          squares[w] = (squares[w] ?? 0) + gradient * gradient;
          weights[w] = (weights[w] ?? 0) - (options.rate * gradient) / Math.sqrt(squares[w] ?? 1);
        }
      }
    }
  }
  return { weights, bias };
}

/** The model at run time: the weights unpacked once; classifying a message is a few array sums. */
export class ConversationModel {
  private readonly termIndex: ReadonlyMap<string, number>;
  private readonly weights: Float64Array;

  constructor(private readonly shipped: ModelWeights) {
    this.termIndex = new Map(shipped.terms.map((term, i) => [term, i]));
    const bytes = Buffer.from(shipped.weights, 'base64');
    const stored = new Int16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2);
    if (stored.length !== shipped.terms.length * shipped.classes.length)
      throw new Error('conversation model: weights do not match terms × classes');
    this.weights = Float64Array.from(stored, (w) => w * shipped.scale);
  }

  /** The classes: topic ids, and `null` for none. */
  get classes(): readonly (string | null)[] {
    return this.shipped.classes;
  }

  /** The posterior over the classes for a message's terms, best first. */
  classify(terms: readonly string[]): ModelPosterior[] {
    const C = this.shipped.classes.length;
    const all = distinct(terms);
    const inputs = all.map((t) => this.termIndex.get(t)).filter((i): i is number => i !== undefined);
    const x = inputScale(all.length);
    const scores = Float64Array.from(this.shipped.bias);
    for (const i of inputs) for (let c = 0; c < C; c += 1) scores[c] = (scores[c] ?? 0) + (this.weights[i * C + c] ?? 0) * x;
    softmax(scores);
    return Array.from(scores, (probability, c) => ({ id: this.shipped.classes[c] ?? null, probability })).sort(
      (a, b) => b.probability - a.probability,
    );
  }
}

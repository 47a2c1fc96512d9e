import type { AnalyzedToken } from './analyzer';

/** One example question, as the analyser read it, and the index of its topic. */
export interface LabelledTokens {
  readonly topic: number;
  readonly tokens: readonly AnalyzedToken[];
}

/** A topic and the classifier's posterior probability for it. */
export interface TopicPosterior {
  readonly topic: number;
  readonly probability: number;
}

/**
 * Additive (Lidstone) smoothing of the word counts. Small, since a topic has only ~60 example questions: at 1
 * (Laplace) a word seen twice in a topic weighs little more than one never seen.
 */
export const CLASSIFIER_SMOOTHING = 0.1;

/** Per-topic log probabilities of one feature, and how many of the topic's tokens it accounts for. */
type LogProbabilities = Float64Array;

/** Counts of features per topic → smoothed log probabilities (one entry per topic for each feature). */
function logTable(counts: ReadonlyMap<string, Float64Array>, totals: Float64Array): Map<string, LogProbabilities> {
  const vocabulary = counts.size;
  const table = new Map<string, LogProbabilities>();
  for (const [feature, perTopic] of counts) {
    table.set(
      feature,
      perTopic.map((n, topic) => Math.log((n + CLASSIFIER_SMOOTHING) / ((totals[topic] ?? 0) + CLASSIFIER_SMOOTHING * vocabulary))),
    );
  }
  return table;
}

function countFeature(counts: Map<string, Float64Array>, feature: string, topic: number, topicCount: number): void {
  let perTopic = counts.get(feature);
  if (!perTopic) {
    perTopic = new Float64Array(topicCount);
    counts.set(feature, perTopic);
  }
  perTopic[topic] = (perTopic[topic] ?? 0) + 1;
}

/**
 * Multinomial naive Bayes over the analyser's tokens (concepts and words) of every topic's example questions in all
 * three languages, trained when the engine builds its index (uniform prior: topics have about as many examples each).
 * A token is counted by its term; a term no example uses is looked up by its phonetic key, and a token that is
 * neither is left out — the classifier only weighs what the KB knows, so it always picks *some* topic and must never
 * decide alone (see `engine.ts`: it is a second opinion on retrieval's top topic).
 */
export class TopicClassifier {
  private readonly byTerm: ReadonlyMap<string, LogProbabilities>;
  private readonly byPhon: ReadonlyMap<string, LogProbabilities>;

  constructor(
    examples: readonly LabelledTokens[],
    private readonly topicCount: number,
  ) {
    const termCounts = new Map<string, Float64Array>();
    const phonCounts = new Map<string, Float64Array>();
    const totals = new Float64Array(topicCount);
    for (const { topic, tokens } of examples) {
      for (const token of new Map(tokens.map((t) => [t.term, t])).values()) {
        countFeature(termCounts, token.term, topic, topicCount);
        countFeature(phonCounts, token.phon, topic, topicCount);
        totals[topic] = (totals[topic] ?? 0) + 1;
      }
    }
    this.byTerm = logTable(termCounts, totals);
    this.byPhon = logTable(phonCounts, totals);
  }

  /** Posterior over the topics for the tokens, best first; empty when no token is known to the classifier. */
  classify(tokens: readonly AnalyzedToken[]): TopicPosterior[] {
    const logPosterior = new Float64Array(this.topicCount);
    let known = 0;
    for (const token of new Map(tokens.map((t) => [t.term, t])).values()) {
      const row = this.byTerm.get(token.term) ?? this.byPhon.get(token.phon);
      if (!row) continue;
      known += 1;
      for (let topic = 0; topic < this.topicCount; topic += 1) logPosterior[topic] = (logPosterior[topic] ?? 0) + (row[topic] ?? 0);
    }
    if (known === 0 || this.topicCount === 0) return [];
    const max = Math.max(...logPosterior);
    const odds = Array.from(logPosterior, (l) => Math.exp(l - max));
    const sum = odds.reduce((a, b) => a + b, 0);
    return odds.map((o, topic) => ({ topic, probability: o / sum })).sort((a, b) => b.probability - a.probability);
  }
}

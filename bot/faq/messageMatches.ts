/**
 * What the example questions and topics share with one message, worked out once per search. A long message is
 * scored as a whole and part by part (see `segment.ts`), often against the same candidate questions: matching a
 * question's words against the message's once, and then adding up weights per part from small arrays, keeps a
 * search cheap however many parts it has.
 */
import type { AnalyzedToken } from './analyzer';

/** Credit for a word that matches only by its phonetic key (a spelling variant, not the same word). */
export const PHONETIC_CREDIT = 0.7;

/** Words (or phonetic keys) a question, topic or class holds: a set, or the keys of a postings map. */
type Holds = Pick<ReadonlySet<string>, 'has'>;

/** 1 when `terms` holds the token, `PHONETIC_CREDIT` when `phons` holds its phonetic key, else 0. */
export function matchCredit(token: AnalyzedToken, terms: Holds, phons: Holds): number {
  if (terms.has(token.term)) return 1;
  return phons.has(token.phon) ? PHONETIC_CREDIT : 0;
}

/**
 * How well a question or topic holds each message token, by position: 1 the same term, `PHONETIC_CREDIT` the same key,
 * else 0. Dense over the message's few dozen tokens, so a reading's share is one pass over two arrays. A plain array, not
 * a Float64Array: a search builds one per candidate question, and a typed array costs several times more to allocate.
 */
type Credits = number[];

/** Credits of nothing yet, for a message of `size` tokens. */
const noCredits = (size: number): Credits => new Array<number>(size).fill(0);

/** The part of an example question that can match: its words and their weights. */
export interface MatchableQuestion {
  readonly tokens: readonly AnalyzedToken[];
  readonly terms: ReadonlySet<string>;
  readonly phons: ReadonlySet<string>;
  /** IDF of each token, aligned with `tokens`. */
  readonly weights: readonly number[];
  readonly weightTotal: number;
}

/** The question's own words that some message token matches (`explains`), as parallel arrays: kept flat for speed. */
interface Explains {
  readonly weights: readonly number[];
  /** Position of the same term in the message, or -1. */
  readonly terms: readonly number[];
  /** Positions of the message tokens with the same phonetic key. */
  readonly phons: readonly (readonly number[])[];
}

interface QuestionMatch {
  readonly credits: Credits;
  readonly explains: Explains;
}

/** Which topics hold each term and each phonetic key (built with the index). */
export interface TopicsByWord {
  readonly byTerm: ReadonlyMap<string, readonly number[]>;
  readonly byPhon: ReadonlyMap<string, readonly number[]>;
  /** Words only one topic's answer uses and no example question does (`answerWords.ts`), and the credit that topic gets for one. */
  readonly byAnswer?: { readonly words: ReadonlyMap<string, number>; readonly credit: number };
}

/** One reading of the message (whole or a part): the weight of each message token in it, 0 when absent. */
export interface ReadingWeights {
  readonly weights: Float64Array;
  readonly total: number;
}

export class MessageMatches {
  private readonly positions = new Map<string, number>();
  private readonly byPhon = new Map<string, number[]>();
  private readonly tokens: AnalyzedToken[] = [];
  private readonly questions = new Map<number, QuestionMatch>();
  private topicCredits: Map<number, Credits> | undefined;

  constructor(private readonly topicsIndex: TopicsByWord) {}

  /** Register every token of every reading first (positions must be complete before any matching). */
  register(tokens: readonly AnalyzedToken[]): void {
    for (const token of tokens) {
      if (this.positions.has(token.term)) continue;
      const position = this.tokens.length;
      this.tokens.push(token);
      this.positions.set(token.term, position);
      const same = this.byPhon.get(token.phon);
      if (same) same.push(position);
      else this.byPhon.set(token.phon, [position]);
    }
  }

  /** The weights of one reading, from its weighted tokens (all registered). */
  reading(query: readonly { readonly token: AnalyzedToken; readonly weight: number }[]): ReadingWeights {
    const weights = new Float64Array(this.tokens.length);
    let total = 0;
    for (const { token, weight } of query) {
      total += weight;
      const position = this.positions.get(token.term);
      if (position !== undefined) weights[position] = weight;
    }
    return { weights, total };
  }

  /**
   * How well a reading and one example question explain each other: the mean of how much of the reading the
   * question explains and how much of the question the reading explains (IDF-weighted). 0 when they share no word.
   * The match score is this times the topic's coverage of the reading (see `engine.ts`).
   */
  questionFit(reading: ReadingWeights, id: number, question: MatchableQuestion): number {
    const match = this.questionMatch(id, question);
    const covered = weighted(reading, match.credits);
    if (covered === 0 || question.weightTotal === 0) return 0;
    const { weights, terms, phons } = match.explains;
    let explained = 0;
    for (let i = 0; i < weights.length; i += 1) {
      const term = terms[i] as number;
      if (term >= 0 && (reading.weights[term] as number) > 0) explained += weights[i] as number;
      else if (anyWeighed(reading, phons[i] as readonly number[])) explained += (weights[i] as number) * PHONETIC_CREDIT;
    }
    return 0.5 * (covered / reading.total) + 0.5 * (explained / question.weightTotal);
  }

  /** IDF-weighted share of a reading that a topic's words explain. */
  topicCoverage(reading: ReadingWeights, topic: number): number {
    if (!this.topicCredits) this.topicCredits = this.creditsOfTopics();
    const credits = this.topicCredits.get(topic);
    return reading.total === 0 ? 0 : (credits ? weighted(reading, credits) : 0) / reading.total;
  }

  /** Every topic's credits over the message's tokens, in one pass over the topics that hold each token. */
  private creditsOfTopics(): Map<number, Credits> {
    const byTopic = new Map<number, Credits>();
    const size = this.tokens.length;
    const give = (topics: readonly number[], position: number, credit: number): void => {
      for (const topic of topics) {
        let credits = byTopic.get(topic);
        if (!credits) {
          credits = noCredits(size);
          byTopic.set(topic, credits);
        }
        if ((credits[position] as number) < credit) credits[position] = credit;
      }
    };
    const answer = this.topicsIndex.byAnswer;
    for (let position = 0; position < size; position += 1) {
      const token = this.tokens[position] as AnalyzedToken;
      const byTerm = this.topicsIndex.byTerm.get(token.term);
      if (byTerm) give(byTerm, position, 1);
      const byPhon = this.topicsIndex.byPhon.get(token.phon);
      if (byPhon) give(byPhon, position, PHONETIC_CREDIT);
      const topic = answer?.words.get(token.term);
      if (answer && topic !== undefined) give([topic], position, answer.credit);
    }
    return byTopic;
  }

  private questionMatch(id: number, question: MatchableQuestion): QuestionMatch {
    const cached = this.questions.get(id);
    if (cached) return cached;
    const credits = noCredits(this.tokens.length);
    const explains = { weights: [] as number[], terms: [] as number[], phons: [] as (readonly number[])[] };
    for (let i = 0; i < question.tokens.length; i += 1) {
      const token = question.tokens[i] as AnalyzedToken;
      const term = this.positions.get(token.term) ?? -1;
      const phons = this.byPhon.get(token.phon) ?? NONE;
      if (term >= 0) credits[term] = 1;
      for (const p of phons) if (credits[p] === 0) credits[p] = PHONETIC_CREDIT;
      if (term >= 0 || phons.length > 0) {
        explains.weights.push(question.weights[i] ?? 0);
        explains.terms.push(term);
        explains.phons.push(phons);
      }
    }
    const match = { credits, explains };
    this.questions.set(id, match);
    return match;
  }
}

const NONE: readonly number[] = [];

/** Whether a reading weighs any of these message positions. */
function anyWeighed(reading: ReadingWeights, positions: readonly number[]): boolean {
  for (const p of positions) if ((reading.weights[p] as number) > 0) return true;
  return false;
}

/**
 * The reading's weights times the credits, summed in position order (a position without credit adds exactly 0, so the
 * sum is the same as over the credited positions alone).
 */
function weighted(reading: ReadingWeights, credits: Credits): number {
  const weights = reading.weights;
  let sum = 0;
  for (let position = 0; position < credits.length; position += 1) sum += (weights[position] as number) * (credits[position] as number);
  return sum;
}

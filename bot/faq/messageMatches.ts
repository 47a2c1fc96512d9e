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

/** A message token (by position) and how well a question or topic holds it: 1 the same term, `PHONETIC_CREDIT` the same key. */
type Credits = readonly (readonly [position: number, credit: number])[];

/** The part of an example question that can match: its words and their weights. */
export interface MatchableQuestion {
  readonly tokens: readonly AnalyzedToken[];
  readonly terms: ReadonlySet<string>;
  readonly phons: ReadonlySet<string>;
  /** IDF of each token, aligned with `tokens`. */
  readonly weights: readonly number[];
  readonly weightTotal: number;
}

interface QuestionMatch {
  readonly credits: Credits;
  /** The question's own words that some message token matches: weight, position of the same term (or -1), positions of the same key. */
  readonly explains: readonly { readonly weight: number; readonly term: number; readonly phons: readonly number[] }[];
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
    let explained = 0;
    for (const e of match.explains) {
      if (e.term >= 0 && (reading.weights[e.term] as number) > 0) explained += e.weight;
      else if (e.phons.some((p) => (reading.weights[p] as number) > 0)) explained += e.weight * PHONETIC_CREDIT;
    }
    return 0.5 * (covered / reading.total) + 0.5 * (explained / question.weightTotal);
  }

  /** IDF-weighted share of a reading that a topic's words explain. */
  topicCoverage(reading: ReadingWeights, topic: number): number {
    if (!this.topicCredits) this.topicCredits = this.creditsOfTopics();
    const credits = this.topicCredits.get(topic) ?? [];
    return reading.total === 0 ? 0 : weighted(reading, credits) / reading.total;
  }

  /** Every topic's credits over the message's tokens, in one pass over the topics that hold each token. */
  private creditsOfTopics(): Map<number, Credits> {
    const byTopic = new Map<number, Map<number, number>>();
    const give = (topic: number, position: number, credit: number): void => {
      const credits = byTopic.get(topic) ?? new Map<number, number>();
      byTopic.set(topic, credits);
      if ((credits.get(position) ?? 0) < credit) credits.set(position, credit);
    };
    const answer = this.topicsIndex.byAnswer;
    this.tokens.forEach((token, position) => {
      for (const topic of this.topicsIndex.byTerm.get(token.term) ?? []) give(topic, position, 1);
      for (const topic of this.topicsIndex.byPhon.get(token.phon) ?? []) give(topic, position, PHONETIC_CREDIT);
      const topic = answer?.words.get(token.term);
      if (answer && topic !== undefined) give(topic, position, answer.credit);
    });
    return new Map([...byTopic].map(([topic, credits]) => [topic, [...credits].sort((a, b) => a[0] - b[0])]));
  }

  private questionMatch(id: number, question: MatchableQuestion): QuestionMatch {
    const cached = this.questions.get(id);
    if (cached) return cached;
    const credit = new Map<number, number>();
    const explains: QuestionMatch['explains'][number][] = [];
    question.tokens.forEach((token, i) => {
      const term = this.positions.get(token.term) ?? -1;
      const phons = this.byPhon.get(token.phon) ?? [];
      if (term >= 0) credit.set(term, 1);
      for (const p of phons) if (!credit.has(p)) credit.set(p, PHONETIC_CREDIT);
      if (term >= 0 || phons.length > 0) explains.push({ weight: question.weights[i] ?? 0, term, phons });
    });
    const match = { credits: [...credit].sort((a, b) => a[0] - b[0]), explains };
    this.questions.set(id, match);
    return match;
  }
}

function weighted(reading: ReadingWeights, credits: Credits): number {
  let sum = 0;
  for (const [position, credit] of credits) sum += (reading.weights[position] as number) * credit;
  return sum;
}

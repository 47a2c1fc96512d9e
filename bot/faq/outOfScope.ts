/**
 * Out-of-scope examples: questions that use the domain's words (PSEB, call centre, agents, CNIC, registration,
 * lockdown) but ask what no topic answers — a PSEB registration fee, FBR tax, PTA phone registration, salaries. Like the
 * "None" intent of LUIS / CLU, they are a competing pseudo-class: when they explain a message (or the part of it that
 * decided) at least as well as the best topic does, the engine declines instead of answering or suggesting.
 *
 * They are not a topic: never synced to the database, shown in the console or answered. They stay out of the topics'
 * IDF, vocabulary and typo targets, so a word only they use still weighs as an unknown word against every topic (which
 * is what declines other off-topic messages), and no message word is corrected towards one of theirs.
 */
import type { AnalyzedToken } from './analyzer';
import { matchCredit } from './messageMatches';
import shipped from './outOfScope.json';
import { FAQ_LANGUAGES, type FaqLanguage } from './types';

/** Example out-of-scope questions per language. */
export type OutOfScopeExamples = Readonly<Record<FaqLanguage, readonly string[]>>;

/** The shipped examples (`outOfScope.json`). */
export const OUT_OF_SCOPE_EXAMPLES: OutOfScopeExamples = shipped;

/** A weighted token of a reading, as the engine scores it. */
export interface WeightedToken {
  readonly token: AnalyzedToken;
  readonly weight: number;
}

interface Example {
  readonly text: string;
  readonly terms: ReadonlySet<string>;
  readonly phons: ReadonlySet<string>;
  readonly tokens: readonly WeightedToken[];
  readonly weightTotal: number;
}

/** The examples, analysed and weighted as the topics' questions are, with postings to find the ones a reading shares words with. */
export class OutOfScopeIndex {
  private readonly examples: Example[] = [];
  private readonly byTerm = new Map<string, number[]>();
  private readonly byPhon = new Map<string, number[]>();

  /**
   * `analyze` is the engine's analyzer (the topics' vocabulary); `weightOf` the weight the engine gives a message token,
   * so an example's word the topics do not know weighs as an unknown word does in the message.
   */
  constructor(examples: OutOfScopeExamples, analyze: (text: string) => AnalyzedToken[], weightOf: (token: AnalyzedToken) => number) {
    for (const language of FAQ_LANGUAGES) {
      for (const text of examples[language]) {
        const tokens = analyze(text).map((token) => ({ token, weight: weightOf(token) }));
        const weightTotal = tokens.reduce((sum, t) => sum + t.weight, 0);
        if (weightTotal === 0) continue;
        const id = this.examples.length;
        const terms = new Set(tokens.map((t) => t.token.term));
        const phons = new Set(tokens.map((t) => t.token.phon));
        this.examples.push({ text, terms, phons, tokens, weightTotal });
        for (const term of terms) this.byTerm.set(term, [...(this.byTerm.get(term) ?? []), id]);
        for (const phon of phons) this.byPhon.set(phon, [...(this.byPhon.get(phon) ?? []), id]);
      }
    }
  }

  /** How well the out-of-scope class explains a reading (see `best`). */
  score(query: readonly WeightedToken[], beyond: readonly AnalyzedToken[] = query.map((q) => q.token)): number {
    return this.best(query, beyond).score;
  }

  /**
   * The out-of-scope class's score for a reading, on the topics' scale, and its best example (for diagnostics): as a
   * topic's, the share of the reading the class's words explain (its coverage), times the best example's fit — the mean
   * of the share of the reading it explains and the share of it the reading explains. Only examples that hold one of the
   * `beyond` tokens compete (the engine passes the reading's words its best topic does not explain); 0 when none does.
   */
  best(query: readonly WeightedToken[], beyond: readonly AnalyzedToken[] = query.map((q) => q.token)): { score: number; text: string } {
    let best = { score: 0, text: '' };
    const total = query.reduce((sum, q) => sum + q.weight, 0);
    if (total === 0) return best;
    const candidates = new Set<number>();
    for (const token of beyond) {
      for (const id of this.byTerm.get(token.term) ?? []) candidates.add(id);
      for (const id of this.byPhon.get(token.phon) ?? []) candidates.add(id);
    }
    if (candidates.size === 0) return best;
    const coverage = query.reduce((sum, q) => sum + q.weight * matchCredit(q.token, this.byTerm, this.byPhon), 0) / total;
    const terms = new Set(query.map((q) => q.token.term));
    const phons = new Set(query.map((q) => q.token.phon));
    for (const id of candidates) {
      const example = this.examples[id] as Example;
      const covered = query.reduce((sum, q) => sum + q.weight * matchCredit(q.token, example.terms, example.phons), 0) / total;
      const explained = example.tokens.reduce((sum, e) => sum + e.weight * matchCredit(e.token, terms, phons), 0) / example.weightTotal;
      const score = coverage * (0.5 * covered + 0.5 * explained);
      if (score > best.score) best = { score, text: example.text };
    }
    return best;
  }
}

/**
 * Candidate retrieval over the example questions: BM25 over two fields (the question's terms and their phonetic
 * keys), scored exactly as MiniSearch 7 scores an OR query of whole terms (BM25+ with k = 1.2, b = 0.7, d = 0.5,
 * the sum over matched terms times the number of distinct query terms matched), but over flat posting arrays and
 * one reusable score buffer: a long message asks several of these per search, and a general-purpose index spent
 * most of a query's time building and sorting result objects for thousands of weak hits.
 */

const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

/** One indexed field: postings per term and the BM25 length factor of every document. */
interface Field {
  readonly postings: ReadonlyMap<string, Int32Array>;
  /** `d + (k + 1) / (1 + k·(1 − b + b·length/avgLength))`: the BM25+ term-frequency part for tf = 1. */
  readonly docFactor: Float64Array;
  readonly documentCount: number;
}

export interface RetrievalHit {
  readonly id: number;
  readonly score: number;
}

/** Each document is a set of terms per field (no repeats), so every term frequency is 1. */
export interface RetrievalDoc {
  readonly terms: Iterable<string>;
  readonly phons: Iterable<string>;
}

function buildField(docs: readonly (readonly string[])[]): Field {
  const lists = new Map<string, number[]>();
  docs.forEach((terms, id) => {
    for (const term of terms) {
      const list = lists.get(term);
      if (list) list.push(id);
      else lists.set(term, [id]);
    }
  });
  const avgLength = docs.reduce((n, terms) => n + terms.length, 0) / Math.max(docs.length, 1);
  const docFactor = Float64Array.from(
    docs,
    (terms) => BM25.d + (BM25.k + 1) / (1 + BM25.k * (1 - BM25.b + (BM25.b * terms.length) / (avgLength || 1))),
  );
  const postings = new Map<string, Int32Array>();
  for (const [term, ids] of lists) postings.set(term, Int32Array.from(ids));
  return { postings, docFactor, documentCount: docs.length };
}

function inverseDocumentFrequency(field: Field, matching: number): number {
  return Math.log(1 + (field.documentCount - matching + 0.5) / (matching + 0.5));
}

/** BM25 retrieval over the example questions; documents are numbered from 0 in the order given. */
export class QuestionRetrieval {
  private readonly terms: Field;
  private readonly phons: Field;
  // Scratch buffers reused by every search (searches are synchronous, so they never interleave).
  private readonly termScore: Float64Array;
  private readonly phonScore: Float64Array;
  private readonly matched: Uint16Array;
  private readonly seen: Uint8Array;

  constructor(docs: readonly RetrievalDoc[]) {
    this.terms = buildField(docs.map((d) => [...d.terms]));
    this.phons = buildField(docs.map((d) => [...d.phons]));
    this.termScore = new Float64Array(docs.length);
    this.phonScore = new Float64Array(docs.length);
    this.matched = new Uint16Array(docs.length);
    this.seen = new Uint8Array(docs.length);
  }

  /**
   * Documents matching any of `terms` (in the terms field, weighted `termBoost`) or `phonKeys` (in the phonetic
   * field), best first, at most `limit`; ties keep the order in which documents were first matched.
   */
  search(terms: readonly string[], termBoost: number, phonKeys: readonly string[], limit: number): RetrievalHit[] {
    const touched: number[] = [];
    /** Adds a term's BM25 score to every document holding it; `counts` says whether the document gains a matched query term. */
    const visit = (field: Field, scores: Float64Array, term: string, boost: number, counts: (id: number) => boolean): void => {
      const ids = field.postings.get(term);
      if (!ids) return;
      const weight = boost * inverseDocumentFrequency(field, ids.length);
      for (const id of ids) {
        if (!this.seen[id]) {
          this.seen[id] = 1;
          touched.push(id);
        }
        scores[id] = (scores[id] as number) + weight * (field.docFactor[id] as number);
        if (counts(id)) this.matched[id] = (this.matched[id] as number) + 1;
      }
    };
    const always = (): boolean => true;
    for (const term of new Set(terms)) visit(this.terms, this.termScore, term, termBoost, always);
    // Matched query terms are distinct strings: a repeated key, or a key equal to a query term the document
    // already matched in the terms field, adds score but is not counted again.
    const termSet = new Set(terms);
    const countedKeys = new Set<string>();
    for (const key of phonKeys) {
      const repeated = countedKeys.has(key);
      countedKeys.add(key);
      const asTerm = termSet.has(key) ? new Set(this.terms.postings.get(key) ?? []) : undefined;
      visit(this.phons, this.phonScore, key, 1, (id) => !repeated && !(asTerm?.has(id) ?? false));
    }
    const hits: RetrievalHit[] = [];
    for (const id of touched) {
      const score = ((this.termScore[id] as number) + (this.phonScore[id] as number)) * (this.matched[id] as number);
      keepBest(hits, { id, score }, limit);
      this.termScore[id] = 0;
      this.phonScore[id] = 0;
      this.matched[id] = 0;
      this.seen[id] = 0;
    }
    return hits;
  }
}

/**
 * Insert a hit into `best` (best first, at most `limit`) after every hit scoring at least as much: offered in the order
 * first matched, it keeps what a stable sort of all hits would keep, without sorting the hundreds of weak ones.
 */
function keepBest(best: RetrievalHit[], hit: RetrievalHit, limit: number): void {
  if (limit <= 0 || (best.length >= limit && hit.score <= (best[best.length - 1] as RetrievalHit).score)) return;
  let low = 0;
  let high = best.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((best[mid] as RetrievalHit).score >= hit.score) low = mid + 1;
    else high = mid;
  }
  best.splice(low, 0, hit);
  if (best.length > limit) best.pop();
}

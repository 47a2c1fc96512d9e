import { QuestionRetrieval } from '../../../bot/faq/retrieval';

const docs = [
  { terms: ['@wl', '@apply'], phons: ['@wl', '@apply'] },
  { terms: ['@wl', '@whatis', 'meaning'], phons: ['@wl', '@whatis', 'mnng'] },
  { terms: ['@helpline'], phons: ['@helpline'] },
  { terms: ['kaisay', '@apply'], phons: ['ks', '@apply'] },
];
const retrieval = new QuestionRetrieval(docs);

describe('QuestionRetrieval', () => {
  it('finds the documents holding any query term, the one matching more terms first', () => {
    const hits = retrieval.search(['@wl', '@apply'], 2, [], 10);
    expect(hits.map((h) => h.id)).toEqual([0, 3, 1]);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it('ranks a rarer shared term above a common one', () => {
    const hits = retrieval.search(['@whatis', '@apply'], 2, [], 10);
    expect(hits[0]!.id).toBe(1);
  });

  it('matches spelling keys in the phonetic field only', () => {
    expect(retrieval.search([], 2, ['ks'], 10).map((h) => h.id)).toEqual([3]);
    expect(retrieval.search(['ks'], 2, [], 10)).toEqual([]);
  });

  it('keeps at most `limit` hits and forgets every search (no score carried over)', () => {
    expect(retrieval.search(['@wl', '@apply'], 2, [], 1)).toHaveLength(1);
    const first = retrieval.search(['@helpline'], 2, [], 10);
    const again = retrieval.search(['@helpline'], 2, [], 10);
    expect(again).toEqual(first);
  });

  it('counts a spelling key equal to a query term once per document', () => {
    const byTerm = retrieval.search(['@helpline'], 2, [], 10);
    const both = retrieval.search(['@helpline'], 2, ['@helpline'], 10);
    // The score grows by the phonetic field's share, but the matched-terms factor stays 1.
    expect(both[0]!.score).toBeGreaterThan(byTerm[0]!.score);
    expect(both[0]!.score).toBeLessThan(2 * byTerm[0]!.score);
  });
});

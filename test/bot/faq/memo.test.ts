import { memoizeWord } from '../../../bot/faq/memo';

describe('memoizeWord', () => {
  it('computes a word once, remembers undefined too, and starts over when the cache is full', () => {
    const calls: string[] = [];
    const lookup = memoizeWord((word: string) => {
      calls.push(word);
      return word === 'none' ? undefined : word.toUpperCase();
    }, 3);
    expect([lookup('a'), lookup('a'), lookup('none'), lookup('none')]).toEqual(['A', 'A', undefined, undefined]);
    expect(calls).toEqual(['a', 'none']);
    lookup('b');
    lookup('c'); // the fourth word: the cache is cleared first, so 'a' is computed again
    lookup('a');
    expect(calls).toEqual(['a', 'none', 'b', 'c', 'a']);
  });
});

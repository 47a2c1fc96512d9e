/**
 * Memoise a pure function of one word. The FAQ index analyses ~2,000 example questions whose words repeat, and every
 * query re-reads the same few hundred words; the cache holds at most `limit` words and starts over when full, so
 * messages full of made-up words cannot grow it without bound.
 */
export function memoizeWord<T>(fn: (word: string) => T, limit = 20_000): (word: string) => T {
  const cache = new Map<string, T>();
  return (word: string): T => {
    const hit = cache.get(word);
    if (hit !== undefined || cache.has(word)) return hit as T;
    if (cache.size >= limit) cache.clear();
    const value = fn(word);
    cache.set(word, value);
    return value;
  };
}

import { CROCKFORD_ALPHABET, newReference, parseReference, referenceKind } from '../../../bot/domain/reference';

describe('newReference', () => {
  test.each([
    { kind: 'whitelisting' as const, pattern: /^WL-[0-9A-HJKMNP-TV-Z]{6}$/ },
    { kind: 'wfh' as const, pattern: /^WFH-[0-9A-HJKMNP-TV-Z]{6}$/ },
  ])('gives a $kind reference of the prefix and 6 Crockford characters', ({ kind, pattern }) => {
    expect(newReference(kind)).toMatch(pattern);
  });

  test('never uses the confusable letters I, L, O or U', () => {
    const codes = Array.from({ length: 2000 }, () => newReference('wfh').slice(4)).join('');
    expect(codes).not.toMatch(/[ILOU]/);
  });

  test('maps each random byte onto the alphabet by its low 5 bits', () => {
    const bytes = Uint8Array.from([0, 31, 32, 255, 10, 200]);
    expect(newReference('whitelisting', () => bytes)).toBe('WL-0Z0ZA8');
  });

  test('spreads evenly over the alphabet and barely repeats over 10,000 draws', () => {
    const refs = Array.from({ length: 10_000 }, () => newReference('whitelisting'));
    // 30 bits of randomness: the expected number of clashes among 10,000 is about 0.05,
    // so more than 2 means the randomness is broken (the store still retries on a clash).
    expect(refs.length - new Set(refs).size).toBeLessThanOrEqual(2);
    const counts = new Map<string, number>();
    for (const ch of refs.map((r) => r.slice(3)).join('')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(32);
    // 60,000 characters over 32 symbols: about 1,875 each; ±20% is far outside chance.
    for (const count of counts.values()) {
      expect(count).toBeGreaterThan(1500);
      expect(count).toBeLessThan(2250);
    }
  });

  test('uses the documented alphabet', () => {
    expect(CROCKFORD_ALPHABET).toBe('0123456789ABCDEFGHJKMNPQRSTVWXYZ');
  });
});

describe('parseReference', () => {
  test.each([
    { text: 'WL-7K3M9Q', expected: 'WL-7K3M9Q' },
    { text: 'wl-7k3m9q', expected: 'WL-7K3M9Q' },
    { text: 'status wfh-7k3m9q please', expected: 'WFH-7K3M9Q' },
    { text: 'WL 7K3M9Q', expected: 'WL-7K3M9Q' },
    { text: 'WL7K3M9Q', expected: 'WL-7K3M9Q' },
    { text: 'WL_7K3M9Q', expected: 'WL-7K3M9Q' },
    { text: 'WL–7K3M9Q', expected: 'WL-7K3M9Q' },
    { text: 'WL-O1OOOO', expected: 'WL-010000' },
    { text: 'wl-i1l1ab', expected: 'WL-1111AB' },
    { text: 'WL-۷K۳M۹Q', expected: 'WL-7K3M9Q' },
    { text: 'میری درخواست WFH-7K3M9Q کا کیا بنا؟', expected: 'WFH-7K3M9Q' },
    { text: 'WL-UUUUUU or WL-7K3M9Q', expected: 'WL-7K3M9Q' },
  ])('finds "$text" as $expected', ({ text, expected }) => {
    expect(parseReference(text)).toBe(expected);
  });

  test.each([
    'hello',
    'WL-7K3M9', // 5 characters
    'WL-7K3M9QX', // 7 characters
    'OWL-7K3M9Q', // prefix glued to a word
    'WL-7K3M9Q1',
    'WL-U7K3M9', // U never appears in a reference
    'XY-7K3M9Q',
    '',
  ])('finds nothing in "%s"', (text) => {
    expect(parseReference(text)).toBeNull();
  });

  test('round-trips every generated reference, even typed in lower case', () => {
    for (let i = 0; i < 200; i += 1) {
      const ref = newReference(i % 2 === 0 ? 'whitelisting' : 'wfh');
      expect(parseReference(ref.toLowerCase())).toBe(ref);
    }
  });
});

describe('referenceKind', () => {
  test.each([
    { ref: 'WL-7K3M9Q', kind: 'whitelisting' },
    { ref: 'WFH-7K3M9Q', kind: 'wfh' },
    { ref: 'XX-7K3M9Q', kind: null },
  ])('knows $ref is $kind', ({ ref, kind }) => {
    expect(referenceKind(ref)).toBe(kind);
  });
});

import fc from 'fast-check';
import { parseReference } from '../../../../bot/domain/reference';
import { validateForm } from '../../../../bot/domain/forms';
import {
  parseAgentCsv,
  parseAgentLines,
  parseDate,
  validateAgentSeats,
  validateCity,
  validateCnic,
  validateIpAddresses,
  validateMobile,
  validateNtn,
} from '../../../../bot/domain/validators';

const URDU_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const toUrdu = (digits: string): string => digits.replace(/\d/g, (d) => URDU_DIGITS[Number(d)]);
const digitString = (length: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((d) => d.join(''));
const anyText = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));

describe('CNIC normaliser', () => {
  test('is idempotent: a stored CNIC validates to itself', () => {
    fc.assert(
      fc.property(digitString(13), fc.boolean(), fc.boolean(), (digits, dashed, urdu) => {
        const typed = dashed ? `${digits.slice(0, 5)}-${digits.slice(5, 12)}-${digits.slice(12)}` : digits;
        const first = validateCnic(urdu ? toUrdu(typed) : typed);
        expect(first.ok).toBe(true);
        if (first.ok) expect(validateCnic(first.value)).toEqual(first);
      }),
    );
  });

  test('never accepts a digit count other than 13', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 30 })
          .filter((n) => n !== 13)
          .chain(digitString),
        (digits) => {
          expect(validateCnic(digits)).toEqual({ ok: false, error: 'cnic.length' });
        },
      ),
    );
  });
});

describe('mobile formats', () => {
  const styles: ((n: string) => string)[] = [
    (n) => `0${n.slice(0, 3)}-${n.slice(3)}`,
    (n) => `+92 ${n.slice(0, 3)} ${n.slice(3)}`,
    (n) => `92${n}`,
    (n) => `0092-${n}`,
    (n) => `+92 (0)${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`,
    (n) => toUrdu(`0${n}`),
  ];

  test('every accepted style of the same number gives the same stored form, which round-trips', () => {
    fc.assert(
      fc.property(digitString(9), fc.constantFrom(...styles), (rest, style) => {
        const national = `3${rest}`;
        expect(validateMobile(style(national))).toEqual({ ok: true, value: `+92${national}` });
        expect(validateMobile(`+92${national}`)).toEqual({ ok: true, value: `+92${national}` });
      }),
    );
  });
});

describe('other normalisers', () => {
  test('an NTN validates to itself once stored', () => {
    fc.assert(
      fc.property(digitString(8), (digits) => {
        const first = validateNtn(digits);
        expect(first.ok && validateNtn(first.value)).toEqual(first);
      }),
    );
  });

  test('any seat count from 1 to 10,000 survives thousands separators and Urdu digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.boolean(), (n, urdu) => {
        const grouped = n.toLocaleString('en-US');
        expect(validateAgentSeats(urdu ? toUrdu(grouped) : grouped)).toEqual({ ok: true, value: n });
      }),
    );
  });
});

describe('parsers never throw', () => {
  test.each([
    ['validateCnic', validateCnic],
    ['validateMobile', validateMobile],
    ['validateNtn', validateNtn],
    ['validateCity', validateCity],
    ['validateAgentSeats', validateAgentSeats],
    ['validateIpAddresses', validateIpAddresses],
    ['parseReference', parseReference],
    ['parseAgentLines', parseAgentLines],
    ['parseAgentCsv', parseAgentCsv],
    ['parseDate', (raw: string) => parseDate(raw, '2026-11-20')],
  ] as const)('%s returns a value for arbitrary strings', (_name, parse) => {
    fc.assert(
      fc.property(anyText, (raw) => {
        expect(() => parse(raw)).not.toThrow();
      }),
    );
  });

  test('agent parsing turns every non-blank line into exactly one agent or one row error', () => {
    // Cells from a small alphabet cannot spell a header word, so no line is taken as a header.
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', '1', '2', '-', '.', ' '), maxLength: 12 });
    const line = fc.array(cell, { minLength: 1, maxLength: 7 }).map((cells) => cells.join(','));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const { agents, errors } = parseAgentLines(lines.join('\n'));
        const nonBlank = lines.filter((l) => l.replace(/[\s,]/g, '') !== '').length;
        expect(agents.length + errors.length).toBe(nonBlank);
        expect(errors.map((e) => e.row)).toEqual([...new Set(errors.map((e) => e.row))].sort((a, b) => a - b));
      }),
    );
  });

  test('validateForm returns per-field errors, never throws, on arbitrary card data', () => {
    const record = fc.dictionary(
      fc.constantFrom('companyName', 'ntn', 'city', 'agents', 'startDate', 'endDate', 'x'),
      fc.oneof(anyText, fc.integer(), fc.constant(null)),
    );
    fc.assert(
      fc.property(fc.constantFrom('whitelisting' as const, 'wfh' as const), record, (kind, data) => {
        const result = validateForm(kind, data, { today: '2026-11-20' });
        expect(result.ok).toBe(false);
      }),
    );
  });
});

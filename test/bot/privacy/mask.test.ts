import fc from 'fast-check';
import { maskCnic, maskPhone, maskText, maskDeep } from '../../../bot/privacy/mask';
import { toAsciiDigits as toAscii } from '../../../bot/domain/digits';
import { validateCnic } from '../../../bot/domain/validators/cnic';
import { validateMobile } from '../../../bot/domain/validators/mobile';

describe('masking personal data', () => {
  it.each([
    ['12345-1234567-1', '12345-*******-1'],
    ['1234512345671', '12345-*******-1'],
    ['۱۲۳۴۵-۱۲۳۴۵۶۷-۱', '12345-*******-1'],
  ])('masks the CNIC %s', (cnic, masked) => expect(maskCnic(cnic)).toBe(masked));

  it.each([
    ['+923001234567', '+92 3** *****67'],
    ['0300-1234567', '+92 3** *****67'],
    ['92 300 1234567', '+92 3** *****67'],
  ])('masks the mobile %s', (phone, masked) => expect(maskPhone(phone)).toBe(masked));

  it('masks CNICs and phones inside free text and leaves other numbers alone', () => {
    const text = 'My CNIC is 35202-1234567-3, call 0321 7654321. We have 250 seats, NTN 1234567-8.';
    const masked = maskText(text);
    expect(masked).not.toContain('1234567-3');
    expect(masked).not.toContain('7654321');
    expect(masked).toContain('35202-*******-3');
    expect(masked).toContain('+92 3** *****21');
    expect(masked).toContain('250 seats');
    expect(masked).toContain('1234567-8');
  });

  it('masks strings deep inside log objects', () => {
    const masked = maskDeep({ a: { b: ['cnic 4210112345671'] } }) as { a: { b: string[] } };
    expect(masked.a.b[0]).toBe('cnic 42101-*******-1');
  });
});

describe('masking what the validators accept (issue 12, finding 7)', () => {
  it.each([
    ['۰۳۰۰۱۲۳۴۵۶۷', 'Urdu digits'],
    ['(0300) 1234567', 'brackets'],
    ['0300.1234567', 'dots'],
    ['35202–1234567–1', 'en dashes'],
    ['35202 - 1234567 - 1', 'spaces around dashes'],
    ['35202—1234567—1', 'em dashes'],
    ['+92 (300) 123-4567', 'country code and brackets'],
  ])('masks %s (%s) inside a console line', (value) => {
    const masked = maskText(`Agent list: ${value}, thanks`);
    expect(toAscii(masked).replace(/\D/g, '').length).toBeLessThanOrEqual(6);
    expect(masked).toMatch(/\*{5}/);
  });

  /** Any digit in one of the scripts people type. */
  const digit = fc
    .integer({ min: 0, max: 9 })
    .chain((d) =>
      fc.constantFrom(String(d), String.fromCharCode(0x06f0 + d), String.fromCharCode(0x0660 + d), String.fromCharCode(0xff10 + d)),
    );
  const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((ds) => ds.join(''));
  const dash = fc.constantFrom('-', '–', '—', '‐', '−', ' - ', ' – ', '');
  const gap = fc.constantFrom('', ' ', '  ', '-', '.', '–', ' - ', '\u200f', '\u200b');
  const cnic = fc.tuple(digits(5), dash, digits(7), dash, digits(1)).map(([a, d1, b, d2, c]) => `${a}${d1}${b}${d2}${c}`);
  const spacedCnic = digits(13).chain((ds) =>
    fc.array(fc.constantFrom('', ' '), { minLength: 13, maxLength: 13 }).map((sp) => [...ds].map((d, i) => d + sp[i]).join('')),
  );
  const mobile = fc
    .tuple(
      fc.constantFrom('+92', '0092', '92', '0', '+92 0', '', '(+92)', '+92-'),
      gap,
      fc.constant('3'),
      digits(2),
      gap,
      digits(3),
      gap,
      digits(4),
      fc.boolean(),
    )
    .map(([prefix, g1, three, d2, g2, d3, g3, d4, bracket]) =>
      bracket ? `${prefix}${g1}(${three}${d2})${g2}${d3}${g3}${d4}` : `${prefix}${g1}${three}${d2}${g2}${d3}${g3}${d4}`,
    );
  const accepted = fc.oneof(cnic, spacedCnic, mobile).filter((x) => validateCnic(x).ok || validateMobile(x).ok);
  /** Surrounding text of any kind without digits (digits there would make a different number). */
  const noDigits = fc
    .string({ unit: 'grapheme', maxLength: 30 })
    .map((s) => s.replace(/[0-9\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]/g, ''));

  it('masks every string either validator accepts, embedded in any text', () => {
    fc.assert(
      fc.property(noDigits, accepted, noDigits, (before, value, after) => {
        const masked = maskText(`${before}${value}${after}`);
        // What is left of the number is at most the masked form's visible digits (CNIC 5+1, mobile 92·3·2).
        expect(toAscii(masked).replace(/\D/g, '').length).toBeLessThanOrEqual(6);
        expect(masked).toContain('*');
      }),
      { numRuns: 2_000 },
    );
  });

  it('leaves numbers neither validator accepts alone', () => {
    for (const text of ['192.168.100.200', 'NTN 1234567-8', 'seats 250', '2020-04-01 to 2020-05-01', '042-35761234', '+44 20 7946 0958'])
      expect(maskText(text)).toBe(text);
  });
});

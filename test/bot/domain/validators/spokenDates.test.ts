/**
 * Dates as people say them, in English, Urdu script and Roman Urdu, with the clock fixed at
 * Tuesday 1 December 2026 in Asia/Karachi; ambiguous day/month dates are asked back, not guessed.
 */
import { createI18n } from '../../../../bot/i18n';
import {
  errorMessage,
  formatFullDate,
  karachiToday,
  parseDate,
  validateEndDate,
  validateStartDate,
} from '../../../../bot/domain/validators';

const NOW = new Date('2026-11-30T19:30:00Z'); // already 1 December in Karachi
const TODAY = karachiToday(NOW);

describe('the date table (today is Tuesday 1 December 2026 in Karachi)', () => {
  it('reads the fixed clock as 1 December in Pakistan', () => expect(TODAY).toBe('2026-12-01'));

  const table: [said: string, date: string][] = [
    ['today', '2026-12-01'],
    ['aaj', '2026-12-01'],
    ['آج', '2026-12-01'],
    ['Aaj se', '2026-12-01'],
    ['tomorrow', '2026-12-02'],
    ['kal', '2026-12-02'],
    ['کل', '2026-12-02'],
    ['kal se', '2026-12-02'],
    ['کل سے', '2026-12-02'],
    ['from tomorrow', '2026-12-02'],
    ['parson', '2026-12-03'],
    ['پرسوں', '2026-12-03'],
    ['day after tomorrow', '2026-12-03'],
    ['next Monday', '2026-12-07'],
    ['agle somwar', '2026-12-07'],
    ['اگلے پیر', '2026-12-07'],
    ['monday', '2026-12-07'],
    ['agle peer se', '2026-12-07'],
    ['next Tuesday', '2026-12-08'],
    ['juma', '2026-12-04'],
    ['جمعہ', '2026-12-04'],
    ['in 2 weeks', '2026-12-15'],
    ['2 hafte baad', '2026-12-15'],
    ['۲ ہفتے بعد', '2026-12-15'],
    ['after 10 days', '2026-12-11'],
    ['10 din baad', '2026-12-11'],
    ['in a week', '2026-12-08'],
    ['ek hafte baad', '2026-12-08'],
    ['in 1 month', '2027-01-01'],
    ['do mahine baad', '2027-02-01'],
    ['15 Dec', '2026-12-15'],
    ['15 دسمبر', '2026-12-15'],
    ['۱۵/۱۲/۲۰۲۶', '2026-12-15'],
    ['15-12-26', '2026-12-15'],
    ['15/12', '2026-12-15'],
    ['end of the month', '2026-12-31'],
    ['mahine ke akhir', '2026-12-31'],
    ['مہینے کے آخر', '2026-12-31'],
    ['month end', '2026-12-31'],
  ];
  it.each(table)('reads %j as %s', (said, date) => {
    expect(parseDate(said, TODAY)).toEqual({ ok: true, value: date });
  });

  it.each(['03/04', '3/4/2027', '05-06-27'])('asks back about %j instead of guessing day or month', (said) => {
    const result = parseDate(said, TODAY);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBe('date.ambiguous');
    expect(result.dates).toHaveLength(2);
  });

  it("names both readings when it asks back, as full dates in the user's language", () => {
    const result = parseDate('03/04', TODAY);
    if (result.ok) throw new Error('03/04 must be asked back');
    expect(result.dates).toEqual(['2027-04-03', '2027-03-04']);
    const i18n = createI18n();
    expect(errorMessage(i18n.getFixedT('en'), result)).toContain('Saturday, 3 April 2027');
    expect(errorMessage(i18n.getFixedT('en'), result)).toContain('Thursday, 4 March 2027');
    expect(errorMessage(i18n.getFixedT('ur'), result)).toContain('ہفتہ، 3 اپریل 2027');
  });

  it('takes the one reading a field accepts: 01/12/2026 as a start date is 1 December (12 January 2026 is past)', () => {
    expect(validateStartDate('01/12/2026', { today: TODAY })).toEqual({ ok: true, value: '2026-12-01' });
    expect(validateEndDate('10/01/2027', { today: TODAY, startDate: '2027-01-05' })).toEqual({ ok: true, value: '2027-01-10' });
  });

  it('does not read "next week" or "agle hafte" as a date (which day?), nor a weekday with other words', () => {
    for (const said of ['next week', 'agle hafte', 'اگلے ہفتے', 'monday or tuesday', '2 weeks'])
      expect(parseDate(said, TODAY)).toEqual({ ok: false, error: 'date.format' });
  });

  it('reads "kal" as tomorrow in a start-date field (a future-date field)', () => {
    expect(validateStartDate('kal', { today: TODAY })).toEqual({ ok: true, value: '2026-12-02' });
  });
});

describe('saying a date back in full', () => {
  const i18n = createI18n();
  it.each([
    ['en', '2026-12-15', 'Tuesday, 15 December 2026'],
    ['ur', '2026-12-15', 'منگل، 15 دسمبر 2026'],
    ['en', '2027-02-28', 'Sunday, 28 February 2027'],
  ] as const)('in %s writes %s as %j', (lang, iso, text) => {
    expect(formatFullDate(iso, i18n.getFixedT(lang))).toBe(text);
  });
});

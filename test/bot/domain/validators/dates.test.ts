import { karachiToday, parseDate, validateEndDate, validateStartDate, type IntakeErrorCode } from '../../../../bot/domain/validators';

const TODAY = '2026-11-20';

describe('karachiToday', () => {
  test('is already the next day in Pakistan at 19:30 UTC', () => {
    expect(karachiToday(new Date('2026-11-30T19:30:00Z'))).toBe('2026-12-01');
  });

  test('is still the same day in Pakistan at 18:59 UTC', () => {
    expect(karachiToday(new Date('2026-11-30T18:59:00Z'))).toBe('2026-11-30');
  });
});

describe('parseDate', () => {
  test.each([
    { raw: '2026-12-01', value: '2026-12-01' },
    { raw: '01/12/2026', value: '2026-12-01' },
    { raw: '1/12/26', value: '2026-12-01' },
    { raw: '01-12-2026', value: '2026-12-01' },
    { raw: '1 Dec', value: '2026-12-01' },
    { raw: '1 December 2026', value: '2026-12-01' },
    { raw: '1st of December', value: '2026-12-01' },
    { raw: 'Dec 1, 2026', value: '2026-12-01' },
    { raw: 'december 1', value: '2026-12-01' },
    { raw: '۱ دسمبر ۲۰۲۶', value: '2026-12-01' },
    { raw: '۰۱/۱۲/۲۰۲۶', value: '2026-12-01' },
    { raw: 'today', value: TODAY },
    { raw: 'آج', value: TODAY },
    { raw: '20 Nov', value: '2026-11-20' },
    { raw: '10 Jan', value: '2027-01-10' },
    { raw: '19 Nov', value: '2027-11-19' },
    { raw: '29 Feb', value: '2028-02-29' },
  ])('reads "$raw" as $value when today is 2026-11-20 and the field takes today or later', ({ raw, value }) => {
    expect(parseDate(raw, TODAY, { accepts: (date) => date >= TODAY })).toEqual({ ok: true, value });
  });

  test.each([
    { raw: 'next week', error: 'date.format' },
    { raw: '1 Decembr', error: 'date.format' },
    { raw: '12/2026', error: 'date.format' },
    { raw: '', error: 'date.format' },
  ] satisfies { raw: string; error: IntakeErrorCode }[])('cannot read "$raw"', ({ raw, error }) => {
    expect(parseDate(raw, TODAY)).toEqual({ ok: false, error });
  });

  test.each(['31/02/2027', '2026-13-01', '32 Dec', '31 Apr'])('refuses the impossible date "%s", naming it', (raw) => {
    expect(parseDate(raw, TODAY)).toEqual({ ok: false, error: 'date.invalid', detail: raw });
  });

  test('asks back about 12/01/2027: 12 January and 1 December are both ahead', () => {
    expect(parseDate('12/01/2027', TODAY)).toEqual({
      ok: false,
      error: 'date.ambiguous',
      detail: '12/01/2027',
      dates: ['2027-01-12', '2027-12-01'],
    });
  });
});

describe('validateStartDate', () => {
  test('accepts today', () => {
    expect(validateStartDate('20/11/2026', { today: TODAY })).toEqual({ ok: true, value: TODAY });
  });

  test('refuses yesterday and gives today in the reason', () => {
    expect(validateStartDate('19/11/2026', { today: TODAY })).toEqual({ ok: false, error: 'date.past', detail: TODAY });
  });

  test('uses the real Pakistan date when no today is injected', () => {
    expect(validateStartDate('today')).toEqual({ ok: true, value: karachiToday() });
  });
});

describe('validateEndDate', () => {
  const ctx = { today: TODAY, startDate: '2026-12-01' };

  test('accepts the start date itself', () => {
    expect(validateEndDate('1 Dec', ctx)).toEqual({ ok: true, value: '2026-12-01' });
  });

  test('accepts exactly 90 days after the start', () => {
    expect(validateEndDate('2027-03-01', ctx)).toEqual({ ok: true, value: '2027-03-01' });
  });

  test('refuses 91 days after the start and gives the last allowed date', () => {
    expect(validateEndDate('2027-03-02', ctx)).toEqual({ ok: false, error: 'date.tooLong', detail: '2027-03-01' });
  });

  test('refuses a date before the start, naming the start', () => {
    expect(validateEndDate('30/11/2026', ctx)).toEqual({ ok: false, error: 'date.beforeStart', detail: '2026-12-01' });
  });

  test('refuses a past date before comparing with the start', () => {
    expect(validateEndDate('2026-11-01', ctx)).toEqual({ ok: false, error: 'date.past', detail: TODAY });
  });

  test('reads a year-less date after New Year as next year', () => {
    expect(validateEndDate('15 Jan', ctx)).toEqual({ ok: true, value: '2027-01-15' });
  });

  test('checks only "today or later" when there is no start date yet', () => {
    expect(validateEndDate('2027-06-01', { today: TODAY })).toEqual({ ok: true, value: '2027-06-01' });
  });
});

/** Dashboard arithmetic: Pakistan-time days, percentiles and per-day series. */
import { dayKey, lastDays, median, percentile, seriesByDay } from '../../../bot/console/stats';

describe('dayKey', () => {
  it('puts an instant on its calendar day in Asia/Karachi (UTC+5)', () => {
    expect(dayKey(new Date('2020-04-01T18:59:59Z'))).toBe('2020-04-01');
    expect(dayKey(new Date('2020-04-01T19:00:00Z'))).toBe('2020-04-02');
  });

  it('lists consecutive days ending today', () => {
    expect(lastDays(new Date('2020-03-02T12:00:00Z'), 3)).toEqual(['2020-02-29', '2020-03-01', '2020-03-02']);
  });
});

describe('percentiles', () => {
  it('takes the nearest rank for p90 and the middle for the median', () => {
    const waits = [600, 30, 90, 60, 120];
    expect(median(waits)).toBe(90);
    expect(percentile(waits, 90)).toBe(600);
    expect(percentile(waits, 50)).toBe(90);
  });

  it('averages the two middle values of an even count', () => {
    expect(median([10, 20, 30, 40])).toBe(25);
  });

  it('has no value for no data', () => {
    expect([median([]), percentile([], 90)]).toEqual([null, null]);
  });
});

describe('seriesByDay', () => {
  it('counts items per group per day, zero-filling and ignoring days outside the range', () => {
    const days = ['2020-04-01', '2020-04-02'];
    const items = [
      { at: new Date('2020-04-01T05:00:00Z'), kind: 'wfh' },
      { at: new Date('2020-04-02T05:00:00Z'), kind: 'wfh' },
      { at: new Date('2020-04-02T06:00:00Z'), kind: 'whitelisting' },
      { at: new Date('2020-03-01T06:00:00Z'), kind: 'wfh' },
    ];
    expect(
      seriesByDay(
        items,
        days,
        (i) => i.at,
        (i) => i.kind,
        ['whitelisting', 'wfh'],
      ),
    ).toEqual({ whitelisting: [0, 1], wfh: [1, 1] });
  });
});

/** Small pure helpers for the dashboard: days in Pakistan time and percentiles. */

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Karachi', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day (YYYY-MM-DD) of an instant in Asia/Karachi, where PSEB works. */
export function dayKey(date: Date): string {
  return dayFormat.format(date);
}

/** The `count` consecutive day keys ending with the day of `end`. */
export function lastDays(end: Date, count: number): string[] {
  const days: string[] = [];
  for (let i = count - 1; i >= 0; i--) days.push(dayKey(new Date(end.getTime() - i * 86_400_000)));
  return days;
}

/** Nearest-rank percentile (p in 0..100) of unsorted numbers; null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

/** Median as the middle value, or the mean of the two middle values; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Counts of each value of `key` across items. */
export function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) {
    const k = key(item);
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}

/** Per-day series of counts for every group, aligned to `days` (missing days are 0). */
export function seriesByDay<T>(
  items: readonly T[],
  days: readonly string[],
  dateOf: (item: T) => Date,
  groupOf: (item: T) => string,
  groups: readonly string[],
): Record<string, number[]> {
  const index = new Map(days.map((d, i) => [d, i]));
  const series: Record<string, number[]> = {};
  for (const g of groups) series[g] = days.map(() => 0);
  for (const item of items) {
    const i = index.get(dayKey(dateOf(item)));
    const g = groupOf(item);
    if (i === undefined) continue;
    series[g] ??= days.map(() => 0);
    series[g][i] += 1;
  }
  return series;
}

/** The Monday (YYYY-MM-DD) starting the Asia/Karachi week of an instant. */
export function weekKey(date: Date): string {
  const day = new Date(`${dayKey(date)}T00:00:00Z`);
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10);
}

/** Satisfaction of a set of 1–5 scores: how many, the mean, and the share of 4s and 5s (CSAT). */
export function csatOf(scores: readonly number[]): { count: number; average: number | null; satisfied: number | null } {
  if (scores.length === 0) return { count: 0, average: null, satisfied: null };
  const sum = scores.reduce((a, b) => a + b, 0);
  return {
    count: scores.length,
    average: Math.round((sum / scores.length) * 100) / 100,
    satisfied: scores.filter((s) => s >= 4).length / scores.length,
  };
}

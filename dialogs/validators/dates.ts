import { cleanNumeric, matchKey } from './normalize';
import { fail, ok, type IsoDate, type Result, type ValidationContext } from './result';

const MAX_SPAN_DAYS = 90;
const DAY_MS = 86_400_000;
const PAKISTAN_TIME_ZONE = 'Asia/Karachi';

/** Today's calendar date in Pakistan (the desk's day, whatever the server's zone). */
export function karachiToday(now: Date = new Date()): IsoDate {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: PAKISTAN_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

interface Ymd {
  year: number;
  month: number;
  day: number;
}

// English names and abbreviations, and the Urdu names (Urdu uses the Gregorian month names).
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['january', 'jan', 'جنوری'],
  ['february', 'feb', 'فروری'],
  ['march', 'mar', 'مارچ'],
  ['april', 'apr', 'اپریل'],
  ['may', 'مئی', 'مئ'],
  ['june', 'jun', 'جون'],
  ['july', 'jul', 'جولائی'],
  ['august', 'aug', 'اگست'],
  ['september', 'sep', 'sept', 'ستمبر'],
  ['october', 'oct', 'اکتوبر'],
  ['november', 'nov', 'نومبر'],
  ['december', 'dec', 'دسمبر'],
];
const MONTH_BY_NAME: ReadonlyMap<string, number> = new Map(
  MONTH_NAMES.flatMap((names, index) => names.map((name) => [matchKey(name), index + 1] as const)),
);
const TODAY_WORDS: ReadonlySet<string> = new Set(['today', 'aaj', 'آج'].map(matchKey));

/** Day number since the epoch, for differences in whole days. */
function dayNumber({ year, month, day }: Ymd): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function toIso({ year, month, day }: Ymd): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function fromIso(iso: IsoDate): Ymd {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day };
}

function isRealDate({ year, month, day }: Ymd): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function addDays(iso: IsoDate, days: number): IsoDate {
  const d = new Date((dayNumber(fromIso(iso)) + days) * DAY_MS);
  return toIso({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/** Reads the date's parts; a missing year is null. Day comes before month in slashed forms, as in Pakistan. */
function readParts(text: string): { day: number; month: number; year: number | null } | null {
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  const numeric = /^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?$/.exec(text);
  if (numeric) return { day: Number(numeric[1]), month: Number(numeric[2]), year: fullYear(numeric[3]) };
  const dayFirst = /^(\d{1,2})(?:st|nd|rd|th)?\s*(?:of\s+)?([^\d\s,]+)\.?,?\s*(\d{4})?$/i.exec(text);
  if (dayFirst) return withMonthName(Number(dayFirst[1]), dayFirst[2], dayFirst[3]);
  const monthFirst = /^([^\d\s,]+)\.?\s*(\d{1,2})(?:st|nd|rd|th)?,?\s*(\d{4})?$/i.exec(text);
  if (monthFirst) return withMonthName(Number(monthFirst[2]), monthFirst[1], monthFirst[3]);
  return null;
}

function withMonthName(day: number, name: string, year: string | undefined) {
  const month = MONTH_BY_NAME.get(matchKey(name));
  return month === undefined ? null : { day, month, year: fullYear(year) };
}

function fullYear(text: string | undefined): number | null {
  if (text === undefined) return null;
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

/**
 * Parses `2026-12-01`, `01/12/2026` (day/month), `1 Dec`, `1 December 2026`, `Dec 1`, Urdu month
 * names and "today"/"آج". Without a year the next such date on or after `today` is meant.
 */
export function parseDate(raw: string, today: IsoDate): Result<IsoDate> {
  const text = cleanNumeric(raw);
  if (TODAY_WORDS.has(matchKey(text))) return ok(today);
  const parts = readParts(text);
  if (parts === null) return fail('date.format');
  if (parts.year !== null) {
    const date = { day: parts.day, month: parts.month, year: parts.year };
    return isRealDate(date) ? ok(toIso(date)) : fail('date.invalid', text);
  }
  // Without a year: the first year, from this one on, in which the date exists and is not past
  // (four years ahead covers 29 February).
  const todayYmd = fromIso(today);
  for (let year = todayYmd.year; year <= todayYmd.year + 4; year += 1) {
    const date = { day: parts.day, month: parts.month, year };
    if (isRealDate(date) && dayNumber(date) >= dayNumber(todayYmd)) return ok(toIso(date));
  }
  return fail('date.invalid', text);
}

/** First day of work from home: a date today or later in Pakistan. */
export function validateStartDate(raw: string, ctx: ValidationContext = {}): Result<IsoDate> {
  const today = ctx.today ?? karachiToday();
  const parsed = parseDate(raw, today);
  if (!parsed.ok) return parsed;
  if (parsed.value < today) return fail('date.past', today);
  return parsed;
}

/** Last day of work from home: today or later, not before the start, at most 90 days after it. */
export function validateEndDate(raw: string, ctx: ValidationContext = {}): Result<IsoDate> {
  const parsed = validateStartDate(raw, ctx);
  if (!parsed.ok || ctx.startDate === undefined) return parsed;
  if (parsed.value < ctx.startDate) return fail('date.beforeStart', ctx.startDate);
  const latest = addDays(ctx.startDate, MAX_SPAN_DAYS);
  if (parsed.value > latest) return fail('date.tooLong', latest);
  return parsed;
}

/**
 * Dates as people type them, in English, Urdu script and Roman Urdu, resolved against today in
 * Asia/Karachi (injected, so tests fix the clock): absolute dates (2026-12-15, 15/12/2026, 15-12-26,
 * ۱۵/۱۲/۲۰۲۶, 15 Dec, 15 دسمبر), relative ones (today / aaj / آج, tomorrow / kal / کل, parson / پرسوں,
 * next Monday / agle somwar / اگلے پیر, in 2 weeks / 2 hafte baad, end of the month / mahine ke akhir).
 * A slashed date whose two numbers could both be the month is asked back unless only one reading fits
 * the field. Words are read through the bot's one normaliser (bot/domain/commands.ts).
 */
import { cleanNumeric, matchKey } from './normalize';
import { fail, ok, type Failure, type IsoDate, type Result, type ValidationContext } from './result';
import { commandKey } from '../commands';
import type { Translate } from './messages';

const MAX_SPAN_DAYS = 90;
const DAY_MS = 86_400_000;
const PAKISTAN_TIME_ZONE = 'Asia/Karachi';

/** Today's calendar date in Pakistan (the desk's day, whatever the server's zone). */
export function karachiToday(now: Date = new Date()): IsoDate {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: PAKISTAN_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
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

/** Relative day words, as offsets from today in a future-date field ("kal" is tomorrow there, yesterday elsewhere). */
const DAY_OFFSETS: ReadonlyMap<string, number> = new Map([
  ...['today', 'aaj', 'aj', 'آج', 'from today', 'aaj se', 'آج سے', 'starting today'].map((w) => [commandKey(w), 0] as const),
  ...['tomorrow', 'kal', 'کل', 'from tomorrow', 'tomorrow onwards', 'kal se', 'کل سے', 'tmrw', 'tmw'].map(
    (w) => [commandKey(w), 1] as const,
  ),
  ...['day after tomorrow', 'the day after tomorrow', 'parson', 'parso', 'parsun', 'parsoon', 'پرسوں', 'parson se', 'پرسوں سے'].map(
    (w) => [commandKey(w), 2] as const,
  ),
]);

/** Weekday names, Sunday first (getUTCDay order). "hafta" / "ہفتہ" alone is Saturday; with a number it is a week. */
const WEEKDAY_NAMES: readonly (readonly string[])[] = [
  ['sunday', 'sun', 'itwar', 'itwaar', 'etwar', 'اتوار'],
  ['monday', 'mon', 'somwar', 'somwaar', 'peer', 'pir', 'پیر', 'سوموار'],
  ['tuesday', 'tue', 'tues', 'mangal', 'mangalwar', 'منگل'],
  ['wednesday', 'wed', 'budh', 'budhwar', 'بدھ'],
  ['thursday', 'thu', 'thurs', 'jumeraat', 'jumerat', 'jumairat', 'جمعرات'],
  ['friday', 'fri', 'juma', 'jumma', 'jumah', 'جمعہ'],
  ['saturday', 'sat', 'sanichar', 'hafta', 'ہفتہ'],
];
const WEEKDAY_BY_NAME: ReadonlyMap<string, number> = new Map(
  WEEKDAY_NAMES.flatMap((names, index) => names.map((name) => [commandKey(name), index] as const)),
);
/** Words around a weekday that change nothing: the coming one is meant. */
const WEEKDAY_FILLERS: ReadonlySet<string> = new Set(
  [
    'next',
    'this',
    'coming',
    'on',
    'agle',
    'agla',
    'aglay',
    'is',
    'iss',
    'anay',
    'aane',
    'wale',
    'wala',
    'ko',
    'se',
    'from',
    'اگلے',
    'اگلا',
    'اس',
    'آنے',
    'والے',
    'کو',
    'سے',
  ].map(commandKey),
);

const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  [
    ['a', 1],
    ['an', 1],
    ['one', 1],
    ['ek', 1],
    ['ایک', 1],
    ['two', 2],
    ['do', 2],
    ['دو', 2],
    ['three', 3],
    ['teen', 3],
    ['تین', 3],
    ['four', 4],
    ['char', 4],
    ['chaar', 4],
    ['چار', 4],
    ['five', 5],
    ['panch', 5],
    ['paanch', 5],
    ['پانچ', 5],
    ['six', 6],
    ['chay', 6],
    ['چھ', 6],
  ].map(([w, n]) => [commandKey(String(w)), Number(n)] as const),
);
/** Units of "in 2 weeks" / "2 hafte baad" / "۲ ہفتے بعد", in days (months are calendar months: 0). */
const UNIT_DAYS: ReadonlyMap<string, number> = new Map(
  [
    ['day', 1],
    ['days', 1],
    ['din', 1],
    ['دن', 1],
    ['week', 7],
    ['weeks', 7],
    ['hafta', 7],
    ['hafte', 7],
    ['haftay', 7],
    ['ہفتہ', 7],
    ['ہفتے', 7],
    ['month', 0],
    ['months', 0],
    ['mahina', 0],
    ['mahine', 0],
    ['mahinay', 0],
    ['maheena', 0],
    ['maheene', 0],
    ['مہینہ', 0],
    ['مہینے', 0],
  ].map(([w, n]) => [commandKey(String(w)), Number(n)] as const),
);
const AFTER_WORDS: ReadonlySet<string> = new Set(['baad', 'bad', 'بعد', 'later', 'from now', 'mein', 'main', 'میں'].map(commandKey));
const BEFORE_NUMBER: ReadonlySet<string> = new Set(['in', 'after', 'within'].map(commandKey));

const END_OF_MONTH: ReadonlySet<string> = new Set(
  [
    'end of the month',
    'end of month',
    'month end',
    'the end of the month',
    'end of this month',
    'mahine ke akhir',
    'mahine ke aakhir',
    'mahine ke akhir mein',
    'mahine ke aakhir mein',
    'mahine ke akhir tak',
    'mahine ke aakhir tak',
    'month ke end',
    'month ke end tak',
    'مہینے کے آخر',
    'مہینے کے آخر میں',
    'مہینے کے آخر تک',
    'ماہ کے آخر',
    'ماہ کے آخر میں',
  ].map(commandKey),
);

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

interface DateParts {
  day: number;
  month: number;
  year: number | null;
  /** Written as two numbers (15/12), so day and month might be swapped. */
  numeric?: boolean;
}

/** Reads the date's parts; a missing year is null. Day comes before month in slashed forms, as in Pakistan. */
function readParts(text: string): DateParts | null {
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  const numeric = /^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?$/.exec(text);
  if (numeric) return { day: Number(numeric[1]), month: Number(numeric[2]), year: fullYear(numeric[3]), numeric: true };
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

function addMonths(iso: IsoDate, months: number): IsoDate {
  const { year, month, day } = fromIso(iso);
  const index = year * 12 + (month - 1) + months;
  const target = { year: Math.floor(index / 12), month: (index % 12) + 1, day };
  while (!isRealDate(target)) target.day -= 1;
  return toIso(target);
}

function endOfMonth(iso: IsoDate): IsoDate {
  const { year, month } = fromIso(iso);
  return toIso({ year, month, day: new Date(Date.UTC(year, month, 0)).getUTCDate() });
}

/** "tomorrow", "next Monday", "in 2 weeks", "end of the month" and their Urdu and Roman Urdu forms; null when none. */
function readRelative(text: string, today: IsoDate): IsoDate | null {
  const key = commandKey(text);
  const offset = DAY_OFFSETS.get(key);
  if (offset !== undefined) return addDays(today, offset);
  if (END_OF_MONTH.has(key)) return endOfMonth(today);
  const words = key.split(' ').filter(Boolean);
  const weekdays = words.filter((w) => WEEKDAY_BY_NAME.has(w));
  const rest = words.filter((w) => !WEEKDAY_BY_NAME.has(w) && !WEEKDAY_FILLERS.has(w));
  if (weekdays.length === 1 && rest.length === 0) {
    const target = WEEKDAY_BY_NAME.get(weekdays[0]) ?? 0;
    const current = new Date(dayNumber(fromIso(today)) * DAY_MS).getUTCDay();
    return addDays(today, ((target - current + 6) % 7) + 1);
  }
  return readSpan(words, today);
}

/** "in 2 weeks", "after 10 days", "2 hafte baad", "۲ ہفتے بعد", "a month from now". */
function readSpan(words: readonly string[], today: IsoDate): IsoDate | null {
  const core = words.filter((w) => !BEFORE_NUMBER.has(w) && !AFTER_WORDS.has(w) && w !== 'from' && w !== 'now');
  if (core.length !== 2 || core.length === words.length) return null;
  const count = /^\d{1,3}$/.test(core[0]) ? Number(core[0]) : NUMBER_WORDS.get(core[0]);
  const unit = UNIT_DAYS.get(core[1]);
  if (count === undefined || unit === undefined || count < 1) return null;
  return unit === 0 ? addMonths(today, count) : addDays(today, count * unit);
}

/** Options of parseDate: which dates the field takes, to settle a day/month ambiguity. */
export interface ParseOptions {
  accepts?: (date: IsoDate) => boolean;
}

/** The next such date on or after today (a missing year), or the given year's. */
function resolveYear(parts: { day: number; month: number; year: number | null }, today: IsoDate): IsoDate | null {
  if (parts.year !== null) {
    const date = { day: parts.day, month: parts.month, year: parts.year };
    return isRealDate(date) ? toIso(date) : null;
  }
  // The first year, from this one on, in which the date exists and is not past (four years ahead covers 29 February).
  const todayYmd = fromIso(today);
  for (let year = todayYmd.year; year <= todayYmd.year + 4; year += 1) {
    const date = { day: parts.day, month: parts.month, year };
    if (isRealDate(date) && dayNumber(date) >= dayNumber(todayYmd)) return toIso(date);
  }
  return null;
}

/**
 * Parses a date in any of the forms above. Without a year the next such date on or after `today` is
 * meant. "03/04" could be 3 April or 4 March: unless only one of them is a date the field accepts, it
 * is refused as `date.ambiguous` with both readings, to be asked back.
 */
export function parseDate(raw: string, today: IsoDate, options: ParseOptions = {}): Result<IsoDate> {
  const text = cleanNumeric(raw);
  const relative = readRelative(text, today);
  if (relative !== null) return ok(relative);
  const parts = readParts(text);
  if (parts === null) return fail('date.format');
  const dayFirst = resolveYear(parts, today);
  if (parts.numeric && parts.day <= 12 && parts.day !== parts.month) {
    const monthFirst = resolveYear({ day: parts.month, month: parts.day, year: parts.year }, today);
    if (dayFirst !== null && monthFirst !== null) {
      const accepts = options.accepts ?? (() => true);
      const fitting = [dayFirst, monthFirst].filter(accepts);
      if (fitting.length === 1) return ok(fitting[0]);
      if (fitting.length === 2) return ambiguous(text, dayFirst, monthFirst);
    }
  }
  return dayFirst === null ? fail('date.invalid', text) : ok(dayFirst);
}

function ambiguous(text: string, first: IsoDate, second: IsoDate): Failure {
  return { ok: false, error: 'date.ambiguous', detail: text, dates: [first, second] };
}

/** First day of work from home: a date today or later in Pakistan. */
export function validateStartDate(raw: string, ctx: ValidationContext = {}): Result<IsoDate> {
  const today = ctx.today ?? karachiToday();
  const parsed = parseDate(raw, today, { accepts: (date) => date >= today });
  if (!parsed.ok) return parsed;
  if (parsed.value < today) return fail('date.past', today);
  return parsed;
}

/** Last day of work from home: today or later, not before the start, at most 90 days after it. */
export function validateEndDate(raw: string, ctx: ValidationContext = {}): Result<IsoDate> {
  const today = ctx.today ?? karachiToday();
  const start = ctx.startDate;
  const fits = (date: IsoDate) => date >= today && (start === undefined || (date >= start && date <= addDays(start, MAX_SPAN_DAYS)));
  const parsed = parseDate(raw, today, { accepts: fits });
  if (!parsed.ok) return parsed;
  if (parsed.value < today) return fail('date.past', today);
  if (ctx.startDate === undefined) return parsed;
  if (parsed.value < ctx.startDate) return fail('date.beforeStart', ctx.startDate);
  const latest = addDays(ctx.startDate, MAX_SPAN_DAYS);
  if (parsed.value > latest) return fail('date.tooLong', latest);
  return parsed;
}

/** A date written out in full in the reply language ("Tuesday, 15 December 2026"); the names live in the locales. */
export function formatFullDate(iso: IsoDate, t: Translate): string {
  const ymd = fromIso(iso);
  return t('intake:dates.full', {
    weekday: t(`intake:dates.weekdays.${new Date(dayNumber(ymd) * DAY_MS).getUTCDay()}`),
    day: ymd.day,
    month: t(`intake:dates.months.${ymd.month}`),
    year: ymd.year,
  });
}

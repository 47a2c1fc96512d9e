import { charLength, cleanText, matchKey } from './normalize';
import { fail, ok, type Result } from './result';

/** The cities offered as choices; their labels are `intake:cities.<id>`. */
export const NAMED_CITIES = ['karachi', 'lahore', 'islamabad', 'rawalpindi', 'faisalabad', 'peshawar', 'quetta', 'multan'] as const;
export type NamedCity = (typeof NAMED_CITIES)[number];

/** The choice value meaning "my city is not in the list". */
export const OTHER_CITY = 'other';

/** A named city, or another city typed as free text. */
export type City = { kind: 'named'; id: NamedCity } | { kind: 'other'; name: string };

// Spellings people use, in English, short forms and Urdu (as typed on an Urdu keyboard).
const CITY_ALIASES: Readonly<Record<NamedCity, readonly string[]>> = {
  karachi: ['karachi', 'khi', 'کراچی'],
  lahore: ['lahore', 'lhr', 'لاہور'],
  islamabad: ['islamabad', 'isb', 'اسلام آباد'],
  rawalpindi: ['rawalpindi', 'pindi', 'rwp', 'راولپنڈی', 'پنڈی'],
  faisalabad: ['faisalabad', 'fsd', 'lyallpur', 'فیصل آباد'],
  peshawar: ['peshawar', 'پشاور'],
  quetta: ['quetta', 'کوئٹہ', 'کوئٹا'],
  multan: ['multan', 'mux', 'ملتان'],
};

const CITY_BY_KEY: ReadonlyMap<string, NamedCity> = new Map(
  NAMED_CITIES.flatMap((id) => CITY_ALIASES[id].map((alias) => [matchKey(alias), id] as const)),
);

// "Other" as the user may type it, alone or before the city name ("other: Sialkot").
const OTHER_PREFIX = /^(?:other city|others|other|کوئی اور شہر|دوسرا شہر|کوئی اور|دیگر|دوسرا)(?:\s*[:\-–—،,]\s*|\s+|$)/i;

/** The city: one of the 8 named cities (English or Urdu, any case), else "other" with its name (2–60 characters). */
export function validateCity(raw: string): Result<City> {
  const text = cleanText(raw);
  const named = CITY_BY_KEY.get(matchKey(text));
  if (named) return ok({ kind: 'named', id: named });
  const name = text.replace(OTHER_PREFIX, '');
  if (name === '') return fail('city.otherName');
  const inner = CITY_BY_KEY.get(matchKey(name));
  if (inner) return ok({ kind: 'named', id: inner });
  if (charLength(name) < 2) return fail('city.tooShort');
  if (charLength(name) > 60) return fail('city.tooLong');
  return ok({ kind: 'other', name });
}

import { matchKey } from './normalize';

// What people type to leave an optional field empty, in English, Roman Urdu and Urdu.
const SKIP_WORDS = [
  'skip',
  'none',
  'no',
  'n/a',
  'na',
  'nil',
  '-',
  'chhor do',
  'chor do',
  'chhordo',
  'chordo',
  'chhoro',
  'nahi',
  'nahin',
  'nhi',
  'چھوڑیں',
  'چھوڑ دیں',
  'چھوڑ دو',
  'چھوڑو',
  'نہیں',
  'کوئی نہیں',
];
const SKIP_KEYS: ReadonlySet<string> = new Set(SKIP_WORDS.map(matchKey));

/** True when the user left an optional field empty or asked to skip it. */
export function isSkip(raw: string): boolean {
  return matchKey(raw) === '' || SKIP_KEYS.has(matchKey(raw));
}

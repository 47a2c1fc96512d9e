import { randomBytes } from 'node:crypto';
import { toAsciiDigits } from './validators/normalize';

/** Reference prefix per request kind; the kinds match the `RequestKind` enum in prisma/schema.prisma. */
export const REFERENCE_PREFIX = { whitelisting: 'WL', wfh: 'WFH' } as const;
export type RequestKind = keyof typeof REFERENCE_PREFIX;

/** Crockford base32: digits and capitals without I, L, O, U, so references read back unambiguously. */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 6;

/** A fresh reference such as `WL-7K3M9Q`: 6 Crockford characters from crypto randomness (30 bits; the store retries on a clash). */
export function newReference(kind: RequestKind, random: (size: number) => Uint8Array = randomBytes): string {
  // 256 is a multiple of 32, so keeping the low 5 bits of each byte is uniform.
  const code = Array.from(random(CODE_LENGTH), (byte) => CROCKFORD_ALPHABET[byte & 31]).join('');
  return `${REFERENCE_PREFIX[kind]}-${code}`;
}

// A prefix, an optional separator, 6 characters; not glued to other letters or digits.
const REFERENCE_IN_TEXT = /(?<![0-9a-z])(wfh|wl)[\s\-_\u2010-\u2015]?([0-9a-z]{6})(?![0-9a-z])/gi;

/** Finds the first reference in user text (any case, `o`→0, `i`/`l`→1, Urdu digits) and returns it canonical, or null. */
export function parseReference(text: string): string | null {
  const folded = toAsciiDigits(text);
  for (const match of folded.matchAll(REFERENCE_IN_TEXT)) {
    const code = canonicalCode(match[2]);
    if (code !== null) return `${match[1].toUpperCase()}-${code}`;
  }
  return null;
}

/** The request kind a canonical reference belongs to, or null if it is not one. */
export function referenceKind(reference: string): RequestKind | null {
  if (reference.startsWith(`${REFERENCE_PREFIX.wfh}-`)) return 'wfh';
  if (reference.startsWith(`${REFERENCE_PREFIX.whitelisting}-`)) return 'whitelisting';
  return null;
}

/** Upper-cases and maps Crockford's confusable letters; null if a character is still outside the alphabet (e.g. U). */
function canonicalCode(code: string): string | null {
  const mapped = code.toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
  return [...mapped].every((ch) => CROCKFORD_ALPHABET.includes(ch)) ? mapped : null;
}

/**
 * Masking of personal data (CNICs, Pakistani mobile numbers) for logs, agent views and transcripts
 * shown without a reveal.
 */

import { anyDigitClass, toAsciiDigits as asciiDigits } from '../text/digits';

export { asciiDigits };

/** `12345-1234567-1` → `12345-*******-1`. */
export function maskCnic(cnic: string): string {
  const digits = asciiDigits(cnic).replace(/\D/g, '');
  if (digits.length !== 13) return '*'.repeat(Math.max(cnic.length, 1));
  return `${digits.slice(0, 5)}-*******-${digits.slice(12)}`;
}

/** `35202-1234567-1` → `*****-****567-1`: only the last four digits, as printed on approval letters. */
export function maskCnicLast4(cnic: string): string {
  const digits = asciiDigits(cnic).replace(/\D/g, '');
  if (digits.length !== 13) return '*'.repeat(Math.max(cnic.length, 1));
  return `*****-****${digits.slice(9, 12)}-${digits.slice(12)}`;
}

/** `+923001234567` / `0300-1234567` → `+92 3** *****67`. */
export function maskPhone(phone: string): string {
  const digits = asciiDigits(phone).replace(/\D/g, '');
  const local = digits.startsWith('92') ? digits.slice(2) : digits.replace(/^0/, '');
  if (local.length !== 10) return '*'.repeat(Math.max(phone.length, 1));
  return `+92 ${local[0]}** *****${local.slice(8)}`;
}

// A CNIC: 5-7-1 digits with optional dashes/spaces. A mobile: +92 / 0092 / 92 / 0 then 3XX and 7 digits.
const D = anyDigitClass;
const cnicPattern = new RegExp(`(?<!${D})${D}{5}[-\\s]?${D}{7}[-\\s]?${D}(?!${D})`, 'g');
const phonePattern = new RegExp(
  `(?<![${D.slice(1, -1)}+])(?:\\+92|0092|92|0)[-\\s]?3${D}{2}[-\\s]?${D}{3}[-\\s]?${D}{4}(?!${D})`,
  'g',
);

/** Replaces every CNIC and mobile number inside free text with its masked form. */
export function maskText(text: string): string {
  return text.replace(cnicPattern, (m) => maskCnic(m)).replace(phonePattern, (m) => maskPhone(m));
}

/** Deep copy of a log object with every string masked. */
export function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskText(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  if (value instanceof Error) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v, depth + 1);
  return out;
}

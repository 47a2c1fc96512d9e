/**
 * Masking of personal data (CNICs, Pakistani mobile numbers) for logs, agent views and transcripts
 * shown without a reveal.
 */

import { anyDigitClass, toAsciiDigits as asciiDigits } from '../domain/digits';
// The validators are pure functions (no SDK): masking accepts exactly what they accept.
import { validateCnic } from '../domain/validators/cnic';
import { validateMobile } from '../domain/validators/mobile';

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

/*
 * Free text is masked with the validators themselves, so whatever the intake accepts as a CNIC or a
 * mobile number is masked wherever it appears: Urdu/Arabic-Indic digits, brackets, dots, every dash,
 * spaces around dashes, invisible marks. A "run" is digits joined by the characters the validators'
 * normalisation ignores or removes; every window of its digit groups that holds 10–15 digits (the
 * lengths either validator can accept) is tried, longest first, leftmost first.
 */
const D = anyDigitClass;
const ignorable =
  '\\s\\-\\u2010-\\u2015\\u2212\\ufe58\\ufe63\\uff0d().+\\u200b\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069\\ufeff\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f';
const runPattern = new RegExp(`${D}+(?:[${ignorable}]+${D}+)*`, 'g');
const groupPattern = new RegExp(`${D}+`, 'g');
const MIN_DIGITS = 10;
const MAX_DIGITS = 15;

/** The masked form of a window the validators accept, or undefined. */
function maskedWindow(window: string): string | undefined {
  const cnic = validateCnic(window);
  if (cnic.ok) return maskCnic(cnic.value);
  const mobile = validateMobile(window);
  if (mobile.ok) return maskPhone(mobile.value);
  return undefined;
}

/** Masks the CNICs and mobiles inside one run of digits and separators. */
function maskRun(run: string): string {
  const groups = [...run.matchAll(groupPattern)].map((m) => ({ start: m.index, end: m.index + m[0].length, digits: [...m[0]].length }));
  let out = '';
  let copied = 0;
  for (let i = 0; i < groups.length; i++) {
    let total = 0;
    let last = i;
    while (last < groups.length && total + groups[last].digits <= MAX_DIGITS) total += groups[last++].digits;
    for (let j = last - 1; j >= i && total >= MIN_DIGITS; total -= groups[j--].digits) {
      const masked = maskedWindow(run.slice(groups[i].start, groups[j].end));
      if (masked === undefined) continue;
      out += run.slice(copied, groups[i].start) + masked;
      copied = groups[j].end;
      i = j;
      break;
    }
  }
  return out + run.slice(copied);
}

/** Replaces every CNIC and mobile number inside free text with its masked form. */
export function maskText(text: string): string {
  // Loggers hand over whatever an error carried as its message; only strings hold numbers to mask.
  return typeof text === 'string' ? text.replace(runPattern, maskRun) : text;
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

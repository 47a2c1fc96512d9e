import { cleanNumeric } from './normalize';
import { fail, ok, type Result } from './result';

/** National Tax Number: 7 digits, optional dash, 1 check digit; stored as `1234567-8`. */
export function validateNtn(raw: string): Result<string> {
  const text = cleanNumeric(raw).replace(/\s/g, '');
  if (!/^[0-9-]*$/.test(text)) return fail('ntn.format');
  const digits = text.replace(/-/g, '');
  if (digits.length !== 8) return fail('ntn.length');
  if (!/^\d{7}-?\d$/.test(text)) return fail('ntn.format');
  return ok(`${digits.slice(0, 7)}-${digits.slice(7)}`);
}

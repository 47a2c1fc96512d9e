import { cleanNumeric } from './normalize';
import { fail, ok, type Result } from './result';

/** CNIC: 13 digits, plain or as `12345-1234567-1`, Urdu digits too; stored as `12345-1234567-1`. */
export function validateCnic(raw: string): Result<string> {
  const text = cleanNumeric(raw).replace(/\s/g, '');
  if (!/^[0-9-]*$/.test(text)) return fail('cnic.format');
  const digits = text.replace(/-/g, '');
  if (digits.length !== 13) return fail('cnic.length');
  if (text.includes('-') && !/^\d{5}-\d{7}-\d$/.test(text)) return fail('cnic.format');
  return ok(`${digits.slice(0, 5)}-${digits.slice(5, 12)}-${digits.slice(12)}`);
}

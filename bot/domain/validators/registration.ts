import { cleanNumeric } from './normalize';
import { fail, ok, type Result } from './result';
import { isSkip } from './skip';

/** PSEB registration number: optional ("skip" → null); else 3–30 letters, digits, `/` or `-`, stored upper-case. */
export function validateRegistrationNo(raw: string): Result<string | null> {
  if (isSkip(raw)) return ok(null);
  // "PSEB / 1234" is the same number as "PSEB/1234"; spaces elsewhere are a typo we report.
  const text = cleanNumeric(raw)
    .replace(/\s*([/-])\s*/g, '$1')
    .toUpperCase();
  if (!/^[A-Z0-9/-]+$/.test(text)) return fail('psebRegistrationNo.format');
  if (text.length < 3 || text.length > 30) return fail('psebRegistrationNo.length');
  return ok(text);
}

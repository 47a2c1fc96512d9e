import { cleanNumeric } from './normalize';
import { fail, ok, type Result } from './result';

/** Pakistani mobile number in any common style (`0300-1234567`, `+92 300 1234567`, `923001234567`); stored `+923001234567`. */
export function validateMobile(raw: string): Result<string> {
  const text = cleanNumeric(raw).replace(/[\s().-]/g, '');
  if (!/^\+?\d+$/.test(text)) return fail('mobile.format');
  const national = nationalNumber(text);
  if (national === null) return fail('mobile.notPakistani');
  if (!national.startsWith('3')) return fail('mobile.notMobile');
  if (national.length !== 10) return fail('mobile.length');
  return ok(`+92${national}`);
}

/** The number after the country code and trunk 0, or null when it carries another country's code. */
function nationalNumber(text: string): string | null {
  let rest: string;
  if (text.startsWith('+')) {
    if (!text.startsWith('+92')) return null;
    rest = text.slice(3);
  } else if (text.startsWith('00')) {
    if (!text.startsWith('0092')) return null;
    rest = text.slice(4);
  } else if (text.startsWith('92')) {
    rest = text.slice(2);
  } else {
    rest = text;
  }
  // "+92 0300…" is a common way of writing it; the trunk 0 is dropped after the country code.
  return rest.startsWith('0') ? rest.slice(1) : rest;
}

import type { IntakeErrorCode } from './errors';
import { charLength, cleanText } from './normalize';
import { fail, ok, type Result, type Validator } from './result';

/** Builds a free-text validator that cleans the text and enforces a length range in characters. */
export function textOfLength(
  min: number,
  max: number,
  codes: { tooShort: IntakeErrorCode; tooLong: IntakeErrorCode },
): Validator<string> {
  return (raw: string): Result<string> => {
    const text = cleanText(raw);
    const length = charLength(text);
    if (length < min) return fail(codes.tooShort);
    if (length > max) return fail(codes.tooLong);
    return ok(text);
  };
}

/** Company name: 2–120 characters. */
export const validateCompanyName = textOfLength(2, 120, {
  tooShort: 'companyName.tooShort',
  tooLong: 'companyName.tooLong',
});

/** Contact person's name: 2–80 characters. */
export const validateContactName = textOfLength(2, 80, {
  tooShort: 'contactName.tooShort',
  tooLong: 'contactName.tooLong',
});

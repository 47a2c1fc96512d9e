import type { IntakeErrorCode } from './errors';
import { charLength, cleanText } from './normalize';
import { fail, ok, type Result, type Validator } from './result';

/** Builds a free-text validator that cleans the text and enforces a length range in characters. */
export function textOfLength(min: number, max: number, codes: { tooShort: IntakeErrorCode; tooLong: IntakeErrorCode }): Validator<string> {
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

/** A person's name: 2–80 characters, at least one letter (any script), so "1234567-8" is not a name. */
export function personName(codes: { tooShort: IntakeErrorCode; tooLong: IntakeErrorCode; noLetters: IntakeErrorCode }): Validator<string> {
  const length = textOfLength(2, 80, codes);
  return (raw: string): Result<string> => {
    const result = length(raw);
    if (result.ok && !/\p{L}/u.test(result.value)) return fail(codes.noLetters);
    return result;
  };
}

/** Contact person's name: 2–80 characters with letters. */
export const validateContactName = personName({
  tooShort: 'contactName.tooShort',
  tooLong: 'contactName.tooLong',
  noLetters: 'contactName.noLetters',
});

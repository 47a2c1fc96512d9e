import { z } from 'zod';
import { cleanText } from './normalize';
import { fail, ok, type Result } from './result';

const EMAIL = z.email().max(254);

/** An email address, trimmed; zod's check decides what is valid. */
export function validateEmail(raw: string): Result<string> {
  const text = cleanText(raw);
  return EMAIL.safeParse(text).success ? ok(text) : fail('email.format');
}

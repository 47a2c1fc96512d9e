import { parseReference, referenceKind } from '../reference';
import { fail, ok, type Result } from './result';
import { isSkip } from './skip';

/**
 * Optional reference of an earlier whitelisting request (`WL-XXXXXX`, any case); "skip" → null.
 * Only the form is checked here; whether the request exists is the store's question.
 */
export function validateWhitelistingReference(raw: string): Result<string | null> {
  if (isSkip(raw)) return ok(null);
  const reference = parseReference(raw);
  if (reference === null) return fail('whitelistingReference.format');
  if (referenceKind(reference) !== 'whitelisting') return fail('whitelistingReference.wrongKind', reference);
  return ok(reference);
}

/** Revoking an approval, for the console route and the Teams card alike: status, card, applicant. */
import type { Request } from '../../generated/prisma/client';
import type { Logger } from '../logger';
import type { Actor } from '../requests/transitions';
import { maxNoteLength } from '../domain/lifecycle';
import type { LetterService } from './service';

/** What revoking needs from bot/requests' RequestNotifier. */
export interface RevocationNotifier {
  refreshCard(request: Request): Promise<void>;
  notifyApplicant(request: Request, note: string | undefined): Promise<{ ok: boolean; code?: string }>;
}

export type RevokeResult =
  | { ok: true; request: Request; notified: boolean | null; failureCode?: string }
  | { ok: false; reason: 'invalidReason' }
  | { ok: false; reason: 'notFound' }
  | { ok: false; reason: 'notApproved'; status: Request['status'] };

/** Reads an untrusted reason: trimmed, 1 to maxNoteLength characters. */
export function parseReason(value: unknown): string | null {
  const reason = typeof value === 'string' ? value.trim() : '';
  return reason && reason.length <= maxNoteLength ? reason : null;
}

/** Revokes, then updates the card and tells the applicant; a failed notification never undoes the revocation. */
export async function revokeApproval(
  deps: { letters: LetterService; notifier?: RevocationNotifier; logger: Logger },
  reference: string,
  actor: Actor,
  rawReason: unknown,
): Promise<RevokeResult> {
  const reason = parseReason(rawReason);
  if (!reason) return { ok: false, reason: 'invalidReason' };
  const outcome = await deps.letters.revoke(reference, actor, reason);
  if (!outcome.ok)
    return outcome.reason === 'notFound'
      ? { ok: false, reason: 'notFound' }
      : { ok: false, reason: 'notApproved', status: outcome.request.status };
  if (!deps.notifier) return { ok: true, request: outcome.request, notified: null };
  try {
    await deps.notifier.refreshCard(outcome.request);
    const delivery = await deps.notifier.notifyApplicant(outcome.request, reason);
    return { ok: true, request: outcome.request, notified: delivery.ok, failureCode: delivery.ok ? undefined : delivery.code };
  } catch (err) {
    deps.logger.error({ err, reference }, 'notifying a revocation failed');
    return { ok: true, request: outcome.request, notified: false };
  }
}

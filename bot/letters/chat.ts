/**
 * Letters in the chat: "letter WL-…" typed by the applicant gets the notice again with a fresh link
 * (only for their own request), and the Revoke button on the staff card in Teams.
 */
import type { TurnContext } from 'botbuilder';
import type { PrismaClient } from '../../generated/prisma/client';
import type { Logger } from '../logger';
import type { Translate } from '../i18n';
import type { Interceptor } from '../psebBot';
import type { StaffDirectory } from '../staff/staffDirectory';
import { staffActorOf } from '../requests/decisions';
import { parseReference } from '../domain/reference';
import { RequestStatus } from '../domain/lifecycle';
import { turnInfo } from '../turnInfo';
import { buildRequestNotice } from '../../cards/requestNotice.card';
import { revokeApproval, type RevocationNotifier } from './revocation';
import type { LetterService } from './service';

const LETTER_PREFIX = /^(?:approval\s+letter|letter|khat|manzoori\s+nama|منظوری\s+نامہ|خط)\s*:?\s*/iu;
/** Longest text a reference is typed as ("wfh - 7k3m9q"). */
const MAX_REFERENCE_TEXT = 14;

/** The reference a message asks the letter of, when the whole message is "letter <ref>". */
export function letterQuery(text: string): string | null {
  const trimmed = text.trim();
  if (!LETTER_PREFIX.test(trimmed)) return null;
  const rest = trimmed
    .replace(LETTER_PREFIX, '')
    .replace(/[.!?؟۔]+$/u, '')
    .trim();
  if (rest.length === 0 || rest.length > MAX_REFERENCE_TEXT) return null;
  return parseReference(rest);
}

/** Answers "letter <ref>" outside a form; anyone else's reference reads as not found. */
export function letterCommandInterceptor(deps: { prisma: PrismaClient; letters: LetterService }): Interceptor {
  return async (context, dc) => {
    if (dc.activeDialog || context.activity.conversation?.isGroup) return false;
    const reference = letterQuery(context.activity.text ?? '');
    if (!reference) return false;
    const { t, lang, rendering } = turnInfo(context);
    const request = await deps.prisma.request.findFirst({
      where: { reference, channelId: context.activity.channelId, userId: context.activity.from?.id ?? '' },
    });
    if (!request) {
      await context.sendActivity(t('letters:command.notFound', { reference }));
      return true;
    }
    const letter = request.status === RequestStatus.APPROVED ? await deps.letters.noticeView(request, lang) : undefined;
    if (!letter) {
      const key = request.status === RequestStatus.REVOKED ? 'letters:command.revoked' : 'letters:command.notApproved';
      await context.sendActivity(t(key, { reference, status: t(`decisions:status.${request.status}`) }));
      return true;
    }
    await context.sendActivity(buildRequestNotice({ reference, status: request.status, rtl: lang === 'ur', letter }, t, rendering));
    return true;
  };
}

/** The `request.revoke` verb on the staff card: staff only, a reason required. */
export function revokeVerbHandler(deps: {
  letters: LetterService;
  notifier?: RevocationNotifier;
  staff: StaffDirectory;
  staffT: Translate;
  logger: Logger;
}) {
  return async (context: TurnContext, data: Record<string, unknown>): Promise<void> => {
    const { staffT } = deps;
    const actor = staffActorOf(context.activity);
    if (!actor || !(await deps.staff.isStaff(actor.id))) {
      await context.sendActivity(staffT('decisions:staff.notStaff'));
      return;
    }
    const reference = typeof data.reference === 'string' ? data.reference.trim().slice(0, 40) : '';
    const outcome = await revokeApproval(deps, reference, actor, data.reason);
    if (!outcome.ok) {
      if (outcome.reason === 'invalidReason') await context.sendActivity(staffT('letters:staff.reasonRequired'));
      else if (outcome.reason === 'notFound') await context.sendActivity(staffT('decisions:staff.notFound', { reference }));
      else
        await context.sendActivity(
          staffT('letters:staff.notApproved', { reference, status: staffT(`decisions:status.${outcome.status}`) }),
        );
      return;
    }
    await context.sendActivity(
      outcome.notified === false
        ? staffT('letters:staff.revokedUnreachable', { reference, code: outcome.failureCode ?? 'unknown' })
        : staffT('letters:staff.revoked', { reference }),
    );
  };
}

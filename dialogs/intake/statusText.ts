/** How a request's status and the user's list of requests read, in the user's language and Pakistan time. */
import type { TurnContext } from 'botbuilder';
import type { Translate } from '../../bot/domain/validators';
import { parseReference } from '../../bot/domain/reference';
import type { RequestDetail, RequestOwner, RequestStore, RequestSummary } from '../../bot/requests/store';
import type { UiLanguage } from '../../bot/i18n';
import { karachiTime } from '../../bot/i18n/time';
import { turnInfo } from '../../bot/turnInfo';

const STATUS_PREFIX = /^(?:request\s+status|check\s+status|status|track|صورتحال|اسٹیٹس|سٹیٹس)\s*:?\s*/iu;
/** Longest text a bare reference is typed as ("wfh - 7k3m9q"). */
const MAX_REFERENCE_TEXT = 14;

/** The reference a message asks about when the whole message is "status <ref>" or the reference alone. */
export function statusQuery(text: string): string | null {
  const rest = text
    .trim()
    .replace(STATUS_PREFIX, '')
    .replace(/[.!?؟۔]+$/u, '')
    .trim();
  if (rest.length === 0 || rest.length > MAX_REFERENCE_TEXT) return null;
  return parseReference(rest);
}

export { karachiTime };

/** The status reply: what the request is, where it stands, and its history. */
export function statusText(request: RequestDetail, t: Translate, lang: UiLanguage): string {
  const history = request.events.map((e) =>
    e.note
      ? t('requests:status.eventWithNote', {
          time: karachiTime(e.createdAt, lang),
          status: t(`requests:statuses.${e.toStatus}`),
          note: e.note,
        })
      : t('requests:status.event', { time: karachiTime(e.createdAt, lang), status: t(`requests:statuses.${e.toStatus}`) }),
  );
  return [
    t('requests:status.header', { reference: request.reference, kind: t(`requests:kinds.${request.kind}`), company: request.companyName }),
    t('requests:status.current', { status: t(`requests:statuses.${request.status}`) }),
    '',
    t('requests:status.history'),
    ...history,
  ].join('\n');
}

/** The "my requests" reply. */
export function myRequestsText(requests: readonly RequestSummary[], t: Translate, lang: UiLanguage): string {
  if (requests.length === 0) return t('requests:mine.none');
  const lines = requests.map((r) =>
    t('requests:mine.line', {
      reference: r.reference,
      kind: t(`requests:kinds.${r.kind}`),
      company: r.companyName,
      status: t(`requests:statuses.${r.status}`),
      time: karachiTime(r.createdAt, lang),
    }),
  );
  return [t('requests:mine.title'), ...lines, '', t('requests:mine.hint')].join('\n');
}

/** The channel user who sent this turn. */
export function ownerOf(context: TurnContext): RequestOwner {
  return { channelId: context.activity.channelId, userId: context.activity.from?.id ?? '' };
}

/** Replies with a request's status, or the one "not found" answer for unknown and other people's references alike. */
export async function replyWithStatus(context: TurnContext, store: RequestStore, reference: string): Promise<void> {
  const { t, lang } = turnInfo(context);
  const request = await store.findForUser(reference, ownerOf(context));
  await context.sendActivity(request ? statusText(request, t, lang) : t('requests:status.notFound', { reference }));
}

/** Replies with the user's own requests. */
export async function replyWithMyRequests(context: TurnContext, store: RequestStore): Promise<void> {
  const { t, lang } = turnInfo(context);
  await context.sendActivity(myRequestsText(await store.listForUser(ownerOf(context)), t, lang));
}

/**
 * The new-request card in the support channel: what was asked (kind, reference, company, seats or
 * agents, dates, masked contact), where it stands, and — while it is undecided — a note input with
 * Approve / Reject / Ask for information. Rebuilt and updated in place at every status change.
 */
import type { Attachment } from 'botbuilder';
import { languageNameKey, type Translate } from '../bot/i18n';
import { maskCnic, maskPhone, maskText } from '../bot/privacy/mask';
import { maxNoteLength, RequestStatus } from '../bot/domain/lifecycle';
import { cardTemplate, expandCard } from './render';
import { Verbs } from './verbs';
import { escapeMarkup } from './escape';
import templateJson from './request.card.json';

/** Parsed once: expanding a parsed template is far cheaper than parsing it per card. */
const template = cardTemplate(templateJson);

export interface RequestCardView {
  reference: string;
  kind: 'whitelisting' | 'wfh';
  status: RequestStatus;
  companyName: string;
  /** Whitelisting: the seats asked for. */
  seats?: number;
  /** Work from home: how many agents are listed. */
  agentCount?: number;
  startDate?: string;
  endDate?: string;
  /** Already formatted for staff. */
  submittedAt: string;
  contactName?: string;
  /** Raw; masked here whatever the caller passes. */
  contactMobile?: string;
  contactCnic?: string;
  channelId: string;
  language: string;
  /** Who made the latest change and when (formatted), and its note. */
  last?: { actor: string; at: string; note?: string | null; fromStatus?: RequestStatus | null };
}

const statusColors: Record<RequestStatus, string> = {
  SUBMITTED: 'Attention',
  IN_REVIEW: 'Accent',
  APPROVED: 'Good',
  REJECTED: 'Attention',
  INFO_REQUESTED: 'Warning',
  REVOKED: 'Attention',
};

/** Undecided requests show the decision buttons. */
export function canDecide(status: RequestStatus): boolean {
  return status === RequestStatus.SUBMITTED || status === RequestStatus.IN_REVIEW;
}

/** Builds the card in the staff's language. */
export function buildRequestCard(view: RequestCardView, t: Translate): Attachment {
  const none = t('decisions:card.none');
  const kind = t(`decisions:kind.${view.kind}`);
  const answered = view.status === RequestStatus.IN_REVIEW && view.last?.fromStatus === RequestStatus.INFO_REQUESTED;
  const facts = [
    { title: t('decisions:card.facts.reference'), value: view.reference },
    { title: t('decisions:card.facts.kind'), value: kind },
    { title: t('decisions:card.facts.company'), value: escapeMarkup(view.companyName) },
    view.kind === 'whitelisting'
      ? { title: t('decisions:card.facts.seats'), value: view.seats !== undefined ? String(view.seats) : none }
      : { title: t('decisions:card.facts.agents'), value: view.agentCount !== undefined ? String(view.agentCount) : none },
    ...(view.kind === 'wfh'
      ? [
          {
            title: t('decisions:card.facts.dates'),
            value: view.startDate && view.endDate ? t('decisions:card.dateRange', { start: view.startDate, end: view.endDate }) : none,
          },
        ]
      : []),
    { title: t('decisions:card.facts.submitted'), value: view.submittedAt },
    { title: t('decisions:card.facts.contact'), value: escapeMarkup(contactLine(view)) || none },
    { title: t('decisions:card.facts.channel'), value: view.channelId },
    { title: t('decisions:card.facts.language'), value: t(languageNameKey(view.language)) },
  ];
  const actor = escapeMarkup(view.last?.actor ?? '');
  const at = view.last?.at ?? '';
  const note = view.last?.note ? escapeMarkup(maskText(view.last.note)) : '';
  return expandCard(template, {
    title: t('decisions:card.title', { kind, reference: view.reference }),
    status: answered ? t('decisions:card.state.answered', { at }) : t(`decisions:card.state.${view.status}`, { actor, at }),
    statusColor: statusColors[view.status],
    note: note ? t(answered ? 'decisions:card.answer' : 'decisions:card.note', { note }) : '',
    facts,
    canDecide: canDecide(view.status),
    noteMaxLength: maxNoteLength,
    noteLabel: t('decisions:card.noteLabel'),
    notePlaceholder: t('decisions:card.notePlaceholder'),
    approveLabel: t('decisions:card.action.approve'),
    rejectLabel: t('decisions:card.action.reject'),
    needsInfoLabel: t('decisions:card.action.needs_info'),
    verb: Verbs.requestDecide,
    reference: view.reference,
    // An approval can be withdrawn (bot/letters): its letter then verifies as revoked.
    canRevoke: view.status === RequestStatus.APPROVED,
    reasonLabel: t('letters:card.reasonLabel'),
    revokeLabel: t('letters:card.revoke'),
    revokeVerb: Verbs.requestRevoke,
  });
}

/** "Ayesha Malik · +92 3** *****67 · CNIC 42101-*******-1": never the full number. */
function contactLine(view: RequestCardView): string {
  return [view.contactName, view.contactMobile && maskPhone(view.contactMobile), view.contactCnic && maskCnic(view.contactCnic)]
    .filter((part): part is string => Boolean(part))
    .join(' · ');
}

/**
 * The hand-off card posted in the support channel: who is asking, from where, about what, what they
 * said last (masked), their open requests, and Claim / End. Updated in place as the chat moves on.
 */
import type { Attachment } from 'botbuilder';
import { languageNameKey, type Translate } from '../bot/i18n';
import { maskText } from '../bot/privacy/mask';
import type { FormInProgress } from '../bot/desk/form';
import { cardTemplate, expandCard } from './render';
import { Verbs } from './verbs';
import { escapeMarkup } from './escape';
import templateJson from './handoff.card.json';

/** Parsed once; every expansion reuses it. */
const template = cardTemplate(templateJson);

export type HandoffCardState = 'waiting' | 'active' | 'endedByUser' | 'endedByAgent' | 'cancelled' | 'timedOut';

export interface HandoffCardView {
  handoffId: string;
  state: HandoffCardState;
  userName?: string | null;
  channelId: string;
  language: string;
  topic?: string | null;
  agentName?: string | null;
  /** Undecided requests: reference and status. */
  requests: { reference: string; status: string }[];
  /** The form the user left to ask for a person (its progress, never its values). */
  form?: FormInProgress | null;
  /** Oldest first; masked here, whatever the caller passes. */
  lines: { fromUser: boolean; text: string }[];
  /** FAQ matches for the user's question, each with a "send this answer" button. */
  suggestions?: { topicId: string; question: string }[];
}

const statusColors: Record<HandoffCardState, string> = {
  waiting: 'Attention',
  active: 'Good',
  endedByUser: 'Default',
  endedByAgent: 'Default',
  cancelled: 'Default',
  timedOut: 'Warning',
};

/** Longest line shown per message; the console has the full transcript. */
export const maxCardLineLength = 300;

/** Builds the card in the staff's language. */
export function buildHandoffCard(view: HandoffCardView, t: Translate): Attachment {
  const none = t('handoff:card.none');
  const userName = view.userName ? escapeMarkup(view.userName) : t('handoff:anonymousUser');
  return expandCard(template, {
    title: t('handoff:card.title', { user: userName }),
    status: t(`handoff:card.status.${view.state}`, { agent: escapeMarkup(view.agentName ?? '') }),
    statusColor: statusColors[view.state],
    facts: [
      { title: t('handoff:card.facts.user'), value: userName },
      { title: t('handoff:card.facts.channel'), value: view.channelId },
      { title: t('handoff:card.facts.language'), value: t(languageNameKey(view.language)) },
      { title: t('handoff:card.facts.topic'), value: view.topic ? escapeMarkup(maskText(view.topic)) : none },
      {
        title: t('handoff:card.facts.requests'),
        value: view.requests.length ? view.requests.map((r) => requestLine(r, t)).join(', ') : none,
      },
    ],
    formTitle: t('handoff:card.formTitle'),
    form: view.form ? formLine(view.form, t) : '',
    suggestionsTitle: t('handoff:card.suggestionsTitle'),
    suggestions: (view.state === 'waiting' || view.state === 'active' ? (view.suggestions ?? []) : []).map((s) => ({
      topicId: s.topicId,
      question: s.question,
    })),
    sendLabel: t('handoff:card.sendAnswer'),
    sendAnswerVerb: Verbs.handoffSendAnswer,
    historyTitle: t('handoff:card.historyTitle'),
    noHistory: t('handoff:card.noHistory'),
    lines: view.lines.map((line) => ({
      who: line.fromUser ? userName : t('handoff:card.bot'),
      text: escapeMarkup(maskText(line.text).slice(0, maxCardLineLength)),
    })),
    canClaim: view.state === 'waiting',
    canEnd: view.state === 'active',
    claimLabel: t('handoff:card.claim'),
    endLabel: t('handoff:card.end'),
    claimVerb: Verbs.handoffClaim,
    endVerb: Verbs.handoffEnd,
    handoffId: view.handoffId,
  });
}

/** "WL-7K3M9Q (In review)". */
export function requestLine(request: { reference: string; status: string }, t: Translate): string {
  return t('handoff:card.requestLine', {
    reference: request.reference,
    status: t(`requests:statuses.${request.status}`, { defaultValue: request.status }),
  });
}

/** "Whitelisting request: 4 of 11 answered, now at: NTN". */
export function formLine(form: FormInProgress, t: Translate): string {
  const kind = t(`requests:kinds.${form.kind}`);
  const field = form.field ? t(`intake:fields.${form.field}.label`, { defaultValue: form.field }) : '';
  return t(field ? 'handoff:card.formAt' : 'handoff:card.form', { kind, answered: form.answered, total: form.total, field });
}

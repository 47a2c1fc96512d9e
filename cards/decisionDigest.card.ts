/**
 * The daily digest in the support channel: requests submitted longer than DECISION_SLA_HOURS ago and
 * still unopened, one line each, each a link into the console when its address is known.
 */
import type { Attachment } from 'botbuilder';
import type { Translate } from '../bot/i18n';
import { cardTemplate, expandCard } from './render';
import templateJson from './decisionDigest.card.json';

const template = cardTemplate(templateJson);

export interface DigestItem {
  reference: string;
  kind: string;
  companyName: string;
  submittedAt: string;
}

export interface DecisionDigestView {
  items: DigestItem[];
  hours: number;
  /** The console's address (https://host/console), or undefined when BOT_PUBLIC_HOST is not set. */
  consoleUrl?: string;
}

/** Applicant-typed text shown as typed: Adaptive Card markdown characters are escaped. */
export function plainText(text: string): string {
  return text.replace(/[\\`*_[\]()#>~|-]/g, (c) => `\\${c}`);
}

export function buildDecisionDigestCard(view: DecisionDigestView, t: Translate): Attachment {
  const link = (reference: string) =>
    view.consoleUrl ? `[${reference}](${view.consoleUrl}#requests/${encodeURIComponent(reference)})` : reference;
  return expandCard(template, {
    title: t('announcements:digest.title'),
    summary: t('announcements:digest.summary', { count: view.items.length, hours: view.hours }),
    items: view.items.map((item) => ({
      line: t('announcements:digest.item', {
        reference: link(item.reference),
        kind: item.kind,
        company: plainText(item.companyName),
        submittedAt: item.submittedAt,
      }),
    })),
    open: t('announcements:digest.open'),
    url: view.consoleUrl ? `${view.consoleUrl}#requests` : '',
  });
}

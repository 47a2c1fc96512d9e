/**
 * User-supplied values in every card that shows them (issue 12, finding 8): a company name, contact,
 * note, topic or chat line written as Markdown or HTML shows as text, never as an image, link or tag.
 * Cards without user text (FAQ answers from the knowledge base, menus, the intake form's own inputs)
 * are not listed.
 */
import type { Activity, Attachment } from 'botbuilder';
import { createI18n } from '../../bot/i18n';
import { RequestStatus } from '../../bot/domain/lifecycle';
import { buildSummary } from '../../cards/summary.card';
import { buildRequestCard } from '../../cards/request.card';
import { buildHandoffCard } from '../../cards/handoff.card';
import { buildRequestNotice } from '../../cards/requestNotice.card';
import { escapeMarkup } from '../../cards/escape';

const t = createI18n().getFixedT('en');
const hostile = ['![x](http://h/x.png)', '<img src=x onerror=alert(1)>', '[click](javascript:alert(1))', '**bold** _x_ `code`'];

/** Every string in a card's JSON. */
function strings(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) node.forEach((n) => strings(n, out));
  else if (node && typeof node === 'object') Object.values(node).forEach((n) => strings(n, out));
  return out;
}

const attachmentsOf = (message: Partial<Activity>): Attachment[] => message.attachments ?? [];

/** An image, link or tag a renderer would act on: not preceded by our backslash (the templates' own bold is fine). */
const liveMarkup = /(^|[^\\])(!\[|\]\(|<[a-z])/i;

describe.each(hostile)('a user value %s', (value) => {
  const cards: [string, () => Attachment[]][] = [
    [
      'summary (adaptive)',
      () =>
        attachmentsOf(
          buildSummary({ kind: 'whitelisting', draftId: 'd1', facts: [{ label: 'Company', value }], rtl: false }, 'adaptive', t),
        ),
    ],
    [
      'summary (hero)',
      () =>
        attachmentsOf(buildSummary({ kind: 'whitelisting', draftId: 'd1', facts: [{ label: 'Company', value }], rtl: false }, 'hero', t)),
    ],
    [
      'request card (staff)',
      () => [
        buildRequestCard(
          {
            reference: 'WL-2020-0001',
            kind: 'whitelisting',
            status: RequestStatus.IN_REVIEW,
            companyName: value,
            submittedAt: '1 Apr 2020',
            contactName: value,
            contactMobile: '03001234567',
            channelId: 'msteams',
            language: 'en',
            last: { actor: value, at: 'now', note: value },
          },
          t,
        ),
      ],
    ],
    [
      'hand-off card (staff)',
      () => [
        buildHandoffCard(
          {
            handoffId: 'h1',
            state: 'active',
            userName: value,
            channelId: 'webchat',
            language: 'en',
            topic: value,
            agentName: value,
            requests: [{ reference: 'WL-7K2M9Q', status: 'SUBMITTED' }],
            lines: [{ fromUser: true, text: value }],
          },
          t,
        ),
      ],
    ],
    [
      'request notice (adaptive)',
      () =>
        attachmentsOf(
          buildRequestNotice({ reference: 'WL-2020-0001', status: RequestStatus.INFO_REQUESTED, note: value, rtl: false }, t, 'adaptive'),
        ),
    ],
    [
      'request notice (hero)',
      () =>
        attachmentsOf(
          buildRequestNotice({ reference: 'WL-2020-0001', status: RequestStatus.INFO_REQUESTED, note: value, rtl: false }, t, 'hero'),
        ),
    ],
  ];

  it.each(cards)('shows as text in the %s', (_name, build) => {
    const texts = strings(build().map((a) => a.content));
    expect(texts.some((s) => s.includes(escapeMarkup(value)))).toBe(true);
    expect(texts.filter((s) => liveMarkup.test(s))).toEqual([]);
  });
});

it('escapes what starts an image, link, code, tag or entity with a backslash, and leaves masked numbers as they are', () => {
  expect(escapeMarkup('![x](http://h/x.png)')).toBe('\\!\\[x\\]\\(http://h/x.png\\)');
  expect(escapeMarkup('<img src=x>')).toBe('\\<img src=x\\>');
  expect(escapeMarkup('Acme & Sons')).toBe('Acme \\& Sons');
  expect(escapeMarkup('ACME Pvt Ltd ۱۲۳')).toBe('ACME Pvt Ltd ۱۲۳');
  expect(escapeMarkup('+92 3** *****67 · 42101-*******-1')).toBe('+92 3** *****67 · 42101-*******-1');
});

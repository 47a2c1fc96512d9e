/** The request card and the applicant's notice, expanded per state, language and rendering. */
import { createI18n } from '../../../bot/i18n';
import { buildRequestCard, type RequestCardView } from '../../../cards/request.card';
import { buildRequestNotice } from '../../../cards/requestNotice.card';
import { Verbs } from '../../../cards/verbs';
import type { RequestStatus } from '../../../bot/domain/lifecycle';

const i18n = createI18n();
const en = i18n.getFixedT('en');
const ur = i18n.getFixedT('ur');

const view: RequestCardView = {
  reference: 'WL-7K3M9Q',
  kind: 'whitelisting',
  status: 'SUBMITTED',
  companyName: 'Indus Contact Solutions',
  seats: 120,
  submittedAt: '01 Apr 2020, 10:00',
  contactName: 'Ayesha Malik',
  contactMobile: '03001234567',
  contactCnic: '4210112345671',
  channelId: 'webchat',
  language: 'ur',
};

interface CardJson {
  body: { type: string; text?: string; id?: string; facts?: { title: string; value: string }[] }[];
  actions: { type: string; title: string; data: Record<string, string> }[];
  rtl?: unknown;
}

function cardOf(status: RequestStatus, last?: RequestCardView['last']): CardJson {
  return buildRequestCard({ ...view, status, last }, en).content as CardJson;
}

describe('the request card', () => {
  it('offers the note and the three decisions while undecided, each carrying the reference', () => {
    for (const status of ['SUBMITTED', 'IN_REVIEW'] as const) {
      const card = cardOf(status, status === 'IN_REVIEW' ? { actor: 'Ayesha Khan', at: '01 Apr 2020, 11:00' } : undefined);
      expect(card.actions.map((a) => a.data)).toEqual(
        ['approve', 'reject', 'needs_info'].map((decision) => ({ verb: Verbs.requestDecide, reference: 'WL-7K3M9Q', decision })),
      );
      expect(card.body.some((b) => b.type === 'Input.Text' && b.id === 'note')).toBe(true);
    }
  });

  it.each(['APPROVED', 'REJECTED', 'INFO_REQUESTED', 'REVOKED'] as const)(
    'shows %s with who, when and the note, and no decision buttons',
    (status) => {
      const card = cardOf(status, { actor: 'Bilal Ahmed', at: '02 Apr 2020, 09:30', note: 'Call 0300-1234567', fromStatus: 'IN_REVIEW' });
      // Only an approval can still be revoked (bot/letters), with a reason.
      const revocable = status === 'APPROVED';
      expect(card.actions.map((a) => a.data)).toEqual(revocable ? [{ verb: Verbs.requestRevoke, reference: 'WL-7K3M9Q' }] : []);
      expect(card.body.filter((b) => b.type === 'Input.Text').map((b) => b.id)).toEqual(revocable ? ['reason'] : []);
      const texts = card.body.map((b) => b.text ?? '');
      expect(texts).toContain(en(`decisions:card.state.${status}`, { actor: 'Bilal Ahmed', at: '02 Apr 2020, 09:30' }));
      expect(texts).toContain(en('decisions:card.note', { note: 'Call +92 3** *****67' }));
    },
  );

  it.each([
    ['en', 'common:language.nameEn'],
    ['ur', 'common:language.nameUr'],
    ['ur-Latn', 'common:language.nameUrLatn'],
    ['xx', 'common:language.nameEn'],
  ])("names the applicant's language %s for staff", (language, key) => {
    const card = buildRequestCard({ ...view, language }, en).content as CardJson;
    const facts = card.body.flatMap((b) => b.facts ?? []);
    expect(facts).toContainEqual({ title: en('decisions:card.facts.language'), value: en(key) });
  });

  it('shows an answered information request as back in review, with the answer', () => {
    const card = cardOf('IN_REVIEW', { actor: 'Test User', at: '03 Apr 2020, 12:00', note: 'Karachi', fromStatus: 'INFO_REQUESTED' });
    const texts = card.body.map((b) => b.text ?? '');
    expect(texts).toContain(en('decisions:card.state.answered', { at: '03 Apr 2020, 12:00' }));
    expect(texts).toContain(en('decisions:card.answer', { note: 'Karachi' }));
    expect(card.actions).toHaveLength(3);
  });

  it('masks the contact and never shows the full CNIC or mobile', () => {
    const json = JSON.stringify(cardOf('SUBMITTED'));
    expect(json).toContain('Ayesha Malik · +92 3** *****67 · 42101-*******-1');
    expect(json).not.toContain('4210112345671');
    expect(json).not.toContain('03001234567');
  });
});

describe("the applicant's notice", () => {
  it('renders an Adaptive Card with a Reply button only when information is requested, right to left in Urdu', () => {
    const asked = buildRequestNotice({ reference: 'WL-7K3M9Q', status: 'INFO_REQUESTED', note: 'Which city?', rtl: true }, ur, 'adaptive');
    const card = asked.attachments?.[0].content as CardJson;
    expect(card.rtl).toBe(true);
    expect(card.actions).toEqual([
      { type: 'Action.Submit', title: ur('decisions:user.reply'), data: { verb: Verbs.requestReply, reference: 'WL-7K3M9Q' } },
    ]);
    expect(card.body.map((b) => b.text)).toEqual([
      ur('decisions:user.headline', { reference: 'WL-7K3M9Q', status: ur('decisions:status.INFO_REQUESTED') }),
      ur('decisions:user.body.INFO_REQUESTED', { reference: 'WL-7K3M9Q' }),
      ur('decisions:user.note', { note: 'Which city?' }),
      ur('decisions:user.replyHint'),
    ]);

    const approved = buildRequestNotice({ reference: 'WL-7K3M9Q', status: 'APPROVED', rtl: false }, en, 'adaptive');
    const approvedCard = approved.attachments?.[0].content as CardJson;
    expect(approvedCard.actions).toEqual([]);
    expect(approvedCard.body).toHaveLength(2);
  });

  it('carries an approval letter as link buttons in cards, link buttons on Skype and links in text', () => {
    const letter = {
      downloadUrl: 'https://bot.example/letters/WL-7K3M9Q?e=1&s=x',
      verifyUrl: 'https://bot.example/verify/WL-7K3M9Q?c=abc',
      expires: '4 Apr 2020, 10:00',
    };
    const hint = ur('letters:notice.linkHint', { expires: letter.expires, reference: 'WL-7K3M9Q' });
    const card = buildRequestNotice({ reference: 'WL-7K3M9Q', status: 'APPROVED', rtl: true, letter }, ur, 'adaptive').attachments?.[0]
      .content as CardJson & { actions: { url?: string }[] };
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: ur('letters:notice.download'), url: letter.downloadUrl },
      { type: 'Action.OpenUrl', title: ur('letters:notice.verify'), url: letter.verifyUrl },
    ]);
    expect(card.body.map((b) => b.text)).toContain(hint);

    const hero = JSON.stringify(
      buildRequestNotice({ reference: 'WL-7K3M9Q', status: 'APPROVED', rtl: false, letter }, en, 'hero').attachments?.[0].content,
    );
    expect(hero).toContain(`"type":"openUrl","title":"${en('letters:notice.download')}","value":"${letter.downloadUrl}"`);
    const text = buildRequestNotice({ reference: 'WL-7K3M9Q', status: 'APPROVED', rtl: false, letter }, en, 'text').text;
    expect(text).toContain(en('letters:notice.text', { url: letter.downloadUrl, verifyUrl: letter.verifyUrl, expires: letter.expires }));
  });

  it('renders a hero card whose Reply button sends the label on Skype, and plain text elsewhere', () => {
    const hero = buildRequestNotice({ reference: 'WL-7K3M9Q', status: 'INFO_REQUESTED', note: 'Which city?', rtl: false }, en, 'hero');
    expect(hero.attachments?.[0].contentType).toBe('application/vnd.microsoft.card.hero');
    expect(JSON.stringify(hero.attachments?.[0].content)).toContain(`"value":"${en('decisions:user.reply')}"`);

    const text = buildRequestNotice({ reference: 'WL-7K3M9Q', status: 'REJECTED', note: 'Incomplete', rtl: false }, en, 'text');
    expect(text.attachments ?? []).toEqual([]);
    expect(text.text).toBe(
      [
        en('decisions:user.headline', { reference: 'WL-7K3M9Q', status: en('decisions:status.REJECTED') }),
        en('decisions:user.body.REJECTED', { reference: 'WL-7K3M9Q' }),
        en('decisions:user.note', { note: 'Incomplete' }),
      ].join('\n'),
    );
  });
});

/**
 * A card is good once: over HTTP as Web Chat and Teams send card submits, an old card of a form already
 * filed or cancelled changes nothing; a repeat of an open request is asked about before filing; and
 * "status", "my requests" and "help" work at the summary and come back to it.
 */
import { startTestApp, TestUser, textOfAll, type Reply, type TestApp } from '../helpers/app';
import { createI18n } from '../../bot/i18n';
import { karachiToday } from '../../bot/domain/validators';

const t = createI18n().getFixedT('en');
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
}, 180_000);
afterAll(async () => {
  await app.close();
});

function daysFromToday(days: number): string {
  const date = new Date(`${karachiToday()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function referenceIn(replies: Reply[]): string {
  const match = /\b(WL|WFH)-[0-9A-Z]{6}\b/.exec(textOfAll(replies));
  if (!match) throw new Error(`no reference in: ${textOfAll(replies)}`);
  return match[0];
}

/** The data of the card action `action` in the replies. */
function cardActionData(replies: Reply[], action: string): Record<string, unknown> {
  for (const reply of replies) {
    for (const attachment of reply.attachments ?? []) {
      const actions = (attachment.content as { actions?: { data?: Record<string, unknown> }[] }).actions ?? [];
      const found = actions.find((a) => a.data?.action === action);
      if (found?.data) return found.data;
    }
  }
  throw new Error(`no card action ${action}`);
}

const whitelisting = (companyName = 'Indus Contact Solutions (Pvt) Ltd', ntn = '1234567-8') => ({
  companyName,
  psebRegistrationNo: '',
  ntn,
  contactName: 'Ayesha Malik',
  contactCnic: '42101-1234567-1',
  contactMobile: '0300-1234567',
  contactEmail: 'ayesha.malik@company.pk',
  city: 'karachi',
  cityOther: '',
  agentSeats: '120',
  ipAddresses: '39.45.12.7, 39.45.13.0/28',
});

const summaryTitle = t('intake:flow.summary.title', { title: t('requests:kinds.whitelisting') });

/** Opens the whitelisting form card and submits it; returns the form's submit data and the summary. */
async function formToSummary(user: TestUser, fields = whitelisting()): Promise<{ form: Record<string, unknown>; summary: Reply[] }> {
  const form = cardActionData(await user.say('whitelisting'), 'form');
  const summary = await user.submit({ ...form, ...fields });
  expect(textOfAll(summary)).toContain(summaryTitle);
  return { form, summary };
}

describe('an old card of an ended form', () => {
  for (const channel of ['webchat', 'msteams']) {
    it(`answers "already submitted as WL-…" and files nothing, on ${channel}`, async () => {
      const user = new TestUser(app.baseUrl, channel);
      const { form, summary } = await formToSummary(user);
      const reference = referenceIn(await user.submit(cardActionData(summary, 'submit')));
      // Scrolling up and pressing Submit on the form card again, then on the old summary.
      for (const old of [
        { ...form, ...whitelisting() },
        cardActionData(summary, 'submit'),
        cardActionData(summary, 'edit'),
        cardActionData(summary, 'cancel'),
      ]) {
        expect(textOfAll(await user.submit(old))).toBe(t('intake:flow.alreadySubmitted', { reference }));
      }
      expect(await app.db.prisma.request.count({ where: { userId: user.userId } })).toBe(1);
      // Nothing was opened by the old card: "my requests" is answered outside any form.
      expect(textOfAll(await user.say('my requests'))).toContain(reference);
    });
  }

  it('answers "this form was cancelled" for a card of a cancelled form, and keeps the current form where it was', async () => {
    const user = new TestUser(app.baseUrl, 'webchat');
    const { form, summary } = await formToSummary(user);
    await user.submit(cardActionData(summary, 'cancel'));
    expect(textOfAll(await user.say('yes'))).toBe(t('intake:flow.cancelled'));
    expect(textOfAll(await user.submit({ ...form, ...whitelisting() }))).toBe(t('intake:flow.formCancelled'));
    expect(textOfAll(await user.submit(cardActionData(summary, 'submit')))).toBe(t('intake:flow.formCancelled'));

    // With a new form open, the old card is answered and the current question asked again.
    await user.say('whitelisting');
    const replies = textOfAll(await user.submit(cardActionData(summary, 'submit')));
    expect(replies).toContain(t('intake:flow.formCancelled'));
    expect(replies).toContain(t('intake:fields.companyName.prompt'));
    expect(await app.db.prisma.request.count({ where: { userId: user.userId } })).toBe(0);
  });
});

describe('the summary takes lookups and help', () => {
  it('answers "status WL-…", "my requests" and "help" at the summary, shows the summary again, and still submits', async () => {
    const user = new TestUser(app.baseUrl, 'webchat');
    const { summary: firstSummary } = await formToSummary(user, whitelisting('Karachi Calls', '7654321-0'));
    const earlier = referenceIn(await user.submit(cardActionData(firstSummary, 'submit')));

    const { summary } = await formToSummary(user, whitelisting('Lahore Voice', '1111111-1'));
    const status = textOfAll(await user.say(`status ${earlier}`));
    expect(status).toContain(t('requests:status.current', { status: t('requests:statuses.SUBMITTED') }));
    expect(status).toContain(summaryTitle);
    expect(status).not.toContain(t('intake:flow.summary.unclear'));
    const mine = textOfAll(await user.say('my requests'));
    expect(mine).toContain(earlier);
    expect(mine).toContain(summaryTitle);
    const help = textOfAll(await user.say('help'));
    expect(help).toContain(t('intake:flow.summary.help'));
    const second = referenceIn(await user.submit(cardActionData(summary, 'submit')));
    expect(second).not.toBe(earlier);
    expect(await app.db.prisma.request.count({ where: { userId: user.userId } })).toBe(2);
  });

  it("still takes a bare WL- reference as the answer to the WFH form's whitelisting-reference question", async () => {
    const user = new TestUser(app.baseUrl, 'test');
    for (const answer of ['wfh', 'Indus Contact Solutions', '1234567-8', 'Ayesha Malik', '0300-1234567', 'a@company.pk'])
      await user.say(answer);
    const replies = textOfAll(await user.say('WL-7K3M9Q'));
    expect(replies).toContain(t('intake:fields.startDate.prompt'));
    expect(replies).not.toContain(t('requests:status.notFound', { reference: 'WL-7K3M9Q' }));
  });
});

describe('a repeat of an open request', () => {
  it('asks "you already filed WL-… — file another?" for the same company and NTN; no files nothing, yes files', async () => {
    const user = new TestUser(app.baseUrl, 'webchat');
    const first = await formToSummary(user);
    const reference = referenceIn(await user.submit(cardActionData(first.summary, 'submit')));

    // The same company written differently, the same NTN.
    const again = await formToSummary(user, whitelisting('indus contact solutions (pvt.) ltd.', '1234567-8'));
    const asked = textOfAll(await user.submit(cardActionData(again.summary, 'submit')));
    expect(asked).toContain(t('intake:flow.duplicate.ask', { reference, what: t('intake:flow.duplicate.whatWhitelisting') }));
    expect(textOfAll(await user.say('no'))).toBe(t('intake:flow.duplicate.notFiled', { reference }));
    expect(await app.db.prisma.request.count({ where: { userId: user.userId } })).toBe(1);

    const third = await formToSummary(user, whitelisting('Indus Contact Solutions (Pvt) Ltd', '1234567-8'));
    await user.submit(cardActionData(third.summary, 'submit'));
    expect(textOfAll(await user.say('status ' + reference))).toContain(reference);
    const filed = referenceIn(await user.say('yes'));
    expect(filed).not.toBe(reference);
    expect(await app.db.prisma.request.count({ where: { userId: user.userId } })).toBe(2);
  });

  it('does not ask when the earlier request is decided, or the NTN differs', async () => {
    const user = new TestUser(app.baseUrl, 'webchat');
    const first = await formToSummary(user);
    const reference = referenceIn(await user.submit(cardActionData(first.summary, 'submit')));
    const other = await formToSummary(user, whitelisting(undefined, '9999999-9'));
    expect(referenceIn(await user.submit(cardActionData(other.summary, 'submit')))).not.toBe(reference);
    await app.db.prisma.request.update({ where: { reference }, data: { status: 'REJECTED' } });
    const afterDecision = await formToSummary(user);
    expect(textOfAll(await user.submit(cardActionData(afterDecision.summary, 'submit')))).toContain(
      t('intake:flow.submitted', { title: t('requests:kinds.whitelisting'), reference: referenceIn(await user.say('my requests')) }),
    );
  });

  it('asks before filing a work-from-home request for agents already in an open one', async () => {
    const user = new TestUser(app.baseUrl, 'webchat');
    const wfh = (agents: string) => ({
      companyName: 'Indus Contact Solutions',
      ntn: '1234567-8',
      contactName: 'Ayesha Malik',
      contactMobile: '+92 300 1234567',
      contactEmail: 'ayesha@company.pk',
      whitelistingReference: '',
      startDate: daysFromToday(1),
      endDate: daysFromToday(30),
      agents,
    });
    const file = async (agents: string) => {
      const form = cardActionData(await user.say('wfh'), 'form');
      const summary = await user.submit({ ...form, ...wfh(agents) });
      return user.submit(cardActionData(summary, 'submit'));
    };
    const reference = referenceIn(await file('Bilal Ahmed, 42101-1234567-1, Karachi, PTCL, 39.45.12.7'));
    const asked = textOfAll(
      await file('Sara Khan, 42101-7654321-2, Lahore, Nayatel, dynamic\nBilal Ahmed, 42101-1234567-1, Karachi, PTCL, 39.45.12.7'),
    );
    expect(asked).toContain(t('intake:flow.duplicate.ask', { reference, what: t('intake:flow.duplicate.whatWfh') }));
    expect(textOfAll(await user.say('no'))).toContain(t('intake:flow.duplicate.notFiled', { reference }));
    expect(referenceIn(await file('Sara Khan, 42101-7654321-2, Lahore, Nayatel, dynamic'))).not.toBe(reference);
    expect(await app.db.prisma.request.count({ where: { userId: user.userId } })).toBe(2);
  });
});

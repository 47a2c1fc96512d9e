/**
 * Over HTTP with expectReplies, the way a channel talks to the bot: file each kind, look up its
 * status, and make sure repeats (the same activity, the same submit card) never file twice.
 */
import { randomUUID } from 'node:crypto';
import { startTestApp, TestUser, textOfAll, type Reply, type TestApp } from '../helpers/app';
import { createI18n } from '../../bot/i18n';
import { daysFromToday, walkWfhToAgents } from './wfhWalk';

const t = createI18n().getFixedT('en');
const ur = createI18n().getFixedT('ur');
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

function referenceIn(replies: Reply[]): string {
  const match = /\b(WL|WFH)-[0-9A-Z]{6}\b/.exec(textOfAll(replies));
  if (!match) throw new Error(`no reference in: ${textOfAll(replies)}`);
  return match[0];
}

/** The data of the first Action.Submit of the first Adaptive Card in the replies. */
function cardActionData(replies: Reply[], action: string): Record<string, unknown> {
  for (const reply of replies) {
    for (const attachment of reply.attachments ?? []) {
      if (attachment.contentType !== 'application/vnd.microsoft.card.adaptive') continue;
      const actions = (attachment.content.actions ?? []) as { data?: Record<string, unknown> }[];
      const found = actions.find((a) => a.data?.action === action);
      if (found?.data) return found.data;
    }
  }
  throw new Error(`no card action ${action}`);
}

const whitelistingAnswers = [
  'Indus Contact Solutions (Pvt) Ltd',
  'skip',
  '1234567-8',
  'Ayesha Malik',
  '42101-1234567-1',
  '0300-1234567',
  'ayesha.malik@company.pk',
  'Karachi',
  '120',
  '39.45.12.7, 39.45.13.0/28',
];

describe('filing requests over HTTP', () => {
  it('files a whitelisting request step by step and shows its status only to its owner', async () => {
    const user = new TestUser(app.baseUrl, 'test');
    expect(textOfAll(await user.say('whitelisting'))).toContain(t('intake:fields.companyName.prompt'));
    let replies: Reply[] = [];
    for (const answer of whitelistingAnswers) replies = await user.say(answer);
    expect(textOfAll(replies)).toContain(t('intake:flow.summary.title', { title: t('requests:kinds.whitelisting') }));
    replies = await user.say('1');
    const reference = referenceIn(replies);
    expect(reference).toMatch(/^WL-/);
    expect(textOfAll(replies)).toContain(t('intake:flow.submitted', { title: t('requests:kinds.whitelisting'), reference }));

    const status = textOfAll(await user.say(`status ${reference.toLowerCase()}`));
    expect(status).toContain(t('requests:status.current', { status: t('requests:statuses.SUBMITTED') }));
    expect(status).toContain(reference);
    expect(textOfAll(await user.say(reference))).toContain(reference);

    const stranger = new TestUser(app.baseUrl, 'test');
    const theirs = textOfAll(await stranger.say(`status ${reference}`));
    const unknown = textOfAll(await stranger.say('status WL-ZZZZZZ'));
    expect(theirs).toBe(t('requests:status.notFound', { reference }));
    expect(unknown).toBe(t('requests:status.notFound', { reference: 'WL-ZZZZZZ' }));

    const mine = textOfAll(await user.say('my requests'));
    expect(mine).toContain(reference);
  });

  it('files a work-from-home request through the one-card form on Web Chat, once however often Submit is pressed', async () => {
    const user = new TestUser(app.baseUrl, 'webchat');
    const start = await user.say('wfh');
    const form = cardActionData(start, 'form');
    const fields = {
      companyName: 'Indus Contact Solutions',
      ntn: '1234567-8',
      contactName: 'Ayesha Malik',
      contactMobile: '+92 300 1234567',
      contactEmail: 'ayesha@company.pk',
      whitelistingReference: '',
      startDate: daysFromToday(1),
      endDate: daysFromToday(30),
      agents: 'Bilal Ahmed, 42101-1234567-1, Karachi, PTCL, 39.45.12.7\nSara Khan, 42101-7654321-2, Lahore, Nayatel, dynamic',
    };
    const summary = await user.submit({ ...form, ...fields });
    const submit = cardActionData(summary, 'submit');
    expect(submit.draftId).toBe(form.draftId);

    const first = await user.submit(submit);
    const reference = referenceIn(first);
    expect(reference).toMatch(/^WFH-/);
    const again = await user.submit(submit);
    expect(textOfAll(again)).toBe(t('intake:flow.alreadySubmitted', { reference }));
    const rows = await app.db.prisma.request.findMany({ where: { userId: user.userId }, include: { agents: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0].agents.map((a) => a.ipAddress)).toEqual(['39.45.12.7', 'dynamic']);

    const status = textOfAll(await user.say(`status ${reference}`));
    expect(status).toContain(t('requests:statuses.SUBMITTED'));
  });

  it('creates one request when the channel sends the same submit activity twice', async () => {
    const user = new TestUser(app.baseUrl, 'test');
    await user.say('whitelisting');
    for (const answer of whitelistingAnswers) await user.say(answer);
    const activity = { id: randomUUID(), type: 'message', text: '1' };
    const first = await user.send(activity);
    const reference = referenceIn(first);
    await user.send(activity);
    expect(await app.db.prisma.request.count({ where: { userId: user.userId } })).toBe(1);
    expect(reference).toMatch(/^WL-/);
  });

  it('re-asks the open question in Urdu after the user switches language mid-form', async () => {
    const user = new TestUser(app.baseUrl, 'test');
    await user.say('whitelisting');
    await user.say('Indus Contact Solutions');
    const replies = textOfAll(await user.say('اردو'));
    expect(replies).toContain(ur('intake:fields.psebRegistrationNo.prompt'));
  });

  it('takes a CSV attached without any text while the form waits for agents', async () => {
    const user = new TestUser(app.baseUrl, 'test');
    expect(await walkWfhToAgents(async (text) => textOfAll(await user.say(text)))).toContain(t('intake:fields.agents.prompt'));
    const csv = 'Bilal Ahmed,42101-1234567-1,Karachi,PTCL,39.45.12.7\n';
    const replies = await user.send({
      type: 'message',
      attachments: [
        { contentType: 'text/csv', name: 'agents.csv', contentUrl: `data:text/csv;base64,${Buffer.from(csv).toString('base64')}` },
      ],
    });
    expect(textOfAll(replies)).toContain(t('intake:flow.agents.added', { added: 1, total: 1 }));
  });
});

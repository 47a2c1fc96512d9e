/**
 * The reply language over HTTP, through the whole bot: a Roman Urdu user is answered in Roman Urdu
 * from the menu to the reference and the status; an English form answered with Roman Urdu short
 * replies stays English at every prompt (bot/language.ts states the rule).
 */
import { startTestApp, TestUser, textOfAll, type Reply, type TestApp } from '../helpers/app';
import { createI18n } from '../../bot/i18n';

const i18n = createI18n();
const en = i18n.getFixedT('en');
const roman = i18n.getFixedT('ur-Latn');
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

/** Adaptive Cards among the replies. */
function cards(replies: Reply[]): Record<string, unknown>[] {
  return replies
    .flatMap((r) => r.attachments ?? [])
    .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
    .map((a) => a.content);
}

describe('an English whitelisting form answered with Roman Urdu short replies', () => {
  // Each reply and the English text expected after it; re-prompts are refusals the form explains in English.
  const walk: [answer: string, key: string, vars?: Record<string, unknown>][] = [
    ['whitelisting', 'intake:fields.companyName.prompt'],
    ['Indus Contact Solutions', 'intake:fields.psebRegistrationNo.prompt'],
    ['nahi hai ji', 'intake:errors.psebRegistrationNo.format'],
    ['skip', 'intake:fields.ntn.prompt'],
    ['pata nahi', 'intake:errors.ntn.format'],
    ['1234567-8', 'intake:fields.contactName.prompt'],
    ['Ayesha Malik', 'intake:fields.contactCnic.prompt'],
    ['abhi nahi pata', 'intake:errors.cnic.format'],
    ['42101-1234567-1', 'intake:fields.contactMobile.prompt'],
    ['0300-1234567', 'intake:fields.contactEmail.prompt'],
    ['ji email nahi hai', 'intake:errors.email.format'],
    ['ayesha.malik@company.pk', 'intake:fields.city.prompt'],
    ['Karachi', 'intake:fields.agentSeats.prompt'],
    ['kal se', 'intake:errors.agentSeats.format'],
    ['haan', 'intake:errors.agentSeats.format'],
    ['120', 'intake:fields.ipAddresses.prompt'],
    ['theek hai', 'intake:errors.ip.format', { value: 'theek' }],
    ['39.45.12.7', 'intake:flow.summary.textOptions'],
    ['theek hai', 'intake:flow.submitted', { title: en('requests:kinds.whitelisting'), reference: '{{reference}}' }],
  ];

  it('asks every prompt, refusal and the confirmation in English', async () => {
    const user = new TestUser(app.baseUrl, 'test', undefined, undefined, undefined, 'en-US');
    for (const [answer, key, vars] of walk) {
      const replies = await user.say(answer);
      const text = textOfAll(replies);
      const values = key === 'intake:flow.submitted' ? { ...vars, reference: referenceIn(replies) } : vars;
      expect({ answer, text }).toEqual({ answer, text: expect.stringContaining(en(key, values)) });
      expect(text).not.toContain(roman(key, values));
    }
    const [row] = await app.db.prisma.request.findMany({ where: { userId: user.userId } });
    expect(row.language).toBe('en');
    expect(textOfAll(await user.say('menu'))).toContain(en('common:menu.title'));
  });
});

describe('a Roman Urdu user', () => {
  it('says "Roman Urdu", files a whitelisting request and reads its status, all in Roman Urdu', async () => {
    const user = new TestUser(app.baseUrl, 'test', undefined, undefined, undefined, 'en-US');
    const switched = textOfAll(await user.say('Roman Urdu'));
    expect(switched).toContain(roman('common:language.switched'));
    expect(switched).toContain(roman('common:menu.title'));

    const start = textOfAll(await user.say('whitelisting'));
    expect(start).toContain(roman('intake:flow.start', { title: roman('requests:kinds.whitelisting') }));
    expect(start).toContain(roman('intake:fields.companyName.prompt'));
    const answers: [string, string][] = [
      ['Indus Contact Solutions', 'intake:fields.psebRegistrationNo.prompt'],
      ['skip', 'intake:fields.ntn.prompt'],
      ['pata nahi', 'intake:errors.ntn.format'],
      ['1234567-8', 'intake:fields.contactName.prompt'],
      ['Ayesha Malik', 'intake:fields.contactCnic.prompt'],
      ['42101-1234567-1', 'intake:fields.contactMobile.prompt'],
      ['0300-1234567', 'intake:fields.contactEmail.prompt'],
      ['ayesha.malik@company.pk', 'intake:fields.city.prompt'],
      ['Karachi', 'intake:fields.agentSeats.prompt'],
      ['120', 'intake:fields.ipAddresses.prompt'],
    ];
    for (const [answer, key] of answers) expect(textOfAll(await user.say(answer))).toContain(roman(key));

    const summary = textOfAll(await user.say('39.45.12.7'));
    expect(summary).toContain(roman('intake:flow.summary.title', { title: roman('requests:kinds.whitelisting') }));
    expect(summary).toContain(`${roman('intake:fields.city.label')}: ${roman('intake:cities.karachi')}`);
    expect(summary).toContain(`${roman('intake:fields.psebRegistrationNo.label')}: ${roman('intake:flow.summary.skipped')}`);
    expect(summary).toContain(roman('intake:flow.summary.textOptions'));

    const filed = await user.say('theek hai');
    const reference = referenceIn(filed);
    expect(textOfAll(filed)).toBe(roman('intake:flow.submitted', { title: roman('requests:kinds.whitelisting'), reference }));
    const [row] = await app.db.prisma.request.findMany({ where: { userId: user.userId } });
    expect(row.language).toBe('ur-Latn');

    const status = textOfAll(await user.say(`status ${reference}`));
    expect(status).toContain(roman('requests:status.current', { status: roman('requests:statuses.SUBMITTED') }));
    expect(status).toContain(roman('requests:status.history'));
  });

  it('who writes Roman Urdu is answered in Roman Urdu from then on, without a switch word', async () => {
    const user = new TestUser(app.baseUrl, 'test', undefined, undefined, undefined, 'en-US');
    await user.say('mujhe apni company ke liye kuch maloomat chahiye');
    expect(textOfAll(await user.say('whitelisting'))).toContain(roman('intake:fields.companyName.prompt'));
  });

  it('switches back with "English" in the middle of a form and gets the open question again in English', async () => {
    const user = new TestUser(app.baseUrl, 'test', undefined, undefined, undefined, 'en-US');
    await user.say('roman');
    await user.say('whitelisting');
    const replies = textOfAll(await user.say('English'));
    expect(replies).toContain(en('common:language.switched'));
    expect(replies).toContain(en('intake:fields.companyName.prompt'));
  });

  it('gets left-to-right cards in Roman Urdu and right-to-left cards in Urdu script on Web Chat', async () => {
    const romanUser = new TestUser(app.baseUrl, 'webchat');
    const romanMenu = cards(await romanUser.say('Roman Urdu'));
    expect(romanMenu.length).toBeGreaterThan(0);
    expect(romanMenu.every((c) => c.rtl !== true)).toBe(true);
    expect(JSON.stringify(romanMenu)).toContain(roman('common:menu.items.whitelisting'));

    const urduUser = new TestUser(app.baseUrl, 'webchat');
    const urduMenu = cards(await urduUser.say('اردو'));
    expect(urduMenu.length).toBeGreaterThan(0);
    expect(urduMenu.every((c) => c.rtl === true)).toBe(true);
  });
});

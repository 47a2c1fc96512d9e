/**
 * Free text routed through the whole bot: a question about applying gets the FAQ answer with a button
 * that starts the form; asking to apply starts it; a reference with a status word anywhere gets that
 * request's status (owner only); asking for a person inside a long message starts the hand-off.
 */
import { startTestApp, TestUser, textOfAll, type TestApp, type Reply } from '../../helpers/app';
import { createI18n } from '../../../bot/i18n';
import { Verbs } from '../../../cards/verbs';

const i18n = createI18n();
const en = i18n.getFixedT('en');
const ur = i18n.getFixedT('ur');
const urLatn = i18n.getFixedT('ur-Latn');

interface CardAction {
  type: string;
  title: string;
  data?: Record<string, unknown>;
}

function actionsOf(replies: Reply[]): CardAction[] {
  const card = replies.flatMap((r) => r.attachments ?? []).find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
    ?.content as { actions?: CardAction[] } | undefined;
  return card?.actions ?? [];
}

describe('routing free text', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ BUSINESS_HOURS: 'always' });
  });
  afterAll(async () => t.close());

  it('answers "how do I apply for whitelisting?" from the FAQ with a button whose click starts the form', async () => {
    const user = new TestUser(t.baseUrl, 'webchat');
    const replies = await user.say('how do I apply for whitelisting?');
    const start = actionsOf(replies).find((a) => a.data?.verb === Verbs.intakeSubmit);
    expect(start).toEqual({
      type: 'Action.Submit',
      title: en('intake:flow.startButton', { title: en('requests:kinds.whitelisting') }),
      style: 'positive',
      data: { verb: Verbs.intakeSubmit, action: 'steps', kind: 'whitelisting' },
    });
    expect(
      actionsOf(replies)
        .filter((a) => a.data?.verb === Verbs.faqPick)
        .every((a) => typeof a.data?.choice === 'string'),
    ).toBe(true);
    const started = textOfAll(await user.submit(start!.data!));
    expect(started).toContain(en('intake:flow.start', { title: en('requests:kinds.whitelisting') }));
  });

  it('tells a text-only channel how to start the form after the answer, and that text starts it', async () => {
    const user = new TestUser(t.baseUrl, 'test');
    const answer = textOfAll(await user.say('how do I apply for whitelisting?'));
    const title = en('intake:flow.startButton', { title: en('requests:kinds.whitelisting') });
    expect(answer).toContain(en('intake:flow.startHint', { title }));
    expect(textOfAll(await user.say(title))).toContain(en('intake:flow.start', { title: en('requests:kinds.whitelisting') }));
  });

  it.each([
    ['we need permission to keep the office open, please start the application', 'whitelisting'],
    ['وائٹ لسٹنگ کی درخواست دینی ہے', 'whitelisting'],
    ['hamein WFH ki request deni hai', 'wfh'],
    ['kaam ghar se karne ki darkhwast deni hai', 'wfh'],
  ] as const)('starts the form for %j', async (text, kind) => {
    const replies = textOfAll(await new TestUser(t.baseUrl, 'test').say(text));
    const started = [en, ur, urLatn].some((tr) => replies.includes(tr('intake:flow.start', { title: tr(`requests:kinds.${kind}`) })));
    expect(started).toBe(true);
  });

  it('answers "sir WL-7K2M9Q ka kya bana?" with that reference\'s status, which a stranger cannot see', async () => {
    const replies = textOfAll(await new TestUser(t.baseUrl, 'test').say('sir WL-7K2M9Q ka kya bana?'));
    expect([en, ur, urLatn].some((tr) => replies.includes(tr('requests:status.notFound', { reference: 'WL-7K2M9Q' })))).toBe(true);
  });

  it('lists the user\'s requests for "meri requests" and "میری درخواستیں"', async () => {
    for (const text of ['meri requests', 'میری درخواستیں']) {
      const replies = textOfAll(await new TestUser(t.baseUrl, 'test').say(text));
      expect([en, ur, urLatn].some((tr) => replies.includes(tr('requests:mine.none')))).toBe(true);
    }
  });

  it('starts the hand-off when a long message asks for a person in the middle', async () => {
    const user = new TestUser(t.baseUrl, 'test');
    await user.say(
      'I have tried everything and your answers do not help with our case, can I speak to someone at PSEB please? Our office in Lahore is closed since Monday.',
    );
    expect(await t.db.prisma.handoff.count({ where: { userConversationId: user.conversationId } })).toBe(1);
  });
});

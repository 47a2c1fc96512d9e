/** Out of business hours: the helpline and a callback offer instead of a queue. */
import { textOfAll } from '../../helpers/app';
import { en, startHarness, type Harness } from './harness';

describe('out of business hours', () => {
  let h: Harness;
  beforeAll(async () => {
    // A one-day window two days from today (Karachi) is closed now, whatever day the suite runs.
    const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    const today = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Karachi', weekday: 'short' }).format(new Date());
    const closedDay = days[(days.indexOf(today) + 2) % 7];
    h = await startHarness({ BUSINESS_HOURS: `${closedDay} 09:00-17:00` });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('offers the helpline and a callback instead of a queue; "cancel" declines', async () => {
    const user = h.user('webchat');
    const created = h.connector.created.length;
    const replies = await user.say('talk to a person');
    expect(textOfAll(replies)).toContain(en('handoff:user.outOfHours', { hours: h.test.config.BUSINESS_HOURS }));
    expect(await h.test.db.prisma.handoff.count({ where: { userConversationId: user.conversationId } })).toBe(0);
    expect(h.connector.created.length).toBe(created);

    const declined = await user.say('cancel');
    expect(textOfAll(declined)).toContain(en('handoff:user.callbackDeclined'));
    expect(textOfAll(declined)).toContain(en('common:menu.title'));
    expect(await h.test.db.prisma.callbackTicket.count({ where: { conversationId: user.conversationId } })).toBe(0);
  });

  it('keeps a message left out of hours as a callback ticket for the console', async () => {
    const user = h.user('webchat');
    await user.say('agent');
    const left = await user.say('Please call me about our WFH request tomorrow');
    expect(textOfAll(left)).toContain(en('handoff:user.callbackSaved'));
    const ticket = await h.test.db.prisma.callbackTicket.findFirstOrThrow({ where: { conversationId: user.conversationId } });
    expect(ticket).toMatchObject({ handoffId: null, message: 'Please call me about our WFH request tomorrow', status: 'open' });
  });
});

/** Waiting too long: the sweeper (driven with a fake clock), several instances at once, and the callback offer. */
import { textOfAll } from '../../helpers/app';
import { en, plainTextsSentTo, startHarness, ur, type Harness } from './harness';
import { createI18n } from '../../../bot/i18n';

const roman = createI18n().getFixedT('ur-Latn');

const minutes = (n: number) => n * 60_000;

describe('a hand-off nobody claims', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ HANDOFF_SLA_MINUTES: '5', HANDOFF_GIVEUP_MINUTES: '30' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('reminds the channel and the user once after the SLA, even with two instances sweeping at once', async () => {
    const user = h.user('webchat');
    await user.say('agent');
    const handoff = await h.handoffOf(user.conversationId);
    const at = (offset: number) => new Date(handoff.createdAt.getTime() + offset);

    const early = await h.featureWithClock(() => at(minutes(4))).sweeper.sweep();
    expect(early.reminded).toBe(0);

    const [a, b] = await Promise.all([
      h.featureWithClock(() => at(minutes(6))).sweeper.sweep(),
      h.featureWithClock(() => at(minutes(6))).sweeper.sweep(),
    ]);
    expect(a.reminded + b.reminded).toBe(1);
    expect(plainTextsSentTo(h.connector, handoff.threadConversationId!)).toContain(en('handoff:agent.slaReminder', { minutes: 5 }));
    const toUser = plainTextsSentTo(h.connector, user.conversationId).filter((t) => t.includes('0800 03030'));
    expect(toUser).toEqual([en('handoff:user.slaReminder', { position: 1 })]);
    expect((await h.handoffOf(user.conversationId)).slaNotifiedAt).not.toBeNull();

    const again = await h.featureWithClock(() => at(minutes(7))).sweeper.sweep();
    expect(again.reminded).toBe(0);
  });

  it('lets exactly one of ten simultaneous claims on the same row win in the database', async () => {
    const user = h.user('webchat');
    await user.say('agent');
    const { id } = await h.handoffOf(user.conversationId);
    const store = h.featureWithClock(() => new Date()).store;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => store.claim(id, { aadObjectId: `aad-${i}`, name: `Agent ${i}` }, new Date())),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const row = await h.handoffOf(user.conversationId);
    expect(row.agentAadId).toBe(`aad-${results.indexOf(true)}`);
    await user.say('end chat');
  });

  it("gives up after HANDOFF_GIVEUP_MINUTES and turns the user's next message into a callback ticket", async () => {
    const user = h.user('skype', 'ur-PK');
    await user.say('کسی نمائندے سے بات');
    const handoff = await h.handoffOf(user.conversationId);
    expect(handoff.language).toBe('ur');

    const result = await h.featureWithClock(() => new Date(handoff.createdAt.getTime() + minutes(31))).sweeper.sweep();
    expect(result.gaveUp).toBeGreaterThanOrEqual(1);
    const row = await h.handoffOf(user.conversationId);
    expect(row).toMatchObject({ status: 'CLOSED', closedBy: 'timeout' });
    expect(row.gaveUpAt).not.toBeNull();
    expect(plainTextsSentTo(h.connector, user.conversationId)).toContain(ur('handoff:user.gaveUp'));
    expect(plainTextsSentTo(h.connector, row.threadConversationId!)).toContain(en('handoff:agent.gaveUp', { minutes: 30 }));

    const left = await user.say('براہ کرم مجھے 0300-1234567 پر کال کریں');
    expect(textOfAll(left)).toContain(ur('handoff:user.callbackSaved'));
    const ticket = await h.test.db.prisma.callbackTicket.findFirstOrThrow({ where: { conversationId: user.conversationId } });
    expect(ticket).toMatchObject({ handoffId: handoff.id, status: 'open', language: 'ur', channelId: 'skype' });
    expect(ticket.message).toContain('0300-1234567');
    expect(h.test.logs.join('\n')).not.toContain('1234567');

    // The offer is used up: the next message is the bot's again, not a second ticket.
    await user.say('menu');
    expect(await h.test.db.prisma.callbackTicket.count({ where: { conversationId: user.conversationId } })).toBe(1);
  });

  it('speaks Roman Urdu to a user who asked in Roman Urdu: the give-up notice and the callback', async () => {
    const user = h.user('webchat');
    await user.say('mujhe kisi insaan se baat karni hai');
    const handoff = await h.handoffOf(user.conversationId);
    expect(handoff.language).toBe('ur-Latn');

    await h.featureWithClock(() => new Date(handoff.createdAt.getTime() + minutes(31))).sweeper.sweep();
    expect(plainTextsSentTo(h.connector, user.conversationId)).toContain(roman('handoff:user.gaveUp'));
    const left = await user.say('mujhe 0300-1234567 par call kar dein');
    expect(textOfAll(left)).toContain(roman('handoff:user.callbackSaved'));
    const ticket = await h.test.db.prisma.callbackTicket.findFirstOrThrow({ where: { conversationId: user.conversationId } });
    expect(ticket.language).toBe('ur-Latn');
  });
});

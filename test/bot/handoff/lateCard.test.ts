/** A hand-off asked for before the bot knew its support channel gets its card once the channel is known. */
import { randomUUID } from 'node:crypto';
import { textOfAll, TestUser } from '../../helpers/app';
import { en, staff, channelId, TeamsMember, startHarness, type Harness } from './harness';
import { Verbs } from '../../../cards/verbs';

describe('a hand-off queued before the support channel is known', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    // Forget the installation the harness performed: the bot does not know its channel yet.
    await h.test.db.prisma.botSetting.deleteMany({ where: { key: 'support.channel' } });
  });
  afterAll(async () => h?.close());

  it('queues without a card, then posts the card exactly once when the channel becomes known', async () => {
    const user = new TestUser(h.test.baseUrl, 'webchat', `user-${randomUUID()}`, undefined, h.connector.serviceUrl);
    expect(textOfAll(await user.say('talk to a person'))).toContain(en('handoff:user.queued', { position: 1 }));
    const queued = await h.handoffOf(user.conversationId);
    expect(queued.threadConversationId).toBeNull();
    const createdBefore = h.connector.created.length;

    // Nothing to post to yet: a sweep leaves the row for later.
    expect((await h.featureWithClock(() => new Date()).sweeper.sweep()).posted).toBe(0);
    expect((await h.handoffOf(user.conversationId)).threadConversationId).toBeNull();

    // The bot is installed in the support channel; two instances sweep at the same moment.
    await new TeamsMember(h.test.baseUrl, h.connector.serviceUrl, staff[0]).send(channelId, {
      type: 'conversationUpdate',
      membersAdded: [{ id: 'pseb-bot' }],
    });
    const [a, b] = await Promise.all([
      h.featureWithClock(() => new Date()).sweeper.sweep(),
      h.featureWithClock(() => new Date()).sweeper.sweep(),
    ]);
    expect(a.posted + b.posted).toBe(1);
    expect(h.connector.created.length).toBe(createdBefore + 1);

    // The late card works like any other: staff can claim from it.
    const posted = await h.handoffOf(user.conversationId);
    expect(posted.threadConversationId).toMatch(/^conv-/);
    const claimed = await h.member(staff[1]).click(posted.threadConversationId!, { verb: Verbs.handoffClaim, handoffId: posted.id });
    expect(textOfAll(claimed)).toContain(en('handoff:agent.claimed', { agent: staff[1].name }));
  });
});

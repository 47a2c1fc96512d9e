/** The whole hand-off, end to end: a Web Chat user, agents in the Teams support channel, the loopback connector. */
import { textOf, textOfAll } from '../../helpers/app';
import { en, outsider, plainTextsSentTo, staff, startHarness, channelId, type Harness } from './harness';
import { Verbs } from '../../../cards/verbs';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

/** The thread the card for a user's hand-off was posted in, and the card's activity id. */
async function threadOf(conversationId: string) {
  const handoff = await h.handoffOf(conversationId);
  if (!handoff.threadConversationId || !handoff.cardActivityId) throw new Error('no thread recorded');
  return { handoff, threadId: handoff.threadConversationId, cardId: handoff.cardActivityId };
}

/** The latest version of the card (created, then updated in place). */
function latestCard(threadId: string, cardId: string): string {
  const updates = h.connector.calls.filter(
    (c) => c.method === 'PUT' && c.conversationId === threadId && c.activityId === cardId && c.body.failedWith === undefined,
  );
  const body = updates.length
    ? updates[updates.length - 1].body
    : h.connector.created.find((c) => c.body.activity && JSON.stringify(c.body).includes(threadId))?.body;
  return JSON.stringify(body ?? {});
}

describe('hand-off to a person in Teams', () => {
  it('learns the support channel from the installation and keeps it in BotSetting', async () => {
    const row = await h.test.db.prisma.botSetting.findUnique({ where: { key: 'support.channel' } });
    expect(row?.value).toMatchObject({ channelId, reference: { serviceUrl: h.connector.serviceUrl } });
  });

  it('queues the user, posts a masked card in a new thread, lets staff claim, relays both ways and ends cleanly', async () => {
    const user = h.user('webchat');
    await user.say('My CNIC is 35202-1234567-1, how do I apply for whitelisting of my call centre?');
    const queued = await user.say('I want to talk to a person');
    expect(textOfAll(queued)).toContain(en('handoff:user.queued', { position: 1 }));

    // A new thread in the support channel, carrying the card.
    const created = h.connector.created.find(
      (c) => JSON.stringify(c.body).includes(user.conversationId) || JSON.stringify(c.body).includes('Test User'),
    );
    expect(created?.body).toMatchObject({ isGroup: true, channelData: { channel: { id: channelId } } });
    const { handoff, threadId, cardId } = await threadOf(user.conversationId);
    expect(handoff.status).toBe('WAITING');
    const card = JSON.stringify(created?.body);
    expect(card).toContain(en('handoff:card.claim'));
    expect(card).toContain(Verbs.handoffClaim);
    expect(card).toContain(handoff.id);
    expect(card).toContain('webchat');
    expect(card).toContain('35202-*******-1');
    expect(card).not.toContain('35202-1234567-1');

    // The first staff member claims; the card changes in place and the user is told who joined.
    const claimed = await h.member(staff[0]).click(threadId, { verb: Verbs.handoffClaim, handoffId: handoff.id });
    expect(textOfAll(claimed)).toContain(en('handoff:agent.claimed', { agent: staff[0].name }));
    expect(latestCard(threadId, cardId)).toContain(en('handoff:card.status.active', { agent: staff[0].name }));
    expect(plainTextsSentTo(h.connector, user.conversationId)).toContain(en('handoff:user.joined', { agent: staff[0].name }));

    // A later click is told who has it.
    const late = await h.member(staff[1]).click(threadId, { verb: Verbs.handoffClaim, handoffId: handoff.id });
    expect(textOfAll(late)).toContain(en('handoff:agent.alreadyTaken', { agent: staff[0].name }));

    // Agent → user, with the @mention stripped.
    await h.member(staff[0]).write(threadId, 'Hello, I can help with whitelisting.');
    expect(plainTextsSentTo(h.connector, user.conversationId)).toContain(
      en('handoff:user.agentSays', { agent: staff[0].name, text: 'Hello, I can help with whitelisting.' }),
    );

    // User → thread; the bot itself stays silent.
    const relayed = await user.say('Thanks! What documents do I need?');
    expect(relayed).toEqual([]);
    expect(plainTextsSentTo(h.connector, threadId)).toContain(
      en('handoff:agent.userSays', { user: 'Test User', text: 'Thanks! What documents do I need?' }),
    );

    // An old menu button clicked mid-chat gets a system notice, not the bot's menu flow.
    expect((await user.submit({ verb: Verbs.menuSelect, choice: 'status' })).map(textOf)).toEqual([en('handoff:user.textOnly')]);

    // The user ends it: both sides told, the menu is back, and the next message is the bot's again.
    const ended = await user.say('end chat');
    expect(textOfAll(ended)).toContain(en('handoff:user.endedByUser'));
    expect(textOfAll(ended)).toContain(en('common:menu.title'));
    expect(plainTextsSentTo(h.connector, threadId)).toContain(en('handoff:agent.endedByUser'));
    expect(latestCard(threadId, cardId)).toContain(en('handoff:card.status.endedByUser'));
    expect((await h.handoffOf(user.conversationId)).status).toBe('CLOSED');
    const after = await user.say('menu');
    expect(textOfAll(after)).toContain(en('common:menu.title'));
  });

  it('keeps /note private: stored as a private line, never sent to the user', async () => {
    const user = h.user('skype');
    await user.say('agent');
    const { handoff, threadId } = await threadOf(user.conversationId);
    await h.member(staff[1]).click(threadId, { verb: Verbs.handoffClaim, handoffId: handoff.id });
    const before = h.connector.sentTo(user.conversationId).length;

    const saved = await h.member(staff[1]).write(threadId, '/note caller sounds worried about the deadline');
    expect(textOfAll(saved)).toContain(en('handoff:agent.noteSaved'));
    expect(h.connector.sentTo(user.conversationId)).toHaveLength(before);
    const notes = await h.test.db.prisma.transcriptMessage.findMany({ where: { text: { contains: 'worried about the deadline' } } });
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((n) => n.private)).toBe(true);
    expect(notes.some((n) => n.conversationId === user.conversationId)).toBe(true);

    await h.member(staff[1]).write(threadId, '/end');
    expect(plainTextsSentTo(h.connector, user.conversationId).join('\n')).toContain(
      en('handoff:user.endedByAgent', { agent: staff[1].name }),
    );
    expect(await h.handoffOf(user.conversationId)).toMatchObject({ closedBy: 'agent', closedByAadId: staff[1].aadObjectId });
  });

  it('gives the claim to exactly one of two staff members clicking at the same moment', async () => {
    const user = h.user('webchat');
    await user.say('human');
    const { handoff, threadId } = await threadOf(user.conversationId);
    const [a, b] = await Promise.all([
      h.member(staff[0]).click(threadId, { verb: Verbs.handoffClaim, handoffId: handoff.id }),
      h.member(staff[1]).click(threadId, { verb: Verbs.handoffClaim, handoffId: handoff.id }),
    ]);
    const answers = [textOfAll(a), textOfAll(b)];
    const winners = answers.filter(
      (text) =>
        text.includes(en('handoff:agent.claimed', { agent: staff[0].name })) ||
        text.includes(en('handoff:agent.claimed', { agent: staff[1].name })),
    );
    expect(winners).toHaveLength(1);
    const row = await h.handoffOf(user.conversationId);
    expect(row.status).toBe('ACTIVE');
    expect(answers.join('\n')).toContain(en('handoff:agent.alreadyTaken', { agent: row.agentName }));
    expect(plainTextsSentTo(h.connector, user.conversationId).filter((t) => t.startsWith(row.agentName ?? '?'))).toHaveLength(1);
    // The winner clicking again is told it is theirs, not that someone else has it.
    const winner = staff.find((s) => s.aadObjectId === row.agentAadId)!;
    const again = await h.member(winner).click(threadId, { verb: Verbs.handoffClaim, handoffId: handoff.id });
    expect(textOfAll(again)).toContain(en('handoff:agent.claimed', { agent: winner.name }));
    await user.say('bot');
  });

  it('refuses a claim from someone who is not staff and changes nothing', async () => {
    const user = h.user('webchat');
    await user.say('talk to a person');
    const { handoff, threadId } = await threadOf(user.conversationId);
    const refused = await h.member(outsider).click(threadId, { verb: Verbs.handoffClaim, handoffId: handoff.id });
    expect(textOfAll(refused)).toContain(en('handoff:agent.notStaff'));
    const row = await h.handoffOf(user.conversationId);
    expect(row).toMatchObject({ status: 'WAITING', agentAadId: null });
    const typed = await h.member(outsider).write(threadId, 'hi there');
    expect(textOfAll(typed)).toContain(en('handoff:agent.notStaff'));
    await user.say('cancel');
  });

  it('accepts staff from the Staff table as well as from STAFF_AAD_OBJECT_IDS, through Action.Execute', async () => {
    const fromDb = { aadObjectId: 'AAD-FROM-DB', name: 'Sana Malik', teamsId: '29:sana' };
    await h.test.db.prisma.staff.create({ data: { aadObjectId: 'aad-from-db', name: fromDb.name } });
    const user = h.user('webchat');
    await user.say('agent');
    const { handoff, threadId } = await threadOf(user.conversationId);
    const res = await h.member(fromDb).send(threadId, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: Verbs.handoffClaim, data: { handoffId: handoff.id } } },
      deliveryMode: undefined,
    });
    expect(res).toBeDefined();
    expect(await h.handoffOf(user.conversationId)).toMatchObject({ status: 'ACTIVE', agentName: fromDb.name });
    await user.say('end chat');
  });

  it('lets the user leave the queue with "cancel": the card says so and the bot answers again', async () => {
    const user = h.user('skype');
    await user.say('agent');
    const waiting = await user.say('hello? anyone there?');
    expect(textOfAll(waiting)).toMatch(
      new RegExp(en('handoff:user.stillWaiting', { position: 999 }).replace('999', '\\d+').replace(/[()]/g, '\\$&')),
    );
    const { threadId, cardId } = await threadOf(user.conversationId);
    const left = await user.say('cancel');
    expect(textOfAll(left)).toContain(en('handoff:user.cancelled'));
    expect((await h.handoffOf(user.conversationId)).status).toBe('CLOSED');
    expect(latestCard(threadId, cardId)).toContain(en('handoff:card.status.cancelled'));
    expect(plainTextsSentTo(h.connector, threadId)).toContain(en('handoff:agent.cancelled'));
    const again = await user.say('hi');
    expect(textOfAll(again)).toContain(en('common:menu.title'));
  });

  it('records a 403 on a relay to the user, tells the agent, and keeps working', async () => {
    const user = h.user('webchat');
    await user.say('agent');
    const { handoff, threadId } = await threadOf(user.conversationId);
    await h.member(staff[0]).click(threadId, { verb: Verbs.handoffClaim, handoffId: handoff.id });
    h.connector.failNext(new RegExp(`/v3/conversations/${encodeURIComponent(user.conversationId)}/activities`), {
      status: 403,
      code: 'BotNotInConversationRoster',
    });
    const answer = await h.member(staff[0]).write(threadId, 'Are you still there?');
    expect(textOfAll(answer)).toContain(en('handoff:agent.userUnreachable', { code: 'BotNotInConversationRoster' }));
    const events = await h.test.db.prisma.transcriptMessage.findMany({
      where: { conversationId: user.conversationId, direction: 'activity' },
    });
    expect(events.map((e) => e.text).join('\n')).toContain('BotNotInConversationRoster');
    // 429 with Retry-After: retried, then delivered.
    h.connector.failNext(new RegExp(`/v3/conversations/${encodeURIComponent(user.conversationId)}/activities`), {
      status: 429,
      code: 'TooManyRequests',
      retryAfterSeconds: 0,
    });
    await h.member(staff[0]).write(threadId, 'Second try');
    expect(plainTextsSentTo(h.connector, user.conversationId)).toContain(
      en('handoff:user.agentSays', { agent: staff[0].name, text: 'Second try' }),
    );
    await h.member(staff[0]).write(threadId, '/end');
  });

  it('answers in the support channel outside any open chat without starting the dialogs', async () => {
    const replies = await h.member(staff[0]).write(channelId, 'hello bot');
    expect(replies.map(textOf)).toEqual([en('handoff:agent.noHandoff')]);
  });
});

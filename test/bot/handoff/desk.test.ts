/**
 * The agent desk end to end: the console and the Teams thread on the same chat, suggested FAQ answers in
 * the user's language, saved replies, and the rating asked at the end — over the loopback connector.
 */
import { textOfAll, type Reply } from '../../helpers/app';
import { en, ur, plainTextsSentTo, staff, startHarness, type Harness } from './harness';
import { Verbs } from '../../../cards/verbs';
import { eventually } from '../../helpers/eventually';

const DEV_TOKEN = 'desk-test-dev-token-0123456789';
const console_ = 'Developer (local)';
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ CONSOLE_DEV_TOKEN: DEV_TOKEN });
});

afterAll(async () => {
  await h?.close();
});

/** A console API call as the dev-token staff member. */
async function api(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${h.test.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${DEV_TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

async function transcriptTexts(conversationId: string): Promise<string[]> {
  const { body } = await api('GET', `/api/console/conversations/${encodeURIComponent(conversationId)}/transcript`);
  return (body.messages as { text: string | null }[]).map((m) => m.text ?? '');
}

/**
 * The console's transcript once it holds `text`: a relayed message is stored by the batched end-of-turn write,
 * which may land just after the turn that relayed it has answered.
 */
async function transcriptWith(conversationId: string, text: string): Promise<string[]> {
  let last: string[] = [];
  return eventually(
    `"${text}" in the transcript`,
    async () => {
      last = await transcriptTexts(conversationId);
      return last.join('\n').includes(text) ? last : undefined;
    },
    { observed: () => JSON.stringify(last) },
  );
}

/** A user who asked for a person; returns the hand-off row. */
async function queued(user: ReturnType<Harness['user']>, question: string, ask = 'agent') {
  await user.say(question);
  await user.say(ask);
  return h.handoffOf(user.conversationId);
}

describe('the agent desk', () => {
  it('relays a chat claimed in the console both ways, and the Teams thread sees the console messages', async () => {
    const user = h.user('webchat');
    const handoff = await queued(user, 'How do I apply for whitelisting of my call centre?');
    expect((await api('POST', `/api/console/handoffs/${handoff.id}/claim`)).status).toBe(200);
    expect(plainTextsSentTo(h.connector, user.conversationId)).toContain(en('handoff:user.joined', { agent: console_ }));

    const sent = await api('POST', `/api/console/handoffs/${handoff.id}/messages`, { text: 'Hello from the console, I can help.' });
    expect(sent.status).toBe(201);
    expect(plainTextsSentTo(h.connector, user.conversationId)).toContain(
      en('handoff:user.agentSays', { agent: console_, text: 'Hello from the console, I can help.' }),
    );
    const thread = (await h.handoffOf(user.conversationId)).threadConversationId!;
    expect(plainTextsSentTo(h.connector, thread)).toContain(
      en('handoff:agent.fromConsole', { agent: console_, text: 'Hello from the console, I can help.' }),
    );

    // The user's reply reaches the team: no apology, and it is in the transcript the console polls.
    const reply = await user.say('Thank you, which documents do I need?');
    expect(textOfAll(reply)).not.toContain(en('handoff:user.relayFailed'));
    expect(await transcriptWith(user.conversationId, 'Thank you, which documents do I need?')).toContain(
      'Thank you, which documents do I need?',
    );
    expect(plainTextsSentTo(h.connector, thread)).toContain(
      en('handoff:agent.userSays', { user: 'Test User', text: 'Thank you, which documents do I need?' }),
    );

    // The console shows the context and suggested answers; one is sent and recorded.
    const detail = await api('GET', `/api/console/handoffs/${handoff.id}`);
    expect(detail.body).toMatchObject({ mine: true, status: 'ACTIVE', context: { language: 'en' } });
    const context = detail.body.context as { lastMessages: string[]; suggestions: { topicId: string; answer: string }[] };
    expect(context.lastMessages).toEqual(['How do I apply for whitelisting of my call centre?', 'Thank you, which documents do I need?']);
    expect(context.suggestions.length).toBeGreaterThan(0);
    expect(context.suggestions.length).toBeLessThanOrEqual(3);
    const [first] = context.suggestions;
    expect((await api('POST', `/api/console/handoffs/${handoff.id}/answers`, { topicId: first.topicId })).status).toBe(201);
    expect(plainTextsSentTo(h.connector, user.conversationId)).toContain(
      en('handoff:user.agentSays', { agent: console_, text: first.answer }),
    );
    expect((await transcriptWith(user.conversationId, first.topicId)).join('\n')).toContain(first.topicId);
    await api('POST', `/api/console/handoffs/${handoff.id}/end`);
  });

  it('answers 403 to a staff member who did not claim the chat, and shows the claimer’s Teams replies in the console', async () => {
    const user = h.user('webchat');
    const handoff = await queued(user, 'My WFH request is stuck');
    const thread = handoff.threadConversationId!;
    await h.member(staff[0]).click(thread, { verb: Verbs.handoffClaim, handoffId: handoff.id });

    const refused = await api('POST', `/api/console/handoffs/${handoff.id}/messages`, { text: 'Can I jump in?' });
    expect(refused).toEqual({ status: 403, body: expect.objectContaining({ error: 'not_claimer', by: staff[0].name }) });
    expect(plainTextsSentTo(h.connector, user.conversationId).join('\n')).not.toContain('Can I jump in?');
    expect((await api('POST', `/api/console/handoffs/${handoff.id}/end`)).status).toBe(403);

    await h.member(staff[0]).write(thread, 'Let me check your request.');
    const agentSays = en('handoff:user.agentSays', { agent: staff[0].name, text: 'Let me check your request.' });
    expect(await transcriptWith(user.conversationId, agentSays)).toContain(agentSays);
    await h.member(staff[0]).write(thread, '/end');
  });

  it('answers 409 once the chat has ended, and 400 for an empty message', async () => {
    const user = h.user('webchat');
    const handoff = await queued(user, 'Is WFH allowed?');
    await api('POST', `/api/console/handoffs/${handoff.id}/claim`);
    expect((await api('POST', `/api/console/handoffs/${handoff.id}/messages`, { text: '   ' })).status).toBe(400);
    expect((await api('POST', `/api/console/handoffs/${handoff.id}/end`)).status).toBe(200);
    expect(plainTextsSentTo(h.connector, user.conversationId)).toContain(
      `${en('handoff:user.endedByAgent', { agent: console_ })} ${en('handoff:user.back')}`,
    );
    const late = await api('POST', `/api/console/handoffs/${handoff.id}/messages`, { text: 'One more thing' });
    expect(late).toEqual({ status: 409, body: expect.objectContaining({ error: 'handoff_closed' }) });
    expect((await api('POST', `/api/console/handoffs/${handoff.id}/end`)).status).toBe(409);
  });

  it('lets the console take a chat whose card was never posted, and the user is not told it failed', async () => {
    const setting = await h.test.db.prisma.botSetting.findUniqueOrThrow({ where: { key: 'support.channel' } });
    await h.test.db.prisma.botSetting.delete({ where: { key: 'support.channel' } });
    try {
      const user = h.user('webchat');
      const handoff = await queued(user, 'I need help with my NTN');
      expect(handoff.threadConversationId).toBeNull();
      expect((await api('POST', `/api/console/handoffs/${handoff.id}/claim`)).status).toBe(200);
      const reply = await user.say('Hello, are you there?');
      expect(reply).toEqual([]);
      expect(await transcriptTexts(user.conversationId)).toContain('Hello, are you there?');
      expect((await api('POST', `/api/console/handoffs/${handoff.id}/messages`, { text: 'Yes, I am here.' })).status).toBe(201);
      expect(plainTextsSentTo(h.connector, user.conversationId)).toContain(
        en('handoff:user.agentSays', { agent: console_, text: 'Yes, I am here.' }),
      );
      await api('POST', `/api/console/handoffs/${handoff.id}/end`);
    } finally {
      await h.test.db.prisma.botSetting.create({ data: { key: setting.key, value: setting.value as object } });
    }
  });

  it('sends a suggested answer from the Teams card to an Urdu user in Urdu', async () => {
    const user = h.user('webchat', 'ur-PK');
    const handoff = await queued(user, 'کیا کال سینٹر ایجنٹس گھر سے کام کر سکتے ہیں', 'کسی نمائندے سے بات');
    expect(handoff.language).toBe('ur');
    const card = JSON.stringify(h.connector.created.find((c) => JSON.stringify(c.body).includes(handoff.id))?.body);
    expect(card).toContain(Verbs.handoffSendAnswer);
    expect(card).toContain('"topicId":"wfh.what"');
    const thread = handoff.threadConversationId!;
    await h.member(staff[1]).click(thread, { verb: Verbs.handoffClaim, handoffId: handoff.id });
    await h.member(staff[1]).click(thread, { verb: Verbs.handoffSendAnswer, handoffId: handoff.id, topicId: 'wfh.what' });
    const topic = await h.test.db.prisma.faqTopic.findUniqueOrThrow({ where: { id: 'wfh.what' } });
    expect(plainTextsSentTo(h.connector, user.conversationId)).toContain(
      ur('handoff:user.agentSays', { agent: staff[1].name, text: topic.answerUr }),
    );
    expect(plainTextsSentTo(h.connector, thread)).toContain(
      en('handoff:agent.preparedSent', { agent: staff[1].name, text: topic.answerUr }),
    );
    // Someone who did not claim it is refused.
    const other = await h.member(staff[0]).click(thread, { verb: Verbs.handoffSendAnswer, handoffId: handoff.id, topicId: 'wfh.what' });
    expect(textOfAll(other)).toContain(en('handoff:agent.notClaimer', { agent: staff[1].name }));
    await h.member(staff[1]).write(thread, '/end');
  });

  it('keeps saved replies and sends them in the user’s language, English when that text is empty', async () => {
    const created = await api('POST', '/api/console/snippets', {
      name: 'Documents',
      en: 'Please send your NTN certificate.',
      ur: 'براہ کرم اپنا این ٹی این سرٹیفکیٹ بھیجیں۔',
    });
    expect(created.status).toBe(201);
    expect((await api('POST', '/api/console/snippets', { name: 'documents', en: 'x' })).status).toBe(409);
    const englishOnly = await api('POST', '/api/console/snippets', { name: 'helpline', en: 'Call 0800 03030 any time.' });
    const listed = await api('GET', '/api/console/snippets');
    expect((listed.body.snippets as { name: string }[]).map((s) => s.name)).toEqual(expect.arrayContaining(['documents', 'helpline']));

    const user = h.user('webchat', 'ur-PK');
    const handoff = await queued(user, 'لاک ڈاؤن میں کیا ملازمین گھر سے کام کر سکتے ہیں', 'کسی نمائندے سے بات');
    const thread = handoff.threadConversationId!;
    await h.member(staff[0]).click(thread, { verb: Verbs.handoffClaim, handoffId: handoff.id });
    await h.member(staff[0]).write(thread, '/reply documents');
    expect(plainTextsSentTo(h.connector, user.conversationId)).toContain(
      ur('handoff:user.agentSays', { agent: staff[0].name, text: 'براہ کرم اپنا این ٹی این سرٹیفکیٹ بھیجیں۔' }),
    );
    const unknown = await h.member(staff[0]).write(thread, '/reply nothing-like-this');
    expect(textOfAll(unknown)).toContain(en('handoff:agent.unknownSnippet', { name: 'nothing-like-this' }));
    await h.member(staff[0]).write(thread, '/end');

    // The console's picker, on a chat it claimed: the English text for want of an Urdu one.
    const second = h.user('webchat', 'ur-PK');
    const next = await queued(second, 'کیا ایجنٹس کو گھر سے کام کی اجازت ہے', 'کسی نمائندے سے بات');
    await api('POST', `/api/console/handoffs/${next.id}/claim`);
    expect((await api('POST', `/api/console/handoffs/${next.id}/snippets`, { snippetId: englishOnly.body.id })).status).toBe(201);
    expect(plainTextsSentTo(h.connector, second.conversationId)).toContain(
      ur('handoff:user.agentSays', { agent: console_, text: 'Call 0800 03030 any time.' }),
    );
    expect((await api('DELETE', `/api/console/snippets/${englishOnly.body.id as string}`)).status).toBe(204);
    await api('POST', `/api/console/handoffs/${next.id}/end`);
  });

  it('asks for a rating when a chat ends, stores it per hand-off and agent, shows it on the dashboard and flags a low one', async () => {
    const user = h.user('webchat');
    const handoff = await queued(user, 'How long does whitelisting take?');
    await h.member(staff[1]).click(handoff.threadConversationId!, { verb: Verbs.handoffClaim, handoffId: handoff.id });
    const ended: Reply[] = await user.say('end chat');
    expect(textOfAll(ended)).toContain(en('handoff:rating.askCard'));
    expect(JSON.stringify(ended)).toContain(Verbs.handoffRate);

    const thanks = await user.submit({
      verb: Verbs.handoffRate,
      handoffId: handoff.id,
      score: 2,
      comment: 'Too slow, call me on 0300-1234567',
    });
    expect(textOfAll(thanks)).toContain(en('handoff:rating.thanks'));
    const again = await user.submit({ verb: Verbs.handoffRate, handoffId: handoff.id, score: 5 });
    expect(textOfAll(again)).toContain(en('handoff:rating.already'));
    const row = await h.test.db.prisma.handoffRating.findUniqueOrThrow({ where: { handoffId: handoff.id } });
    expect(row).toMatchObject({ status: 'rated', score: 2, agentAadId: staff[1].aadObjectId, agentName: staff[1].name });

    const dashboard = await api('GET', '/api/console/dashboard?days=7');
    const csat = dashboard.body.csat as {
      count: number;
      byAgent: { agent: string; count: number; average: number }[];
      byWeek: { week: string; count: number }[];
    };
    expect(csat.byAgent).toContainEqual(expect.objectContaining({ agent: staff[1].name, count: 1, average: 2 }));
    expect(csat.byWeek.reduce((n, w) => n + w.count, 0)).toBe(csat.count);

    const queue = await api('GET', '/api/console/queue');
    const low = (queue.body.lowRatings as { id: string; handoffId: string; comment: string }[]).find((r) => r.handoffId === handoff.id);
    expect(low?.comment).toContain('*****67');
    expect(low?.comment).not.toContain('1234567');
    expect((await api('POST', `/api/console/ratings/${low!.id}/follow-up`)).status).toBe(200);
    const after = await api('GET', '/api/console/queue');
    expect((after.body.lowRatings as { handoffId: string }[]).some((r) => r.handoffId === handoff.id)).toBe(false);
  });

  it('lets a user skip the rating: their next message is handled as usual', async () => {
    const user = h.user('skype');
    const handoff = await queued(user, 'Is WFH allowed?');
    await h.member(staff[0]).click(handoff.threadConversationId!, { verb: Verbs.handoffClaim, handoffId: handoff.id });
    await h.member(staff[0]).write(handoff.threadConversationId!, '/end');
    const menu = await user.say('menu');
    expect(textOfAll(menu)).toContain(en('common:menu.title'));
    expect(await h.test.db.prisma.handoffRating.findUniqueOrThrow({ where: { handoffId: handoff.id } })).toMatchObject({
      status: 'skipped',
      score: null,
    });
    expect(textOfAll(await user.say('5'))).not.toContain(en('handoff:rating.thanks'));
  });

  it('reads a typed rating with a comment on a text channel, in Urdu', async () => {
    const user = h.user('skype', 'ur-PK');
    const handoff = await queued(user, 'کیا کال سینٹر ایجنٹس گھر سے کام کر سکتے ہیں', 'کسی نمائندے سے بات');
    await h.member(staff[0]).click(handoff.threadConversationId!, { verb: Verbs.handoffClaim, handoffId: handoff.id });
    await h.member(staff[0]).write(handoff.threadConversationId!, '/end');
    expect(plainTextsSentTo(h.connector, user.conversationId)).toContain(ur('handoff:rating.askText', { min: 1, max: 5 }));
    // The numbered menu waits until the rating is in, so a number cannot be read two ways.
    const sent = plainTextsSentTo(h.connector, user.conversationId);
    expect(sent[sent.length - 1]).toBe(ur('handoff:rating.askText', { min: 1, max: 5 }));
    const thanks = await user.say('۵ بہت اچھا');
    expect(textOfAll(thanks)).toContain(ur('handoff:rating.thanks'));
    expect(textOfAll(thanks)).toContain(ur('common:menu.title'));
    expect(await h.test.db.prisma.handoffRating.findUniqueOrThrow({ where: { handoffId: handoff.id } })).toMatchObject({
      score: 5,
      comment: 'بہت اچھا',
    });
  });
});

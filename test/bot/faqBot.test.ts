import { startTestApp, TestUser, textOfAll, type TestApp, type Reply } from '../helpers/app';
import { createI18n } from '../../bot/i18n';
import { loadKb } from '../../bot/faq/loadKb';

const en = createI18n().getFixedT('en');
const ur = createI18n().getFixedT('ur');
const kb = new Map(loadKb().map((topic) => [topic.id, topic]));

function cardOf(replies: Reply[]): Record<string, unknown> | undefined {
  return replies.flatMap((r) => r.attachments ?? []).find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}

describe('FAQ in the bot', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('answers an English question with the English answer as a card on Web Chat', async () => {
    const replies = await new TestUser(t.baseUrl, 'webchat').say('What is the helpline number for covid?');
    expect(textOfAll(replies)).toContain(kb.get('covid.helpline')!.answer.en);
    expect(cardOf(replies)?.rtl).toBe(false);
  });

  it('answers an Urdu-script question in Urdu with a right-to-left card', async () => {
    const replies = await new TestUser(t.baseUrl, 'webchat').say('ورکنگ گروپ میں کون کون شامل ہے؟');
    expect(textOfAll(replies)).toContain(kb.get('workinggroup.members')!.answer.ur);
    expect(cardOf(replies)?.rtl).toBe(true);
  });

  it('answers a Roman Urdu question with the Roman Urdu answer, as text on a plain channel', async () => {
    const replies = await new TestUser(t.baseUrl, 'test').say('ghar se kaam ki ijazat kaise milegi agents ke liye');
    const text = textOfAll(replies);
    expect([kb.get('wfh.how')!.answer['ur-Latn']!, kb.get('wfh.what')!.answer['ur-Latn']!].some((a) => text.includes(a))).toBe(true);
    expect(replies.some((r) => r.attachments?.length)).toBe(false);
  });

  it('declines an off-topic question honestly, logs it, and offers a person after two misses', async () => {
    const user = new TestUser(t.baseUrl, 'test');
    const first = textOfAll(await user.say('How do I renew my car registration in Lahore?'));
    expect(first).toContain(en('faq:noAnswer'));
    expect(first).not.toContain(en('faq:offerPerson'));
    const second = textOfAll(await user.say('Who won the cricket match yesterday?'));
    expect(second).toContain(en('faq:offerPerson'));
    expect(second).toContain(en('faq:talkToPerson'));
    const unanswered = await t.db.prisma.unansweredQuestion.findMany();
    expect(unanswered.length).toBeGreaterThanOrEqual(2);
    expect(await t.db.prisma.faqQueryLog.count({ where: { decision: 'none' } })).toBeGreaterThanOrEqual(2);
  });

  it('answers the topic picked from "did you mean", and refuses an unknown topic id', async () => {
    const user = new TestUser(t.baseUrl, 'webchat');
    const picked = await user.submit({ verb: 'faq.pick', choice: 'privacy.data' });
    expect(textOfAll(picked)).toContain(kb.get('privacy.data')!.answer.en);
    const unknown = await user.submit({ verb: 'faq.pick', choice: 'no.such.topic' });
    expect(textOfAll(unknown)).toContain(en('common:errors.unknownAction'));
  });

  it('asks for the question when "Ask a question" is picked from the menu', async () => {
    const replies = await new TestUser(t.baseUrl, 'webchat').submit({ verb: 'menu.select', choice: 'faq' });
    expect(textOfAll(replies)).toContain(en('common:faq.askQuestion'));
  });

  it('answers in Urdu after the user chose Urdu, even for an English question', async () => {
    const user = new TestUser(t.baseUrl, 'test');
    await user.say('اردو');
    expect(textOfAll(await user.say('What is PSEB?'))).toContain(kb.get('pseb.about')!.answer.ur);
    expect(ur('faq:noAnswer')).not.toBe(en('faq:noAnswer'));
  });
});

describe('GET /api/faq/search', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('returns the contract: language, decision and at most 5 results best first', async () => {
    const res = await fetch(`${t.baseUrl}/api/faq/search?q=${encodeURIComponent('helpline ka number kya hai')}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      language: string;
      decision: string;
      results: { id: string; score: number; question: string; answer: string }[];
    };
    expect(body.language).toBe('ur-Latn');
    expect(body.decision).toBe('answer');
    expect(body.results[0].id).toBe('covid.helpline');
    expect(body.results.length).toBeLessThanOrEqual(5);
    for (const r of body.results) expect(r.score).toBeGreaterThanOrEqual(0);
    const scores = body.results.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(body.results[0].answer).toBe(kb.get('covid.helpline')!.answer['ur-Latn']);
  });

  it('honours lang=en', async () => {
    const res = await fetch(`${t.baseUrl}/api/faq/search?q=${encodeURIComponent('helpline ka number kya hai')}&lang=en`);
    const body = (await res.json()) as { results: { answer: string }[] };
    expect(body.results[0].answer).toBe(kb.get('covid.helpline')!.answer.en);
  });

  it('answers 400 for a missing, empty or over-long q and a bad lang', async () => {
    for (const query of ['', '?q=', `?q=${'a'.repeat(501)}`, '?q=hi&lang=fr']) {
      const res = await fetch(`${t.baseUrl}/api/faq/search${query}`);
      expect(res.status).toBe(400);
    }
  });

  it('declines off-topic questions with no results', async () => {
    const res = await fetch(`${t.baseUrl}/api/faq/search?q=${encodeURIComponent('best biryani recipe in Karachi')}`);
    expect(await res.json()).toMatchObject({ decision: 'none', results: [] });
  });
});

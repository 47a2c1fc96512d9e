/**
 * Turns delivered through Direct Line get what /api/messages gives them: a turn whose state changed
 * underneath it is re-run on fresh state without the user seeing its replies twice, and text that
 * PostgreSQL cannot store (NUL, lone surrogates) is cleaned at the door instead of failing the turn.
 */
import { randomUUID } from 'node:crypto';
import { startTestApp, textOf, type TestApp } from '../../helpers/app';
import { createI18n } from '../../../bot/i18n';
import { fromBot, pollAll, pollUntil, post, call, startSession, type DlActivity, type Session } from './client';

const SECRET = 'robustness-directline-secret-0123456789';
const ur = createI18n().getFixedT('ur');
const urduMenu = 'مینو';

let t: TestApp;
/** How many coming turns get their user state changed underneath them, as another instance would. */
let bumpsLeft = 0;
/** Bot-logic runs seen per user activity id (a re-run turn counts twice). */
const runs = new Map<string, number>();

beforeAll(async () => {
  t = await startTestApp({ DIRECTLINE_SECRET: SECRET, RATE_LIMIT_PER_MINUTE: '10000' });
  // Urdu text makes the turn change the remembered language, so its save carries the stale eTag.
  t.app.bot.intercept(async (context) => {
    const id = context.activity.id ?? '';
    runs.set(id, (runs.get(id) ?? 0) + 1);
    if (bumpsLeft > 0) {
      bumpsLeft--;
      await t.db.prisma.botState.updateMany({
        where: { key: { endsWith: `/users/${context.activity.from.id}/` } },
        data: { etag: randomUUID() },
      });
    }
    return false;
  });
});
afterAll(async () => {
  await t?.close();
});

/** Bot activities that reply to one user activity. */
const repliesTo = (all: DlActivity[], id: string) => fromBot(all).filter((a) => a.replyToId === id);

/** A started conversation whose first "menu" turn is answered, so user state exists to race on. */
async function warmSession(): Promise<Session> {
  const s = await startSession(t.baseUrl);
  const id = await post(t.baseUrl, s, { type: 'message', text: 'menu' });
  await pollUntil(t.baseUrl, s, (all) => repliesTo(all, id).length > 0);
  return s;
}

describe('eTag conflicts on Direct Line', () => {
  it('re-runs a turn whose state changed underneath it, and the page sees its replies exactly once', async () => {
    const calm = await warmSession();
    const calmId = await post(t.baseUrl, calm, { type: 'message', text: urduMenu });
    const expected = repliesTo(await pollAll(t.baseUrl, calm), calmId).map(textOf);
    expect(expected.join('\n')).toContain(ur('common:menu.title'));

    const s = await warmSession();
    bumpsLeft = 1;
    const id = await post(t.baseUrl, s, { type: 'message', text: urduMenu });
    expect(bumpsLeft).toBe(0);
    expect(runs.get(id)).toBe(2);
    expect(repliesTo(await pollAll(t.baseUrl, s), id).map(textOf)).toEqual(expected);
    const state = await t.db.prisma.botState.findFirst({ where: { key: { endsWith: `/users/${s.userId}/` } } });
    expect(state?.data).toMatchObject({ language: { language: 'ur' } });
  });

  it('answers 503 with Retry-After after three lost races, having shown none of the lost replies', async () => {
    const s = await warmSession();
    bumpsLeft = 3;
    const res = await call(t.baseUrl, 'POST', `/v3/directline/conversations/${s.conversationId}/activities`, s.token, {
      type: 'message',
      text: urduMenu,
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    const all = await pollAll(t.baseUrl, s);
    const lost = all.find((a) => a.text === urduMenu);
    expect(lost).toBeDefined();
    expect(runs.get(lost!.id)).toBe(3);
    expect(repliesTo(all, lost!.id)).toEqual([]);
    // The user's next message is answered normally.
    const next = await post(t.baseUrl, s, { type: 'message', text: urduMenu });
    expect(
      repliesTo(await pollAll(t.baseUrl, s), next)
        .map(textOf)
        .join('\n'),
    ).toContain(ur('common:menu.title'));
  });
});

describe('text PostgreSQL cannot store', () => {
  it('cleans NULs and lone surrogates from a posted activity, so it is stored, echoed and answered', async () => {
    const s = await startSession(t.baseUrl);
    const id = await post(t.baseUrl, s, {
      type: 'message',
      text: 'me\u0000nu \uD800',
      value: { 'k\u0000ey': 'va\u0000lue' },
      channelData: { note: '\uDC00x' },
    });
    const all = await pollUntil(t.baseUrl, s, (a) => repliesTo(a, id).length > 0);
    const echo = all.find((a) => a.id === id);
    expect(echo).toMatchObject({ text: 'menu \uFFFD', value: { key: 'value' }, channelData: { note: '\uFFFDx' } });
    const incoming = await t.db.prisma.transcriptMessage.findMany({ where: { conversationId: s.conversationId, direction: 'incoming' } });
    expect(incoming.map((m) => m.text)).toContain('menu \uFFFD');
  });

  it('cleans what the bot sends through the connector too', async () => {
    const s = await startSession(t.baseUrl);
    await post(t.baseUrl, s, { type: 'message', text: 'menu' });
    const ref = await t.db.prisma.conversationRef.findUniqueOrThrow({ where: { conversationId: s.conversationId } });
    await t.app.adapter.continueConversationAsync('', ref.reference as never, async (context) => {
      await context.sendActivity('Agent\u0000 says hi \uDBFF');
    });
    const all = await pollUntil(t.baseUrl, s, (a) => a.some((x) => typeof x.text === 'string' && x.text.startsWith('Agent')));
    expect(all.map((a) => a.text)).toContain('Agent says hi \uFFFD');
  });
});

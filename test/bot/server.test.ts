import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestApp, TestUser, textOf, textOfAll, type TestApp, type Reply } from '../helpers/app';
import { createI18n } from '../../bot/i18n';
import { openDatabase } from '../../prisma/db';
import { emptyPgliteCluster, seedPgliteFolder, TEST_PGLITE_SETTINGS, type TestDb } from '../helpers/db';

const en = createI18n().getFixedT('en');
const ur = createI18n().getFixedT('ur');

function adaptiveCard(reply: Reply): Record<string, unknown> | undefined {
  return reply.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}

describe('the bot server in local mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('answers /healthz with 200 when the database is migrated', async () => {
    const res = await fetch(`${t.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('sends the menu as numbered text on a plain channel', async () => {
    const replies = await new TestUser(t.baseUrl, 'test').say('hi');
    const text = textOfAll(replies);
    expect(text).toContain(en('common:menu.title'));
    expect(text).toContain(`1. ${en('common:menu.items.whitelisting')}`);
    expect(text).toContain(`5. ${en('common:menu.items.agent')}`);
    expect(replies.some((r) => r.attachments?.length)).toBe(false);
  });

  it('sends the menu as an Adaptive Card 1.5 on Teams, and right-to-left after "اردو"', async () => {
    const user = new TestUser(t.baseUrl, 'msteams');
    const [menu] = await user.say('menu');
    const card = adaptiveCard(menu)!;
    expect(card.version).toBe('1.5');
    expect(card.rtl).toBe(false);
    const replies = await user.say('اردو');
    expect(replies[0].text).toBe(ur('common:language.switched'));
    const urduCard = adaptiveCard(replies[1])!;
    expect(urduCard.rtl).toBe(true);
    expect(textOf(replies[1])).toContain(ur('common:menu.items.wfh'));
  });

  it('sends the menu as a hero card with buttons on Skype, never an Adaptive Card', async () => {
    const [menu] = await new TestUser(t.baseUrl, 'skype').say('salam');
    expect(menu.attachments?.[0].contentType).toBe('application/vnd.microsoft.card.hero');
    const buttons = (menu.attachments?.[0].content as { buttons: { title: string }[] }).buttons;
    expect(buttons.map((b) => b.title)).toContain(en('common:menu.items.status'));
  });

  it('greets new members with the welcome and the menu', async () => {
    const user = new TestUser(t.baseUrl, 'webchat');
    const replies = await user.send({ type: 'conversationUpdate', membersAdded: [{ id: user.userId }], text: undefined });
    expect(textOfAll(replies)).toContain(en('common:welcome.title'));
  });

  it('remembers the language: after "Urdu", an English "menu" still gets the Urdu menu', async () => {
    const user = new TestUser(t.baseUrl, 'test');
    await user.say('Urdu');
    expect(textOfAll(await user.say('menu'))).toContain(ur('common:menu.title'));
    await user.say('English');
    expect(textOfAll(await user.say('menu'))).toContain(en('common:menu.title'));
  });

  it('answers a Urdu-script greeting in Urdu without being told', async () => {
    expect(textOfAll(await new TestUser(t.baseUrl, 'test').say('السلام علیکم'))).toContain(ur('common:menu.title'));
  });

  it('routes a menu button to its intent, and answers an unknown card verb with the menu', async () => {
    const user = new TestUser(t.baseUrl, 'webchat');
    const unknown = await user.submit({ verb: 'launch.rockets' });
    expect(textOfAll(unknown)).toContain(en('common:errors.unknownAction'));
    expect(textOfAll(unknown)).toContain(en('common:menu.title'));
  });

  it('refuses garbage with 400 and keeps running', async () => {
    const bad = await fetch(`${t.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type": ',
    });
    expect(bad.status).toBe(400);
    const noConversation = await fetch(`${t.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', channelId: 'test', text: 'hi' }),
    });
    expect(noConversation.status).toBe(400);
    expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
  });

  it('answers a 10 kB message politely instead of failing', async () => {
    const replies = await new TestUser(t.baseUrl, 'test').say('x'.repeat(70_000));
    expect(textOfAll(replies)).toContain(en('common:errors.tooLong', { length: 70_000, max: 60_000 }));
  });

  it('stores every inbound and outbound message in the transcript', async () => {
    const user = new TestUser(t.baseUrl, 'test');
    await user.say('hi');
    const rows = await t.db.prisma.transcriptMessage.findMany({
      where: { conversationId: user.conversationId },
      orderBy: { createdAt: 'asc' },
    });
    expect(rows.map((r) => r.direction)).toEqual(['incoming', 'outgoing']);
    expect(rows[0]).toMatchObject({ text: 'hi', userId: user.userId, channelId: 'test' });
    expect(rows[1].text).toContain(en('common:menu.title'));
    const ref = await t.db.prisma.conversationRef.findUnique({ where: { conversationId: user.conversationId } });
    expect(ref?.userId).toBe(user.userId);
  });

  it("apologises in the user's language when a turn fails, never showing the error", async () => {
    const user = new TestUser(t.baseUrl, 'test');
    await user.say('اردو');
    t.app.bot.intercept(async (context) => {
      if (context.activity.text === 'explode') throw new Error('secret internal detail');
      return false;
    });
    const replies = await user.say('explode');
    const text = textOfAll(replies);
    expect(text).toContain(ur('common:errors.generic'));
    expect(text).not.toContain('secret internal detail');
    expect(t.logs.some((l) => l.includes('turn failed') && l.includes('stack'))).toBe(true);
  });
});

describe('health and persistence', () => {
  it('answers /readyz with 503 and a reason when the database is not migrated, while /healthz says alive', async () => {
    const db = await openDatabase('pglite:memory', { pgliteDump: emptyPgliteCluster(), pgliteSettings: TEST_PGLITE_SETTINGS });
    const t = await startTestApp({}, {}, Object.assign(db, { url: 'pglite:memory' }) as TestDb);
    try {
      const res = await fetch(`${t.baseUrl}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: 'unavailable', reason: 'database not migrated' });
      expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
    } finally {
      await t.close();
      await db.close();
    }
  });

  it('keeps conversation and user state across a restart on the embedded database', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'pseb-restart-'));
    const env = { DATABASE_URL: `pglite:${path.join(dataDir, 'pglite')}` };
    // The subject is the restart, not initdb: the first start finds the run's migrated cluster.
    await seedPgliteFolder(path.join(dataDir, 'pglite'));
    const { loadConfig } = await import('../../bot/config');
    const { createApp } = await import('../../bot/server');
    const { createLogger } = await import('../../bot/logger');
    const start = async () => {
      const app = await createApp({ config: loadConfig(env), logger: createLogger('silent') });
      await new Promise<void>((r) => void app.server.listen(0, '127.0.0.1', () => r()));
      return { app, baseUrl: `http://127.0.0.1:${(app.server.address() as { port: number }).port}` };
    };
    const first = await start();
    const user = new TestUser(first.baseUrl, 'test', 'restart-user', 'restart-conv');
    await user.say('اردو');
    await first.app.close();

    const second = await start();
    try {
      const again = new TestUser(second.baseUrl, 'test', 'restart-user', 'restart-conv');
      expect(textOfAll(await again.say('menu'))).toContain(ur('common:menu.title'));
    } finally {
      await second.app.close();
    }
    // Two starts on a real folder (and, on the PostgreSQL run, migrating the seed in place): slow on a busy machine.
  }, 120_000);
});

describe('authenticated mode', () => {
  it('answers an unsigned POST with 401', async () => {
    const t = await startTestApp({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' });
    try {
      const res = await new TestUser(t.baseUrl, 'msteams').post({ type: 'message', text: 'hi' });
      expect(res.status).toBe(401);
      const forged = await new TestUser(t.baseUrl, 'msteams').post(
        { type: 'message', text: 'hi' },
        { authorization: 'Bearer not.a.token' },
      );
      expect(forged.status).toBe(401);
    } finally {
      await t.close();
    }
  });
});

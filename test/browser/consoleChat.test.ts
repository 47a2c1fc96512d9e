/** The console's chat in real Chromium: claim from the queue, reply, see the user's answer live, send a suggested answer, note, end. */
import type { Page } from 'playwright-core';
import { describeWithChromium, launchBrowser, type TestBrowser } from '../helpers/browser';
import { startHarness, en as bot, plainTextsSentTo, type Harness } from '../bot/handoff/harness';
import { TestUser } from '../helpers/app';
import { Verbs } from '../../cards/verbs';
import en from '../../locales/en/console.json';

const DEV_TOKEN = 'browser-chat-dev-token-0123456789';
const agent = 'Developer (local)';

describeWithChromium('agent console chat', () => {
  let h: Harness;
  let browser: TestBrowser;
  let page: Page;
  let user: TestUser;

  beforeAll(async () => {
    h = await startHarness({ CONSOLE_DEV_TOKEN: DEV_TOKEN });
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    user = h.user('webchat');
    await user.say('How do I apply for whitelisting of my call centre?');
    await user.say('agent');
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const transcriptText = () => page.locator('#chat-transcript').innerText();

  it('claims from the queue, where the context and suggestions show, and the chat opens', async () => {
    const handoff = await h.handoffOf(user.conversationId);
    await page.goto(`${h.test.baseUrl}/console?devToken=${DEV_TOKEN}&lang=en`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
    const claim = page.locator(`button[data-claim="${handoff.id}"]`);
    const row = page.locator('tr', { has: claim });
    await row.locator('summary').click();
    expect(await row.innerText()).toContain('How do I apply for whitelisting of my call centre?');
    await claim.click();
    await page.waitForSelector('#chat-transcript li', { timeout: 10_000 });
    expect(page.url()).toContain(`#chat/${handoff.id}`);
    expect(await page.locator('#chat-state').innerText()).toContain(en.chat.yours);
    expect(await page.locator('.suggestions li').count()).toBeGreaterThan(0);
    expect(plainTextsSentTo(h.connector, user.conversationId)).toContain(bot('handoff:user.joined', { agent }));
  });

  it('sends a reply to the user and shows the user’s answer without a reload', async () => {
    await page.locator('#chat-reply').fill('Hello! I can help with whitelisting.');
    await page.locator('#chat-send').click();
    await h.connector.waitFor(
      (c) => c.conversationId === user.conversationId && String(c.body.text).includes('Hello! I can help with whitelisting.'),
    );
    await page.waitForFunction(() => (document.getElementById('chat-reply') as HTMLTextAreaElement).value === '', undefined, {
      timeout: 5_000,
    });
    await page.waitForFunction(() => document.getElementById('status')?.textContent !== '', undefined, { timeout: 5_000 });
    expect(await page.locator('#status').innerText()).toBe(en.chat.sent);

    await user.say('Great, which documents do I need?');
    await page.locator('#chat-transcript', { hasText: 'Great, which documents do I need?' }).waitFor({ timeout: 5_000 });
    expect(await transcriptText()).toContain(bot('handoff:user.agentSays', { agent, text: 'Hello! I can help with whitelisting.' }));
  });

  it('sends a suggested answer and keeps a private note out of the user’s chat', async () => {
    const before = h.connector.sentTo(user.conversationId).length;
    await page.locator('.suggestions li button').first().click();
    await h.connector.waitFor((c) => c.conversationId === user.conversationId && c.method === 'POST', before + 1);

    await page.locator('#chat-note').fill('Asked about documents; follow up on NTN');
    await page.locator('#chat-note-form button[type="submit"]').click();
    await page.locator('#chat-transcript .msg-private', { hasText: 'follow up on NTN' }).waitFor({ timeout: 5_000 });
    expect(plainTextsSentTo(h.connector, user.conversationId).join('\n')).not.toContain('follow up on NTN');
    await browser.screenshot(page, 'console-chat');
  });

  it('ends the chat: the user is asked for a rating and the reply box closes', async () => {
    await page.locator('#chat-end').click();
    await page.waitForFunction((ended) => document.getElementById('chat-state')?.textContent?.includes(ended), en.chat.status.CLOSED, {
      timeout: 10_000,
    });
    expect(await page.locator('#chat-send').isDisabled()).toBe(true);
    expect(JSON.stringify(h.connector.sentTo(user.conversationId))).toContain(bot('handoff:rating.askCard'));
    await browser.screenshot(page, 'console-chat-ended');
  });

  it('flags a low rating in the queue until someone follows it up', async () => {
    const handoff = await h.handoffOf(user.conversationId);
    await user.submit({ verb: Verbs.handoffRate, handoffId: handoff.id, score: 1, comment: 'Nobody answered my question' });
    await page.getByRole('button', { name: en.nav.queue, exact: true }).click();
    const flag = page.locator('tr', { hasText: 'Nobody answered my question' });
    await flag.waitFor({ timeout: 10_000 });
    expect(await flag.innerText()).toContain(en.queue.ratingValue.replace('{{score}}', '1'));
    await browser.screenshot(page, 'console-low-rating');
    await flag.getByRole('button', { name: en.queue.markFollowedUp }).click();
    await flag.waitFor({ state: 'detached', timeout: 10_000 });
    expect((await h.test.db.prisma.handoffRating.findUniqueOrThrow({ where: { handoffId: handoff.id } })).followedUpBy).toBe(agent);
  });

  it('ran without script errors', () => {
    const unexpected = browser.errors.filter((e) => !/res\.cdn\.office\.net\/teams-js\/validDomains/.test(e));
    expect(unexpected).toEqual([]);
  });
});

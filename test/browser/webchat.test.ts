/** The Web Chat page in real Chromium against the real app and its own Direct Line endpoint. */
import type { Page } from 'playwright-core';
import { startTestApp, textOf, type Reply, type TestApp } from '../helpers/app';
import { describeWithChromium, launchBrowser, waitUntil, type TestBrowser } from '../helpers/browser';
import enCommon from '../../locales/en/common.json';
import urCommon from '../../locales/ur/common.json';
import enPage from '../../locales/en/webchat.json';
import urPage from '../../locales/ur/webchat.json';

const SECRET = 'browser-test-directline-secret-0123456789';

describeWithChromium('Web Chat page', () => {
  let t: TestApp;
  let browser: TestBrowser;
  let page: Page;
  const socketUrls: string[] = [];
  const activityPolls: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ DIRECTLINE_SECRET: SECRET });
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('websocket', (socket) => void socketUrls.push(socket.url()));
    page.on('request', (request) => {
      if (request.method() === 'GET' && /\/activities\?/.test(request.url())) activityPolls.push(request.url());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** The adaptive card whose text includes `text` (the newest one). */
  const card = (text: string) => page.locator('.ac-adaptiveCard', { hasText: text }).last();

  /** The conversation the page is in (the newest Web Chat conversation the bot has seen a message from). */
  const pageConversation = async () =>
    t.db.prisma.conversationRef.findFirstOrThrow({ where: { channelId: 'webchat' }, orderBy: { updatedAt: 'desc' } });

  it('shows the branded page and the welcome menu', async () => {
    await page.goto(t.baseUrl);
    expect(await page.locator('.brand-name').textContent()).toBe(enPage.page.brand);
    expect(await page.locator('.helpline').textContent()).toContain('0800 03030');
    await card(enCommon.welcome.title).waitFor({ timeout: 20_000 });
    for (const item of Object.values(enCommon.menu.items)) await page.getByRole('button', { name: item }).first().waitFor();
    expect(await page.locator('#pseb-page').getAttribute('dir')).toBe('ltr');
    await browser.screenshot(page, 'webchat-welcome-en');
  });

  it('receives the bot over a Direct Line stream (WebSocket) rather than by polling', () => {
    const streamPath = /^ws:\/\/[^/]+\/v3\/directline\/conversations\/[^/]+\/stream\?t=/;
    expect(socketUrls.some((url) => streamPath.test(url))).toBe(true);
    expect(activityPolls).toEqual([]);
  });

  it('switches to Urdu: the page turns RTL and the bot answers with an RTL Urdu menu card', async () => {
    await page.getByRole('button', { name: enPage.toggle.ur }).click();
    await page.locator('#pseb-page[dir="rtl"]').waitFor();
    expect(await page.locator('.brand-name').textContent()).toBe(urPage.page.brand);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ur');
    const urduMenu = card(urCommon.menu.title);
    await urduMenu.waitFor({ timeout: 20_000 });
    expect(await urduMenu.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    await page.getByText(urCommon.language.switched).first().waitFor();
    // The post-back that told the bot stays out of the transcript.
    expect(await page.locator('[role="log"], .webchat__basic-transcript').first().innerText()).not.toContain(`\n${urPage.toggle.ur}\n`);
    await browser.screenshot(page, 'webchat-urdu-rtl');
  });

  it('answers an Urdu question with an Urdu reply laid out right to left', async () => {
    const question = 'وائٹ لسٹنگ کے لیے کیا چاہیے؟';
    const activities = page.locator('.webchat__basic-transcript__activity');
    const before = await activities.count();
    const box = page.getByPlaceholder(urPage.ui.placeholder);
    await box.fill(question);
    await box.press('Enter');
    // Find the bot's answer on the server (it replies to the question), then look for it in the page.
    let reply: Reply | undefined;
    await waitUntil('the bot to answer the Urdu question', async () => {
      const rows = await t.db.prisma.directLineActivity.findMany({ orderBy: { seq: 'asc' } });
      const activities = rows.map((r) => r.activity as unknown as Reply & { id: string; replyToId?: string });
      const asked = activities.filter((a) => a.text === question).pop();
      reply = asked && activities.find((a) => a.replyToId === asked.id && a.type === 'message');
      return Boolean(reply);
    });
    const firstLine = textOf(reply!).split('\n')[0];
    expect(firstLine).toMatch(/[\u0600-\u06FF]/);
    // The question and its answer are the two newest entries in the transcript.
    await page.waitForFunction((n) => document.querySelectorAll('.webchat__basic-transcript__activity').length >= n + 2, before, {
      timeout: 5_000,
    });
    const answer = activities
      .nth(before + 1)
      .getByText(firstLine, { exact: false })
      .first();
    await answer.waitFor({ timeout: 5_000 });
    expect(await answer.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    await answer.scrollIntoViewIfNeeded();
    await browser.screenshot(page, 'webchat-urdu-question');
  });

  it('shows a message the bot sends later on its own (an agent relayed through the stored reference)', async () => {
    const ref = await pageConversation();
    await t.app.adapter.continueConversationAsync('', ref.reference as never, async (context) => {
      await context.sendActivity('Sana (PSEB): Assalam-o-Alaikum, I am looking at your request now.');
    });
    // Within a few polls: Web Chat would hold a reply to an activity it never saw for 5 s.
    await page
      .locator('.webchat__bubble', { hasText: 'Sana (PSEB): Assalam-o-Alaikum, I am looking at your request now.' })
      .waitFor({ timeout: 4_000 });
    await browser.screenshot(page, 'webchat-proactive');
  });

  it('uploads a CSV agent list, which reaches the bot as a text/csv attachment', async () => {
    const received: { name?: string; contentType: string; contentUrl?: string }[] = [];
    t.app.bot.intercept(async (context) => {
      received.push(...(context.activity.attachments ?? []));
      return false;
    });
    const csv = 'name,cnic,mobile\nAyesha Khan,35202-1234567-1,0300-1234567\n';
    await page.locator('input[type="file"]').setInputFiles({ name: 'agents.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    // Web Chat 4.18 stages a picked file in the send box; the send button posts it.
    await page.getByRole('button', { name: urPage.ui.send }).click();
    await waitUntil('the upload to reach the bot', () => received.length > 0);
    await page.locator('.webchat__bubble--from-user', { hasText: 'agents.csv' }).waitFor();
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ name: 'agents.csv', contentType: 'text/csv' });
    expect(Buffer.from(String(received[0].contentUrl).split(',')[1], 'base64').toString('utf8')).toBe(csv);
    await browser.screenshot(page, 'webchat-upload');
  });

  it('ran without console errors or Content-Security-Policy violations', () => {
    expect(browser.errors).toEqual([]);
  });
});

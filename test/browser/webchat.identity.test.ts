/**
 * The Web Chat page remembers who the user is: a reload resumes the same conversation with its history,
 * a later visit opens a new conversation as the same user (their requests still theirs), and "forget me
 * on this device" starts over as somebody new.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/app';
import { describeWithChromium, launchBrowser, type TestBrowser } from '../helpers/browser';
import { newReference } from '../../bot/domain/reference';
import { createI18n } from '../../bot/i18n';
import enPage from '../../locales/en/webchat.json';

const SECRET = 'browser-identity-directline-secret-0123456789';
const en = createI18n().getFixedT('en');

interface TokenAnswer {
  conversationId: string;
  userId: string;
  resumed: boolean;
}

describeWithChromium('Web Chat identity across reloads', () => {
  let t: TestApp;
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    t = await startTestApp({ DIRECTLINE_SECRET: SECRET });
    browser = await launchBrowser();
    page = await browser.newPage();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Loads (or reloads) the page; resolves with what the token endpoint answered. */
  async function load(action: () => Promise<unknown>): Promise<TokenAnswer> {
    const token = page.waitForResponse((res) => res.url().endsWith('/api/webchat/token'));
    await action();
    return (await (await token).json()) as TokenAnswer;
  }

  async function say(text: string): Promise<void> {
    const box = page.getByPlaceholder(enPage.ui.placeholder);
    await box.fill(text);
    await box.press('Enter');
  }

  const bubble = (text: string) => page.locator('.webchat__bubble', { hasText: text }).last();

  it('resumes the conversation after a reload, then keeps the user in a new one, until "forget me"', async () => {
    const first = await load(() => page.goto(t.baseUrl));
    await page.locator('.ac-adaptiveCard', { hasText: en('common:welcome.title') }).waitFor({ timeout: 20_000 });
    await say('hi');
    await page
      .locator('.ac-adaptiveCard', { hasText: en('common:menu.title') })
      .first()
      .waitFor({ timeout: 20_000 });
    const reference = newReference('whitelisting');
    await t.db.prisma.request.create({
      data: {
        reference,
        kind: 'whitelisting',
        submitKey: randomUUID(),
        channelId: 'webchat',
        userId: first.userId,
        conversationId: first.conversationId,
        language: 'en',
        companyName: 'Indus Contact Solutions',
        fields: { companyName: 'Indus Contact Solutions' },
      },
    });

    // A reload: the same conversation, its history shown again, the same user.
    const reloaded = await load(() => page.reload());
    expect(reloaded).toMatchObject({ resumed: true, conversationId: first.conversationId, userId: first.userId });
    await page.locator('.webchat__bubble', { hasText: /^hi$/ }).first().waitFor({ timeout: 20_000 });
    await say('my requests');
    await bubble(reference).waitFor({ timeout: 20_000 });

    // Later (the conversation token's life is over): a new conversation, but the same user and requests.
    await page.evaluate(() => {
      const saved = JSON.parse(window.localStorage.getItem('pseb-assist.webchat') ?? '{}') as Record<string, unknown>;
      window.localStorage.setItem('pseb-assist.webchat', JSON.stringify({ ...saved, conversationExpires: Date.now() - 1000 }));
    });
    const later = await load(() => page.reload());
    expect(later.resumed).toBe(false);
    expect(later.conversationId).not.toBe(first.conversationId);
    expect(later.userId).toBe(first.userId);
    await page.locator('.ac-adaptiveCard', { hasText: en('common:welcome.title') }).waitFor({ timeout: 20_000 });
    await say(`status ${reference}`);
    await bubble(en('requests:statuses.SUBMITTED')).waitFor({ timeout: 20_000 });

    // "Forget me on this device": somebody new, who has filed nothing.
    const forgotten = await load(() => page.getByRole('button', { name: enPage.identity.forget }).click());
    expect(forgotten.userId).not.toBe(first.userId);
    await page.locator('#chat-status', { hasText: enPage.identity.forgotten }).waitFor({ timeout: 20_000 });
    await page.locator('.ac-adaptiveCard', { hasText: en('common:welcome.title') }).waitFor({ timeout: 20_000 });
    await say('my requests');
    await bubble(en('requests:mine.none')).waitFor({ timeout: 20_000 });
    await browser.screenshot(page, 'webchat-forgotten');
    expect(browser.errors).toEqual([]);
  }, 240_000);
});

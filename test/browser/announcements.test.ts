/** The announcements page in real Chromium: compose in three languages, preview, count, create, send, progress. */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/app';
import { startConnector, type ConnectorRecorder } from '../helpers/connector';
import { describeWithChromium, launchBrowser, type TestBrowser } from '../helpers/browser';
import { eventually } from '../helpers/eventually';
import en from '../../locales/en/console.json';
import announcementsEn from '../../locales/en/announcements.json';
import announcementsUr from '../../locales/ur/announcements.json';

const DEV_TOKEN = 'browser-announcements-dev-token-0123456789';

describeWithChromium('announcements page', () => {
  let t: TestApp;
  let browser: TestBrowser;
  let page: Page;
  let connector: ConnectorRecorder;
  const people: { conversationId: string; language: string }[] = [];

  beforeAll(async () => {
    connector = await startConnector();
    t = await startTestApp({ CONSOLE_DEV_TOKEN: DEV_TOKEN, ANNOUNCEMENT_RATE_PER_SECOND: '50' });
    for (const language of ['en', 'ur', 'ur-Latn']) {
      const conversationId = `conv-${randomUUID()}`;
      const userId = `user-${randomUUID()}`;
      await t.db.prisma.conversationRef.create({
        data: {
          conversationId,
          channelId: 'webchat',
          userId,
          language,
          reference: {
            channelId: 'webchat',
            serviceUrl: connector.serviceUrl,
            conversation: { id: conversationId },
            user: { id: userId },
            bot: { id: 'pseb-bot' },
          },
        },
      });
      people.push({ conversationId, language });
    }
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await connector?.close();
  });

  it('composes in three languages with previews, sends to everyone, and shows the progress', async () => {
    await page.goto(`${t.baseUrl}/console?devToken=${DEV_TOKEN}&lang=en#announcements`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
    await page.locator('output[data-count="3"]').waitFor({ timeout: 10_000 });
    const text = {
      en: 'Lockdown extended to 30 April. <b>Updated SOPs</b> are on the PSEB site.',
      ur: 'لاک ڈاؤن 30 اپریل تک بڑھا دیا گیا۔',
      'ur-Latn': 'Lockdown 30 April tak barha diya gaya.',
    };
    for (const [lang, value] of Object.entries(text)) await page.locator(`textarea[name="text-${lang}"]`).fill(value);
    const urPreview = page.locator('.announcement-preview[data-lang="ur"]');
    expect(await urPreview.innerText()).toContain(announcementsUr.heading);
    expect(await urPreview.getAttribute('dir')).toBe('rtl');
    // Staff text is shown as text, never as markup.
    expect(await page.locator('.announcement-preview[data-lang="en"]').innerText()).toContain('<b>Updated SOPs</b>');
    await page.locator('select[name="kind"]').selectOption('wfh');
    await page.locator('output[data-count="0"]').waitFor({ timeout: 10_000 });
    await page.locator('select[name="kind"]').selectOption('');
    await page.locator('output[data-count="3"]').waitFor({ timeout: 10_000 });
    await browser.screenshot(page, 'console-announcements-compose');

    await page.getByRole('button', { name: en.announcements.create, exact: true }).click();
    const send = page.locator('button[data-send]');
    await send.waitFor({ timeout: 10_000 });
    await send.click();
    await page
      .getByText(
        en.announcements.counts
          .replace('{{sent}}', '3')
          .replace('{{failed}}', '0')
          .replace('{{optedOut}}', '0')
          .replace('{{pending}}', '0')
          .replace('{{total}}', '3'),
      )
      .waitFor({ timeout: 20_000 });
    await browser.screenshot(page, 'console-announcements-sent');

    for (const person of people) {
      const sent = await eventually('the announcement', () =>
        connector.sentTo(person.conversationId).length ? connector.sentTo(person.conversationId) : undefined,
      );
      expect(sent).toHaveLength(1);
      expect(String(sent[0].text)).toContain(text[person.language as keyof typeof text]);
    }
    expect(String(connector.sentTo(people[0].conversationId)[0].text)).toContain(announcementsEn.heading);
  });
});

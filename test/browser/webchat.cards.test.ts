/**
 * A card is good once, in real Chromium: after a whitelisting request is filed through the one-card
 * form, pressing Submit on that old form card again answers "already submitted as WL-…" and files
 * nothing.
 */
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/app';
import { describeWithChromium, launchBrowser, type TestBrowser } from '../helpers/browser';
import { createI18n } from '../../bot/i18n';

const SECRET = 'browser-cards-directline-secret-0123456789';
const en = createI18n().getFixedT('en');

/** Matches a text as Web Chat shows it: any quote may have been made typographic. */
function asRendered(text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(escaped.replace(/"/g, '["“”]').replace(/'/g, "['‘’]"));
}

describeWithChromium('Web Chat: an old form card', () => {
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

  it('files once: Submit on the old form card after filing answers "already submitted as WL-…"', async () => {
    const token = page.waitForResponse((res) => res.url().endsWith('/api/webchat/token'));
    await page.goto(t.baseUrl);
    const { userId } = (await (await token).json()) as { userId: string };
    await page.locator('.ac-adaptiveCard', { hasText: en('common:welcome.title') }).waitFor({ timeout: 30_000 });
    await page
      .getByRole('button', { name: en('common:menu.items.whitelisting') })
      .first()
      .click();

    const form = page
      .locator('.ac-adaptiveCard', { has: page.locator('input') })
      .filter({ hasText: en('intake:flow.cardIntro') })
      .last();
    await form.waitFor({ timeout: 30_000 });
    const field = (name: string) => form.getByLabel(en(`intake:fields.${name}.label`), { exact: false }).first();
    await field('companyName').fill('Indus Contact Solutions (Pvt) Ltd');
    await field('ntn').fill('1234567-8');
    await field('contactName').fill('Ayesha Malik');
    await field('contactCnic').fill('42101-1234567-1');
    await field('contactMobile').fill('0300-1234567');
    await field('contactEmail').fill('ayesha.malik@company.pk');
    await form.locator('select').first().selectOption('karachi');
    await field('agentSeats').fill('120');
    await field('ipAddresses').fill('39.45.12.7, 39.45.13.0/28');
    const formSubmit = form.getByRole('button', { name: en('intake:flow.card.submit'), exact: true });
    await formSubmit.click();

    const summary = page
      .locator('.ac-adaptiveCard', { hasText: en('intake:flow.summary.title', { title: en('requests:kinds.whitelisting') }) })
      .last();
    await summary.waitFor({ timeout: 30_000 });
    await summary.getByRole('button', { name: en('intake:flow.summary.submit'), exact: true }).click();
    const confirmation = page.locator('.webchat__bubble', { hasText: /\bWL-[0-9A-Z]{6}\b/ }).last();
    await confirmation.waitFor({ timeout: 30_000 });
    const reference = /\bWL-[0-9A-Z]{6}\b/.exec(await confirmation.innerText())![0];

    // Scroll up to the form card and press its Submit again.
    await formSubmit.scrollIntoViewIfNeeded();
    await formSubmit.click();
    await page
      .locator('.webchat__bubble', { hasText: asRendered(en('intake:flow.alreadySubmitted', { reference })) })
      .waitFor({ timeout: 30_000 });
    await browser.screenshot(page, 'webchat-old-card');
    expect(await t.db.prisma.request.count({ where: { userId } })).toBe(1);
    // No new summary appeared after the answer.
    expect(
      await page
        .locator('.ac-adaptiveCard', { hasText: en('intake:flow.summary.title', { title: en('requests:kinds.whitelisting') }) })
        .count(),
    ).toBe(1);
    expect(browser.errors).toEqual([]);
  }, 300_000);
});

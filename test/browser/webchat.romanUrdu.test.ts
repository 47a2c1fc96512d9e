/**
 * Web Chat in Roman Urdu, in real Chromium against the real app: the toggle offers English / اردو /
 * Roman Urdu; Roman Urdu keeps the page and the cards left-to-right and the bot answers in Roman Urdu.
 * Screenshots: test-artifacts/webchat-roman-urdu-*.png.
 */
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/app';
import { describeWithChromium, launchBrowser, type TestBrowser } from '../helpers/browser';
import enPage from '../../locales/en/webchat.json';
import romanPage from '../../locales/ur-Latn/webchat.json';
import romanCommon from '../../locales/ur-Latn/common.json';
import romanIntake from '../../locales/ur-Latn/intake.json';

const SECRET = 'browser-test-directline-secret-0123456789';

describeWithChromium('Web Chat in Roman Urdu', () => {
  let t: TestApp;
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    t = await startTestApp({ DIRECTLINE_SECRET: SECRET });
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const card = (text: string) => page.locator('.ac-adaptiveCard', { hasText: text }).last();

  it('offers English, اردو and Roman Urdu on the toggle', async () => {
    await page.goto(t.baseUrl);
    const labels = await page.locator('.language-option').allTextContents();
    expect(labels).toEqual([enPage.toggle.en, enPage.toggle.ur, enPage.toggle['ur-Latn']]);
  });

  it('switches to Roman Urdu: the page stays left-to-right and the bot answers with a Roman Urdu menu card', async () => {
    await page.getByRole('button', { name: enPage.toggle['ur-Latn'] }).click();
    await page.locator('.language-option[data-lang="ur-Latn"][aria-pressed="true"]').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ur-Latn');
    expect(await page.locator('#pseb-page').getAttribute('dir')).toBe('ltr');
    expect(await page.locator('.helpline').textContent()).toBe(romanPage.page.helpline);
    await page.getByPlaceholder(romanPage.ui.placeholder).waitFor();
    const menu = card(romanCommon.menu.title);
    await menu.waitFor({ timeout: 20_000 });
    expect(await menu.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    await page.getByText(romanCommon.language.switched).first().waitFor();
    await browser.screenshot(page, 'webchat-roman-urdu-menu');
  });

  it('starts a whitelisting request from the menu and shows the form card in Roman Urdu, left-to-right', async () => {
    await card(romanCommon.menu.title).getByRole('button', { name: romanCommon.menu.items.whitelisting }).first().click();
    const form = card(romanIntake.fields.companyName.label);
    await form.waitFor({ timeout: 20_000 });
    expect(await form.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    await page.getByText(romanIntake.fields.companyName.prompt).last().waitFor({ timeout: 20_000 });
    const box = page.getByPlaceholder(romanPage.ui.placeholder);
    await box.fill('Indus Contact Solutions');
    await box.press('Enter');
    // Web Chat's markdown curls the quotes around "skip", so look for the question up to them.
    const next = page.getByText(romanIntake.fields.psebRegistrationNo.prompt.split('"')[0].trim()).last();
    await next.waitFor({ timeout: 20_000 });
    await next.scrollIntoViewIfNeeded();
    await browser.screenshot(page, 'webchat-roman-urdu-form');
  });

  it('ran without console errors or Content-Security-Policy violations', () => {
    expect(browser.errors).toEqual([]);
  });
});

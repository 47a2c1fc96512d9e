/**
 * The console's request detail in real Chromium: a whitelisting request shows its public IPs and city,
 * a WFH request its dates and an agent table with masked CNICs, every field under its translated label,
 * in English and in Urdu.
 */
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/app';
import { describeWithChromium, launchBrowser, type TestBrowser } from '../helpers/browser';
import { seedWfh, seedWhitelisting } from '../bot/console/realRequests';
import en from '../../locales/en/console.json';
import ur from '../../locales/ur/console.json';

const DEV_TOKEN = 'browser-console-requests-token-0123456789';

describeWithChromium('console request detail', () => {
  let t: TestApp;
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    t = await startTestApp({ CONSOLE_DEV_TOKEN: DEV_TOKEN });
    browser = await launchBrowser();
    page = await browser.newPage();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function openDetail(reference: string, lang: 'en' | 'ur', strings: typeof en) {
    await page.goto(`${t.baseUrl}/console?devToken=${DEV_TOKEN}&lang=${lang}`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    await page.getByRole('button', { name: strings.nav.requests, exact: true }).click();
    await page.locator(`button[data-open="${reference}"]`).click();
    const detail = page.locator('#request-detail');
    await detail.locator('h2', { hasText: reference }).waitFor({ timeout: 20_000 });
    return detail;
  }

  /** The label and the value of a field as shown. */
  async function shown(detail: ReturnType<Page['locator']>, name: string): Promise<[string, string]> {
    return [await detail.locator(`dt[data-field="${name}"]`).innerText(), await detail.locator(`dd[data-field="${name}"]`).innerText()];
  }

  it('shows a whitelisting request with its public IPs, city and every field labelled, in English and Urdu', async () => {
    const request = await seedWhitelisting(t.db.prisma);
    let detail = await openDetail(request.reference, 'en', en);
    expect(await shown(detail, 'ipAddresses')).toEqual([en.requests.field.ipAddresses, '39.45.12.7\n39.45.13.0/28']);
    expect(await shown(detail, 'city')).toEqual([en.requests.field.city, en.requests.cities.karachi]);
    expect(await shown(detail, 'ntn')).toEqual([en.requests.field.ntn, '1234567-8']);
    expect(await shown(detail, 'contactCnic')).toEqual([en.requests.field.contactCnic, '42101-*******-1']);
    expect(await shown(detail, 'psebRegistrationNo')).toEqual([en.requests.field.psebRegistrationNo, en.requests.skipped]);
    expect(await shown(detail, 'agentSeats')).toEqual([en.requests.field.agentSeats, '120']);
    // A whitelisting request has seats, not agents; and nothing reads "null" or "undefined".
    expect(await detail.locator('table', { hasText: en.requests.agentName }).count()).toBe(0);
    expect(await detail.innerText()).not.toMatch(/\b(null|undefined)\b/);
    // No raw keys anywhere among the labels.
    for (const label of await detail.locator('dt').allInnerTexts()) expect(label).not.toMatch(/^[a-z]+[A-Z]\w*$/);
    await browser.screenshot(page, 'console-request-whitelisting-en');

    detail = await openDetail(request.reference, 'ur', ur as typeof en);
    expect(await shown(detail, 'city')).toEqual([ur.requests.field.city, ur.requests.cities.karachi]);
    expect((await shown(detail, 'ipAddresses'))[0]).toBe(ur.requests.field.ipAddresses);
    await browser.screenshot(page, 'console-request-whitelisting-ur');
    // teams-js looks up its valid domains on a CDN the console's CSP blocks outside Teams; anything else is a defect.
    expect(browser.errors.filter((e) => !e.includes('teams-js/validDomains'))).toEqual([]);
  }, 240_000);

  it('shows a WFH request with its dates and the agents with masked CNICs', async () => {
    const request = await seedWfh(t.db.prisma);
    const detail = await openDetail(request.reference, 'en', en);
    expect(await shown(detail, 'startDate')).toEqual([en.requests.field.startDate, '2026-12-02']);
    expect(await shown(detail, 'endDate')).toEqual([en.requests.field.endDate, '2026-12-31']);
    expect(await shown(detail, 'whitelistingReference')).toEqual([en.requests.field.whitelistingReference, 'WL-7K3M9Q']);
    const agents = detail.locator('table', { hasText: en.requests.agentName });
    const text = await agents.innerText();
    expect(text).toContain('35202-*******-3');
    expect(text).toContain(en.requests.dynamicIp);
    expect(text).not.toContain('35202-7654321-3');
    // The list's Agents column: 2 for this WFH request.
    const row = page.locator('tr', { has: page.locator(`button[data-open="${request.reference}"]`) });
    expect(await row.innerText()).toMatch(/\b2\b/);
    await browser.screenshot(page, 'console-request-wfh-en');
  }, 240_000);
});

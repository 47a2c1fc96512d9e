/**
 * Whole journeys in the Web Chat page, in real Chromium: a whitelisting request filed through the
 * one-card form, and a hand-off where a PSEB staff member in Teams (the loopback connector) claims the
 * chat and writes to the user. Expected texts come from the locale files.
 */
import type { Page } from 'playwright-core';
import { startHarness, staff, en, type Harness } from '../bot/handoff/harness';
import { describeWithChromium, launchBrowser, waitUntil, type TestBrowser } from '../helpers/browser';
import { Verbs } from '../../cards/verbs';

const SECRET = 'browser-flows-directline-secret-0123456789';

describeWithChromium('Web Chat journeys', () => {
  let h: Harness;
  let browser: TestBrowser;

  beforeAll(async () => {
    h = await startHarness({ DIRECTLINE_SECRET: SECRET });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  /** Opens the page in a new tab; resolves with the tab and the conversation its token opened. */
  async function openChat(): Promise<{ page: Page; conversationId: string }> {
    const page = await browser.context.newPage();
    const token = page.waitForResponse((res) => res.url().endsWith('/api/webchat/token'));
    await page.goto(h.test.baseUrl);
    const { conversationId } = (await (await token).json()) as { conversationId: string };
    await page.locator('.ac-adaptiveCard', { hasText: en('common:welcome.title') }).waitFor({ timeout: 20_000 });
    return { page, conversationId };
  }

  /** The newest adaptive card with this text. */
  const card = (page: Page, text: string) => page.locator('.ac-adaptiveCard', { hasText: text }).last();
  /** The newest chat bubble with this text (Web Chat's markdown renders straight quotes curly). */
  const bubble = (page: Page, text: string | RegExp) =>
    page.locator('.webchat__bubble', { hasText: typeof text === 'string' ? asRendered(text) : text }).last();

  it('files a whitelisting request through the one-card form and shows its reference', async () => {
    const { page, conversationId } = await openChat();
    await page
      .getByRole('button', { name: en('common:menu.items.whitelisting') })
      .first()
      .click();

    const kind = en('requests:kinds.whitelisting');
    const form = page
      .locator('.ac-adaptiveCard', { has: page.locator('input') })
      .filter({ hasText: en('intake:flow.cardIntro') })
      .last();
    await form.waitFor({ timeout: 20_000 });
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
    await browser.screenshot(page, 'webchat-whitelisting-form');
    await form.getByRole('button', { name: en('intake:flow.card.submit'), exact: true }).click();

    const summary = card(page, en('intake:flow.summary.title', { title: kind }));
    await summary.waitFor({ timeout: 20_000 });
    expect(await summary.innerText()).toContain('Indus Contact Solutions (Pvt) Ltd');
    await summary.getByRole('button', { name: en('intake:flow.summary.submit'), exact: true }).click();

    const confirmation = bubble(page, /\bWL-[0-9A-Z]{6}\b/);
    await confirmation.waitFor({ timeout: 20_000 });
    const reference = /\bWL-[0-9A-Z]{6}\b/.exec(await confirmation.innerText())![0];
    expect(await confirmation.innerText()).toMatch(asRendered(en('intake:flow.submitted', { title: kind, reference })));
    await confirmation.scrollIntoViewIfNeeded();
    await browser.screenshot(page, 'webchat-whitelisting-submitted');

    const request = await h.test.db.prisma.request.findUnique({ where: { reference } });
    expect(request).toMatchObject({
      kind: 'whitelisting',
      channelId: 'webchat',
      conversationId,
      companyName: 'Indus Contact Solutions (Pvt) Ltd',
      status: 'SUBMITTED',
    });
    expect(request?.fields).toMatchObject({ ntn: '1234567-8', agentSeats: 120 });
    // Personal data typed into the page never reaches the logs.
    const logs = h.test.logs.join('\n');
    expect(logs).not.toContain('42101-1234567-1');
    expect(logs).not.toContain('0300-1234567');
    await page.close();
  });

  it('hands the user over to a staff member in Teams, whose messages appear in the page', async () => {
    const { page, conversationId } = await openChat();
    await page
      .getByRole('button', { name: en('common:menu.items.agent') })
      .first()
      .click();
    await bubble(page, en('handoff:user.queued', { position: 1 })).waitFor({ timeout: 20_000 });

    // The support channel got a card in a new thread; the first staff member claims it there.
    let threadId = '';
    let handoffId = '';
    await waitUntil('the hand-off card in the support channel', async () => {
      const row = await h.test.db.prisma.handoff.findFirst({ where: { userConversationId: conversationId } });
      threadId = row?.threadConversationId ?? '';
      handoffId = row?.id ?? '';
      return Boolean(threadId);
    });
    const agent = h.member(staff[0]);
    await agent.click(threadId, { verb: Verbs.handoffClaim, handoffId });
    await bubble(page, en('handoff:user.joined', { agent: staff[0].name })).waitFor({ timeout: 5_000 });

    const greeting = 'Assalam-o-Alaikum! I can help with your whitelisting request.';
    await agent.write(threadId, greeting);
    await bubble(page, en('handoff:user.agentSays', { agent: staff[0].name, text: greeting })).waitFor({ timeout: 5_000 });

    // And back: what the user types in the page reaches the thread.
    const question = 'Thank you, which documents do I need?';
    const box = page.getByPlaceholder(en('webchat:ui.placeholder'));
    await box.fill(question);
    await box.press('Enter');
    await waitUntil('the user message in the thread', () =>
      h.connector.sentTo(threadId).some((a) => typeof a.text === 'string' && a.text.includes(question)),
    );
    // Web Chat's own (en-US) status under the user's bubble clears once the post returns.
    await page.locator('.webchat__bubble--from-user', { hasText: question }).waitFor();
    await page.getByText('Sending', { exact: true }).waitFor({ state: 'hidden', timeout: 5_000 });
    await browser.screenshot(page, 'webchat-handoff');
    expect((await h.handoffOf(conversationId)).status).toBe('ACTIVE');
    await page.close();
  });

  it('ran without console errors or Content-Security-Policy violations', () => {
    expect(browser.errors).toEqual([]);
  });
});

/** Matches a text as Web Chat shows it: any quote may have been made typographic. */
function asRendered(text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(escaped.replace(/"/g, '["“”]').replace(/'/g, "['‘’]"));
}

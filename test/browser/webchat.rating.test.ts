/** The rating card after a hand-off, in the real Web Chat page: a score button with a comment is stored. */
import { startHarness, staff, en, type Harness } from '../bot/handoff/harness';
import { describeWithChromium, launchBrowser, waitUntil, type TestBrowser } from '../helpers/browser';
import { Verbs } from '../../cards/verbs';

const SECRET = 'browser-rating-directline-secret-0123456789';

describeWithChromium('rating a hand-off in Web Chat', () => {
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

  it('shows the rating card when the agent ends the chat and stores the score and comment', async () => {
    const page = await browser.context.newPage();
    const token = page.waitForResponse((res) => res.url().endsWith('/api/webchat/token'));
    await page.goto(h.test.baseUrl);
    const { conversationId } = (await (await token).json()) as { conversationId: string };
    await page.locator('.ac-adaptiveCard', { hasText: en('common:welcome.title') }).waitFor({ timeout: 20_000 });
    await page
      .getByRole('button', { name: en('common:menu.items.agent') })
      .first()
      .click();

    let handoff = await h.test.db.prisma.handoff.findFirst({ where: { userConversationId: conversationId } });
    await waitUntil('the hand-off card', async () => {
      handoff = await h.test.db.prisma.handoff.findFirst({ where: { userConversationId: conversationId } });
      return Boolean(handoff?.threadConversationId);
    });
    const thread = handoff!.threadConversationId!;
    await h.member(staff[0]).click(thread, { verb: Verbs.handoffClaim, handoffId: handoff!.id });
    await h.member(staff[0]).write(thread, '/end');

    const card = page.locator('.ac-adaptiveCard', { hasText: en('handoff:rating.askCard') }).last();
    await card.waitFor({ timeout: 20_000 });
    await card.locator('textarea, input').first().fill('Quick and clear, thank you');
    await browser.screenshot(page, 'webchat-rating');
    await card.getByRole('button', { name: en('handoff:rating.scores.4'), exact: true }).click();
    await page
      .locator('.webchat__bubble', { hasText: en('handoff:rating.thanks') })
      .last()
      .waitFor({ timeout: 20_000 });
    expect(await h.test.db.prisma.handoffRating.findUniqueOrThrow({ where: { handoffId: handoff!.id } })).toMatchObject({
      status: 'rated',
      score: 4,
      comment: 'Quick and clear, thank you',
      agentName: staff[0].name,
    });
    expect(browser.errors).toEqual([]);
    await page.close();
  });
});

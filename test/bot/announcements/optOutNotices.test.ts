/**
 * Opting out of announcements silences announcements only: the applicant's decision notice still
 * reaches them (the request workflow's own notifier, with a staff decision in the support channel).
 */
import { textOfAll } from '../../helpers/app';
import { en, staff } from '../handoff/harness';
import { startDecisionsHarness, type DecisionsHarness } from '../requests/helpers';
import { Verbs } from '../../../cards/verbs';

let h: DecisionsHarness;
beforeAll(async () => {
  h = await startDecisionsHarness();
});
afterAll(async () => {
  await h?.close();
});

it('still tells an opted-out applicant the decision on their request', async () => {
  const user = h.user('webchat');
  await user.say('hi');
  expect(textOfAll(await user.say('stop announcements'))).toBe(en('announcements:optedOut'));
  expect(await h.test.db.prisma.announcementOptOut.count({ where: { userKey: `webchat:${user.userId}` } })).toBe(1);
  const request = await h.submitted(user);
  await h
    .member(staff[0])
    .click(request.threadConversationId, { verb: Verbs.requestDecide, reference: request.reference, decision: 'approve' });
  const notice = JSON.stringify(h.connector.sentTo(user.conversationId));
  expect(notice).toContain(en('decisions:user.body.APPROVED', { reference: request.reference }));
});

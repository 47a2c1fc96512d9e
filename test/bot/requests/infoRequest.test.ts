/**
 * "Ask for information": the applicant is asked in their conversation, answers with the Reply button or
 * their next message (confirmed first), the answer reaches the request's thread and the request is back
 * in review. Expected texts come from the locale files.
 */
import { TestUser, textOfAll } from '../../helpers/app';
import { en, staff, ur } from '../handoff/harness';
import { startDecisionsHarness, type DecisionsHarness } from './helpers';
import { Verbs } from '../../../cards/verbs';
import { formatStaffTime } from '../../../bot/requests/transitions';

let h: DecisionsHarness;

beforeAll(async () => {
  h = await startDecisionsHarness();
});

afterAll(async () => {
  await h?.close();
});

type Submitted = Awaited<ReturnType<DecisionsHarness['submitted']>>;

/** Staff asks for information on the request's card. */
async function askForInfo(request: Submitted, note: string) {
  const answer = await h
    .member(staff[0])
    .click(request.threadConversationId, { verb: Verbs.requestDecide, reference: request.reference, decision: 'needs_info', note });
  expect(textOfAll(answer)).toContain(
    en('decisions:staff.decided', { status: en('decisions:status.INFO_REQUESTED'), reference: request.reference }),
  );
}

/** Texts the bot posted in the request's thread. */
function threadTexts(request: Submitted): string[] {
  return h.connector.sentTo(request.threadConversationId).map((a) => (typeof a.text === 'string' ? a.text : ''));
}

/** A user on the plain-text test channel, reachable through the connector. */
function textUser(): TestUser {
  return new TestUser(h.test.baseUrl, 'test', undefined, undefined, h.connector.serviceUrl);
}

describe('asking the applicant for information', () => {
  it('sends the note with a Reply button, confirms the next message, attaches it to the thread and returns to review', async () => {
    const user = h.user('webchat');
    await user.say('hi');
    const request = await h.submitted(user);
    await askForInfo(request, 'Please send the public IP of your second office.');

    expect((await h.request(request.reference)).status).toBe('INFO_REQUESTED');
    const notice = JSON.stringify(h.connector.sentTo(user.conversationId));
    expect(notice).toContain(en('decisions:user.body.INFO_REQUESTED', { reference: request.reference }));
    expect(notice).toContain(en('decisions:user.note', { note: 'Please send the public IP of your second office.' }));
    expect(notice).toContain(Verbs.requestReply);
    expect(notice).toContain(en('decisions:user.reply'));
    expect(h.latestCard(request)).not.toContain(Verbs.requestDecide);

    const offered = await user.say('It is 39.45.12.9, and my CNIC is 42101-1234567-1');
    expect(textOfAll(offered)).toContain(en('decisions:user.confirmAttach', { reference: request.reference }));
    expect((await h.request(request.reference)).status).toBe('INFO_REQUESTED');

    const attached = await user.say('yes');
    expect(textOfAll(attached)).toContain(en('decisions:user.answerSent', { reference: request.reference }));
    expect(threadTexts(request)).toContain(
      en('decisions:staff.userAnswered', { reference: request.reference, text: 'It is 39.45.12.9, and my CNIC is 42101-*******-1' }),
    );

    const row = await h.request(request.reference);
    expect(row.status).toBe('IN_REVIEW');
    const events = await h.events(request.id);
    expect(events[events.length - 1]).toEqual({
      fromStatus: 'INFO_REQUESTED',
      toStatus: 'IN_REVIEW',
      actorId: user.userId,
      note: 'It is 39.45.12.9, and my CNIC is 42101-1234567-1',
    });
    const card = h.latestCard(request);
    expect(card).toContain(Verbs.requestDecide);
    expect(card).toContain('42101-*******-1');
    expect(card).not.toContain('42101-1234567-1');

    // The flow is over: the next message is the bot's again.
    expect(textOfAll(await user.say('menu'))).toContain(en('common:menu.title'));
  });

  it('takes the message after the Reply button as the answer, without asking again', async () => {
    const user = h.user('webchat');
    await user.say('hi');
    const request = await h.submitted(user);
    await askForInfo(request, 'How many seats are in Lahore?');

    const asked = await user.submit({ verb: Verbs.requestReply, reference: request.reference });
    expect(textOfAll(asked)).toContain(en('decisions:user.askAnswer', { reference: request.reference }));
    const sent = await user.say('40 seats in Lahore');
    expect(textOfAll(sent)).toContain(en('decisions:user.answerSent', { reference: request.reference }));
    expect(threadTexts(request)).toContain(
      en('decisions:staff.userAnswered', { reference: request.reference, text: '40 seats in Lahore' }),
    );
    expect((await h.request(request.reference)).status).toBe('IN_REVIEW');
  });

  it('keeps a declined message to itself, stops offering, and still takes "reply" on a text-only channel', async () => {
    const user = textUser();
    await user.say('hi');
    const request = await h.submitted(user);
    await askForInfo(request, 'Which city is the office in?');
    const notice = JSON.stringify(h.connector.sentTo(user.conversationId));
    expect(notice).toContain(en('decisions:user.replyHintText').replace(/"/g, '\\"'));

    expect(textOfAll(await user.say('what documents do I need for whitelisting?'))).toContain(
      en('decisions:user.confirmAttach', { reference: request.reference }),
    );
    expect(textOfAll(await user.say('no'))).toContain(en('decisions:user.notAttached', { reference: request.reference }));
    expect(textOfAll(await user.say('thanks, and what about work from home rules?'))).not.toContain(
      en('decisions:user.confirmAttach', { reference: request.reference }),
    );
    expect((await h.request(request.reference)).status).toBe('INFO_REQUESTED');
    expect(threadTexts(request).some((text) => text.includes('what documents'))).toBe(false);

    expect(textOfAll(await user.say('reply'))).toContain(en('decisions:user.askAnswer', { reference: request.reference }));
    expect(textOfAll(await user.say('Karachi'))).toContain(en('decisions:user.answerSent', { reference: request.reference }));
    expect((await h.request(request.reference)).status).toBe('IN_REVIEW');
  });

  it('lets a command through instead of offering it as the answer', async () => {
    const user = h.user('webchat');
    await user.say('hi');
    const request = await h.submitted(user);
    await askForInfo(request, 'Please confirm the NTN.');
    const menu = await user.say('menu');
    expect(textOfAll(menu)).toContain(en('common:menu.title'));
    expect(textOfAll(menu)).not.toContain(en('decisions:user.confirmAttach', { reference: request.reference }));
    expect((await h.request(request.reference)).status).toBe('INFO_REQUESTED');
  });

  it('confirms and thanks an Urdu applicant in Urdu', async () => {
    const user = h.user('skype', 'ur-PK');
    await user.say('السلام علیکم');
    const request = await h.submitted(user, { language: 'ur' });
    await askForInfo(request, 'Please send your NTN certificate.');
    expect(JSON.stringify(h.connector.sentTo(user.conversationId))).toContain(
      ur('decisions:user.body.INFO_REQUESTED', { reference: request.reference }),
    );

    expect(textOfAll(await user.say('میرا این ٹی این 1234567-8 ہے'))).toContain(
      ur('decisions:user.confirmAttach', { reference: request.reference }),
    );
    expect(textOfAll(await user.say('ہاں'))).toContain(ur('decisions:user.answerSent', { reference: request.reference }));
    expect(threadTexts(request)).toContain(
      en('decisions:staff.userAnswered', { reference: request.reference, text: 'میرا این ٹی این 1234567-8 ہے' }),
    );
    expect((await h.request(request.reference)).status).toBe('IN_REVIEW');
  });

  it('refuses a decision while the applicant has not answered, and a Reply once the request moved on', async () => {
    const user = h.user('webchat');
    await user.say('hi');
    const request = await h.submitted(user);
    await askForInfo(request, 'Please send the lease agreement.');

    const early = await h
      .member(staff[1])
      .click(request.threadConversationId, { verb: Verbs.requestDecide, reference: request.reference, decision: 'approve' });
    const asked = await h.test.db.prisma.requestEvent.findFirstOrThrow({ where: { requestId: request.id, toStatus: 'INFO_REQUESTED' } });
    expect(textOfAll(early)).toContain(
      en('decisions:staff.alreadyDecided', {
        reference: request.reference,
        status: en('decisions:status.INFO_REQUESTED'),
        actor: staff[0].name,
        at: formatStaffTime(asked.createdAt),
      }),
    );
    expect((await h.request(request.reference)).status).toBe('INFO_REQUESTED');

    await user.submit({ verb: Verbs.requestReply, reference: request.reference });
    await user.say('Attached to email');
    const late = await user.submit({ verb: Verbs.requestReply, reference: request.reference });
    expect(textOfAll(late)).toContain(en('decisions:user.noLongerWaiting', { reference: request.reference }));
  });
});

/**
 * Staff decisions end to end: applicants on Web Chat / Skype / the test channel, staff in the Teams
 * support channel, everything the bot sends recorded by the loopback connector. Expected texts come
 * from the locale files.
 */
import { textOfAll } from '../../helpers/app';
import { channelId, en, outsider, plainTextsSentTo, staff, ur } from '../handoff/harness';
import { startDecisionsHarness, type DecisionsHarness } from './helpers';
import { Verbs } from '../../../cards/verbs';
import { createI18n } from '../../../bot/i18n';

const roman = createI18n().getFixedT('ur-Latn');
import { formatStaffTime } from '../../../bot/requests/transitions';
import type { RequestStatus } from '../../../bot/domain/lifecycle';

let h: DecisionsHarness;

beforeAll(async () => {
  h = await startDecisionsHarness();
});

afterAll(async () => {
  await h?.close();
});

/** A staff member's click on the card's decision buttons (Action.Submit, inputs merged into the value). */
function decide(who: (typeof staff)[number] | typeof outsider, threadId: string, reference: string, decision: string, note?: string) {
  return h.member(who).click(threadId, { verb: Verbs.requestDecide, reference, decision, ...(note === undefined ? {} : { note }) });
}

/** The event that put the request in `status`. */
function decisiveEvent(requestId: string, status: RequestStatus) {
  return h.test.db.prisma.requestEvent.findFirstOrThrow({ where: { requestId, toStatus: status }, orderBy: { createdAt: 'desc' } });
}

/** Everything (text and cards) sent to the applicant's conversation, as one string. */
function sentToUser(conversationId: string): string {
  return JSON.stringify(h.connector.sentTo(conversationId));
}

describe('the new-request card', () => {
  it('posts a new thread in the support channel with the request, a masked contact and the three decisions', async () => {
    const user = h.user('webchat');
    await user.say('hi');
    const request = await h.submitted(user);

    const created = h.connector.created.find((c) => JSON.stringify(c.body).includes(request.reference));
    expect(created?.body).toMatchObject({ isGroup: true, channelData: { channel: { id: channelId } } });
    const card = JSON.stringify(created?.body);
    for (const text of [
      en('decisions:card.title', { kind: en('decisions:kind.whitelisting'), reference: request.reference }),
      'Indus Contact Solutions',
      '120',
      'Ayesha Malik',
      '+92 3** *****67',
      '42101-*******-1',
      en('decisions:card.state.SUBMITTED'),
      en('decisions:card.action.approve'),
      en('decisions:card.action.reject'),
      en('decisions:card.action.needs_info'),
      Verbs.requestDecide,
    ]) {
      expect(card).toContain(text);
    }
    expect(card).not.toContain('42101-1234567-1');
    expect(card).not.toContain('0300-1234567');
    expect(card).toContain('"id":"note"');
    expect(request.status).toBe('SUBMITTED');
  });

  it('shows the agent count and dates of a work-from-home request', async () => {
    const user = h.user('skype');
    await user.say('hello');
    const request = await h.submitted(user, { kind: 'wfh' });
    const card = h.latestCard(request);
    expect(card).toContain(en('decisions:card.facts.agents'));
    expect(card).toMatch(/"value":"3"/);
    expect(card).toContain(en('decisions:card.dateRange', { start: '2020-04-01', end: '2020-04-30' }));
    expect(card).toContain('+92 3** *****21');
  });

  it('posts the card once even when notified twice', async () => {
    const user = h.user('webchat');
    await user.say('hi');
    const request = await h.submitted(user);
    await h.feature.notifyRequestSubmitted(request);
    expect(h.connector.created.filter((c) => JSON.stringify(c.body).includes(request.reference))).toHaveLength(1);
  });
});

describe('deciding', () => {
  it('moves the request to IN_REVIEW when a staff member writes in its thread, once', async () => {
    const user = h.user('webchat');
    await user.say('hi');
    const request = await h.submitted(user);

    const opened = await h.member(staff[1]).write(request.threadConversationId, 'Looking at this one');
    expect(textOfAll(opened)).toContain(en('decisions:staff.opened', { actor: staff[1].name, reference: request.reference }));
    expect((await h.request(request.reference)).status).toBe('IN_REVIEW');
    const event = await decisiveEvent(request.id, 'IN_REVIEW');
    expect(h.latestCard(request)).toContain(
      en('decisions:card.state.IN_REVIEW', { actor: staff[1].name, at: formatStaffTime(event.createdAt) }),
    );

    const again = await h.member(staff[0]).write(request.threadConversationId, 'me too');
    expect(textOfAll(again)).toContain(en('decisions:staff.threadHint'));
    expect(await h.events(request.id)).toEqual([
      { fromStatus: 'SUBMITTED', toStatus: 'IN_REVIEW', actorId: staff[1].aadObjectId, note: null },
    ]);
    // Nothing from the thread reaches the applicant.
    expect(sentToUser(user.conversationId)).not.toContain('Looking at this one');
  });

  it('approves: two events, the card updated without buttons, the applicant told in English; a second approve changes nothing', async () => {
    const user = h.user('webchat');
    await user.say('hi');
    const request = await h.submitted(user);

    const approved = await decide(staff[0], request.threadConversationId, request.reference, 'approve', 'Welcome aboard.');
    const status = en('decisions:status.APPROVED');
    expect(textOfAll(approved)).toContain(en('decisions:staff.decided', { status, reference: request.reference }));

    const row = await h.request(request.reference);
    expect(row.status).toBe('APPROVED');
    expect(row.notifyError).toBeNull();
    expect(await h.events(request.id)).toEqual([
      { fromStatus: 'SUBMITTED', toStatus: 'IN_REVIEW', actorId: staff[0].aadObjectId, note: null },
      { fromStatus: 'IN_REVIEW', toStatus: 'APPROVED', actorId: staff[0].aadObjectId, note: 'Welcome aboard.' },
    ]);

    const event = await decisiveEvent(request.id, 'APPROVED');
    const card = h.latestCard(request);
    expect(card).toContain(en('decisions:card.state.APPROVED', { actor: staff[0].name, at: formatStaffTime(event.createdAt) }));
    expect(card).toContain(en('decisions:card.note', { note: 'Welcome aboard.' }));
    expect(card).not.toContain(Verbs.requestDecide);

    const notice = sentToUser(user.conversationId);
    expect(notice).toContain(en('decisions:user.headline', { reference: request.reference, status }));
    expect(notice).toContain(en('decisions:user.body.APPROVED', { reference: request.reference }));
    expect(notice).toContain(en('decisions:user.note', { note: 'Welcome aboard.' }));
    expect(notice).not.toContain(Verbs.requestReply);

    const late = await decide(staff[1], request.threadConversationId, request.reference, 'approve');
    expect(textOfAll(late)).toContain(
      en('decisions:staff.alreadyDecided', {
        reference: request.reference,
        status,
        actor: staff[0].name,
        at: formatStaffTime(event.createdAt),
      }),
    );
    expect(await h.events(request.id)).toHaveLength(2);

    // The same person clicking again (or their turn re-run) is told it is done, and nothing is sent twice.
    const double = await decide(staff[0], request.threadConversationId, request.reference, 'approve');
    expect(textOfAll(double)).toContain(en('decisions:staff.decided', { status, reference: request.reference }));
    expect(await h.events(request.id)).toHaveLength(2);
    expect(h.connector.sentTo(user.conversationId).filter((a) => JSON.stringify(a).includes(request.reference))).toHaveLength(1);
  });

  it('tells an Urdu applicant in Urdu, on Skype', async () => {
    const user = h.user('skype', 'ur-PK');
    await user.say('السلام علیکم');
    const request = await h.submitted(user, { language: 'ur' });

    await decide(staff[1], request.threadConversationId, request.reference, 'reject', 'Your NTN does not match the company name.');
    const notice = sentToUser(user.conversationId);
    expect(notice).toContain(ur('decisions:user.headline', { reference: request.reference, status: ur('decisions:status.REJECTED') }));
    expect(notice).toContain(ur('decisions:user.body.REJECTED', { reference: request.reference }));
    expect(notice).toContain(ur('decisions:user.note', { note: 'Your NTN does not match the company name.' }));
    expect(notice).toContain('application/vnd.microsoft.card.hero');
    expect(notice).not.toContain(en('decisions:user.body.REJECTED', { reference: request.reference }));
  });

  it('tells a Roman Urdu applicant in Roman Urdu on a left-to-right card, on Web Chat', async () => {
    const user = h.user('webchat');
    await user.say('hi');
    const request = await h.submitted(user, { language: 'ur-Latn' });

    await decide(staff[0], request.threadConversationId, request.reference, 'approve');
    const sent = h.connector.sentTo(user.conversationId).filter((a) => JSON.stringify(a).includes(request.reference));
    const notice = JSON.stringify(sent);
    expect(notice).toContain(
      roman('decisions:user.headline', { reference: request.reference, status: roman('decisions:status.APPROVED') }),
    );
    expect(notice).toContain(roman('decisions:user.body.APPROVED', { reference: request.reference }));
    expect(notice).not.toContain(en('decisions:user.body.APPROVED', { reference: request.reference }));
    expect(notice).toContain('application/vnd.microsoft.card.adaptive');
    expect(notice).not.toContain('"rtl":true');
  });

  it('refuses a click from someone who is not staff and changes nothing', async () => {
    const user = h.user('webchat');
    await user.say('hi');
    const request = await h.submitted(user);
    const before = h.connector.calls.length;

    const refused = await decide(outsider, request.threadConversationId, request.reference, 'approve');
    expect(textOfAll(refused)).toContain(en('decisions:staff.notStaff'));
    const typed = await h.member(outsider).write(request.threadConversationId, 'approve it please');
    expect(textOfAll(typed)).toContain(en('decisions:staff.notStaff'));

    expect((await h.request(request.reference)).status).toBe('SUBMITTED');
    expect(await h.events(request.id)).toEqual([]);
    expect(h.connector.calls.slice(before).filter((c) => c.conversationId === user.conversationId || c.method === 'PUT')).toEqual([]);
  });

  it('asks for a note before rejecting or asking for information, and changes nothing without one', async () => {
    const user = h.user('webchat');
    await user.say('hi');
    const request = await h.submitted(user);
    for (const decision of ['reject', 'needs_info'] as const) {
      const answer = await decide(staff[0], request.threadConversationId, request.reference, decision, '   ');
      expect(textOfAll(answer)).toContain(en('decisions:staff.noteRequired', { action: en(`decisions:card.action.${decision}`) }));
    }
    const tampered = await decide(staff[0], request.threadConversationId, request.reference, 'delete');
    expect(textOfAll(tampered)).toContain(en('decisions:staff.invalid'));
    expect((await h.request(request.reference)).status).toBe('SUBMITTED');
    expect(await h.events(request.id)).toEqual([]);
  });

  it('takes Action.Execute (Teams universal actions) like Action.Submit', async () => {
    const user = h.user('webchat');
    await user.say('hi');
    const request = await h.submitted(user);
    const res = await h.member(staff[0]).send(request.threadConversationId, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      deliveryMode: undefined,
      value: { action: { type: 'Action.Execute', verb: Verbs.requestDecide, data: { reference: request.reference, decision: 'approve' } } },
    });
    expect(res).toEqual([]);
    expect((await h.request(request.reference)).status).toBe('APPROVED');
    const replies = plainTextsSentTo(h.connector, request.threadConversationId);
    expect(replies).toContain(en('decisions:staff.decided', { status: en('decisions:status.APPROVED'), reference: request.reference }));
  });
});

describe('notifications that fail', () => {
  it('records an unreachable applicant on the request and keeps the decision', async () => {
    const user = h.user('webchat');
    await user.say('My CNIC is 42101-1234567-1 and my number 0300-1234567');
    const request = await h.submitted(user);
    h.connector.failNext(new RegExp(`/v3/conversations/${user.conversationId}/activities`), {
      status: 403,
      code: 'BotNotInConversationRoster',
    });

    const answer = await decide(staff[0], request.threadConversationId, request.reference, 'approve');
    expect(textOfAll(answer)).toContain(
      en('decisions:staff.decidedUnreachable', {
        status: en('decisions:status.APPROVED'),
        reference: request.reference,
        code: 'BotNotInConversationRoster',
      }),
    );
    const row = await h.request(request.reference);
    expect(row).toMatchObject({ status: 'APPROVED', notifyError: 'BotNotInConversationRoster' });
    expect(row.notifyFailedAt).toBeInstanceOf(Date);
    expect(await h.events(request.id)).toHaveLength(2);
    const event = await decisiveEvent(request.id, 'APPROVED');
    expect(h.latestCard(request)).toContain(
      en('decisions:card.state.APPROVED', { actor: staff[0].name, at: formatStaffTime(event.createdAt) }),
    );
    const logs = h.test.logs.join('\n');
    expect(logs).toContain('applicant not reachable');
    expect(logs).not.toContain('42101-1234567-1');
    expect(logs).not.toContain('0300-1234567');
  });

  it('records an applicant whose conversation was never stored', async () => {
    const user = h.user('webchat');
    // No message from this user: nothing stored to reach them with.
    const request = await h.fileRequest(user);
    await h.feature.notifyRequestSubmitted(request);
    const row = await h.request(request.reference);
    await decide(staff[0], row.threadConversationId!, row.reference, 'needs_info', 'Which city?');
    expect(await h.request(request.reference)).toMatchObject({ status: 'INFO_REQUESTED', notifyError: 'NoConversationReference' });
  });
});

describe('concurrent decisions', () => {
  it('lets exactly one of a simultaneous approve and reject win', async () => {
    const user = h.user('webchat');
    await user.say('hi');
    const request = await h.submitted(user);
    const [a, b] = await Promise.all([
      decide(staff[0], request.threadConversationId, request.reference, 'approve'),
      decide(staff[1], request.threadConversationId, request.reference, 'reject', 'Incomplete'),
    ]);
    const answers = [textOfAll(a), textOfAll(b)];
    const row = await h.request(request.reference);
    expect(['APPROVED', 'REJECTED']).toContain(row.status);
    const won = en('decisions:staff.decided', { status: en(`decisions:status.${row.status}`), reference: request.reference });
    const event = await decisiveEvent(request.id, row.status);
    const lost = en('decisions:staff.alreadyDecided', {
      reference: request.reference,
      status: en(`decisions:status.${row.status}`),
      actor: event.actorName,
      at: formatStaffTime(event.createdAt),
    });
    expect(answers.filter((text) => text.includes(won))).toHaveLength(1);
    expect(answers.filter((text) => text.includes(lost))).toHaveLength(1);
    expect((await h.events(request.id)).map((e) => e.toStatus)).toEqual(['IN_REVIEW', row.status]);
    expect(h.connector.sentTo(user.conversationId).filter((x) => JSON.stringify(x).includes(request.reference))).toHaveLength(1);
  });

  it('applies one of many concurrent decisions on the same request', async () => {
    const user = h.user('webchat');
    await user.say('hi');
    const request = await h.fileRequest(user);
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        h.feature.transitions.decide(
          request.reference,
          i % 2 ? 'approve' : 'reject',
          { id: staff[i % 2].aadObjectId, name: staff[i % 2].name },
          'note',
        ),
      ),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok && o.reason === 'alreadyDecided')).toHaveLength(7);
    expect(await h.events(request.id)).toHaveLength(2);
  });
});

/** The pure parts of the hand-off: office hours, phrases, channel failures, the support channel, the card. */
import { isWithinBusinessHours, parseBusinessHours } from '../../../bot/handoff/businessHours';
import { isCancelRequest, isEndRequest, parseAgentCommand } from '../../../bot/handoff/phrases';
import { classifyFailure, defaultRetryPolicy, parseRetryAfter, retryDelay } from '../../../bot/proactive/failures';
import { supportChannelOf, threadReference } from '../../../bot/support/supportChannel';
import { cardState } from '../../../bot/handoff/handoffService';
import { isOfferOpen } from '../../../bot/handoff/userSession';
import { buildHandoffCard } from '../../../cards/handoff.card';
import { en, ur } from './harness';

describe('business hours (Asia/Karachi, UTC+5)', () => {
  const office = parseBusinessHours('Mon-Fri 09:00-17:00');
  it.each([
    ['Monday 09:00 PKT is open', '2026-11-30T04:00:00Z', true],
    ['Monday 08:59 PKT is closed', '2026-11-30T03:59:00Z', false],
    ['Friday 16:59 PKT is open', '2026-12-04T11:59:00Z', true],
    ['Friday 17:00 PKT is closed', '2026-12-04T12:00:00Z', false],
    ['Saturday noon PKT is closed', '2026-12-05T07:00:00Z', false],
    ['Sunday 23:30 UTC is Monday 04:30 PKT, still closed', '2026-11-29T23:30:00Z', false],
  ])('%s', (_name, iso, open) => {
    expect(isWithinBusinessHours(office, new Date(iso))).toBe(open);
  });

  it('treats "always" as always open', () => {
    expect(isWithinBusinessHours(parseBusinessHours('always'), new Date('2026-12-05T22:00:00Z'))).toBe(true);
  });

  it('reads a single day and a range that wraps the week', () => {
    expect(isWithinBusinessHours(parseBusinessHours('Sat 10:00-14:00'), new Date('2026-12-05T06:00:00Z'))).toBe(true);
    const weekend = parseBusinessHours('Sat-Mon 10:00-14:00');
    expect(isWithinBusinessHours(weekend, new Date('2026-11-29T06:00:00Z'))).toBe(true); // Sunday 11:00
    expect(isWithinBusinessHours(weekend, new Date('2026-12-02T06:00:00Z'))).toBe(false); // Wednesday
  });
});

describe('phrases', () => {
  it.each(['end chat', 'End chat.', 'bot', 'BOT!', 'بات ختم', 'chat khatam'])('"%s" ends a chat', (text) =>
    expect(isEndRequest(text)).toBe(true),
  );
  it.each(['my bot question', 'please end my suffering with this form', 'botswana'])('"%s" does not end a chat', (text) =>
    expect(isEndRequest(text)).toBe(false),
  );
  it.each(['cancel', 'Cancel!', 'منسوخ', 'nahi', 'نهيں', 'mansookh'])('"%s" leaves the queue', (text) =>
    expect(isCancelRequest(text)).toBe(true),
  );
  it('does not treat a sentence with "cancel" in it as leaving', () => expect(isCancelRequest('how do I cancel my request?')).toBe(false));

  it('reads /note, /end and plain replies', () => {
    expect(parseAgentCommand('/note  private bit ')).toEqual({ kind: 'note', text: 'private bit' });
    expect(parseAgentCommand('/NOTE')).toEqual({ kind: 'note', text: '' });
    expect(parseAgentCommand(' /end ')).toEqual({ kind: 'end' });
    expect(parseAgentCommand('/endless text')).toEqual({ kind: 'message', text: '/endless text' });
    expect(parseAgentCommand('/notes are great')).toEqual({ kind: 'message', text: '/notes are great' });
    expect(parseAgentCommand('   ')).toEqual({ kind: 'empty' });
  });
});

describe('channel failures', () => {
  const restError = (statusCode: number, code: string, retryAfter?: string) => ({
    statusCode,
    code: 'REST_ERROR',
    response: {
      headers: { get: (n: string) => (n === 'retry-after' ? retryAfter : undefined) },
      bodyAsText: JSON.stringify({ error: { code, message: code } }),
    },
  });

  it('marks 403 BotNotInConversationRoster, 403 MessageWritesBlocked and 404 ConversationNotFound unreachable', () => {
    expect(classifyFailure(restError(403, 'BotNotInConversationRoster'))).toMatchObject({
      kind: 'unreachable',
      code: 'BotNotInConversationRoster',
    });
    expect(classifyFailure(restError(403, 'MessageWritesBlocked'))).toMatchObject({ kind: 'unreachable', code: 'MessageWritesBlocked' });
    expect(classifyFailure(restError(404, 'ConversationNotFound'))).toMatchObject({ kind: 'unreachable', status: 404 });
  });

  it('retries a 429 after its Retry-After, and 5xx / network errors with growing backoff', () => {
    const throttled = classifyFailure(restError(429, 'TooManyRequests', '3'));
    expect(throttled).toMatchObject({ kind: 'retry', retryAfterMs: 3000 });
    expect(retryDelay(throttled, 1, defaultRetryPolicy)).toBe(3000);
    const flaky = classifyFailure(restError(502, 'BadGateway'));
    expect([1, 2, 3].map((attempt) => retryDelay(flaky, attempt, defaultRetryPolicy))).toEqual([500, 1000, 2000]);
    expect(retryDelay(flaky, defaultRetryPolicy.attempts, defaultRetryPolicy)).toBeUndefined();
    expect(classifyFailure(new Error('socket hang up')).kind).toBe('retry');
  });

  it('gives up at once on a Retry-After too long to wait inside a request, and on other 4xx', () => {
    expect(retryDelay(classifyFailure(restError(429, 'TooManyRequests', '3600')), 1, defaultRetryPolicy)).toBeUndefined();
    expect(retryDelay(classifyFailure(restError(400, 'BadArgument')), 1, defaultRetryPolicy)).toBeUndefined();
  });

  it('reads Retry-After as an HTTP date too', () => {
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('support channel recognition', () => {
  const activity = (team: string, channel?: string) => ({
    channelId: 'msteams',
    serviceUrl: 'https://smba.example/',
    recipient: { id: '28:bot', name: 'PSEB Assist' },
    conversation: { id: `${channel ?? team};messageid=1`, isGroup: true, conversationType: 'channel', name: '' },
    channelData: { team: { id: team }, ...(channel ? { channel: { id: channel } } : {}), tenant: { id: 't1' } },
  });

  it('takes the channel from channelData, addressed to the channel itself', () => {
    const found = supportChannelOf(activity('team-1', 'chan-1'), { teamId: 'team-1' });
    expect(found).toMatchObject({
      channelId: 'chan-1',
      teamId: 'team-1',
      tenantId: 't1',
      reference: { conversation: { id: 'chan-1' }, serviceUrl: 'https://smba.example/' },
    });
    expect(threadReference(found!, 'chan-1;messageid=9').conversation).toMatchObject({ id: 'chan-1;messageid=9', isGroup: true });
  });

  it('uses General (the team id) for an installation without a channel', () => {
    expect(supportChannelOf(activity('team-1'), { teamId: 'team-1' })?.channelId).toBe('team-1');
  });

  it('ignores other teams, other channels when SUPPORT_CHANNEL_ID is set, and an unset SUPPORT_TEAM_ID', () => {
    expect(supportChannelOf(activity('team-2', 'chan-1'), { teamId: 'team-1' })).toBeUndefined();
    expect(supportChannelOf(activity('team-1', 'chan-2'), { teamId: 'team-1', channelId: 'chan-1' })).toBeUndefined();
    expect(supportChannelOf(activity('team-1', 'chan-1'), {})).toBeUndefined();
  });
});

describe('hand-off card', () => {
  const view = {
    handoffId: 'h-1',
    state: 'waiting' as const,
    userName: 'Ali',
    channelId: 'skype',
    language: 'ur',
    topic: 'call me on 0300-1234567',
    requests: [{ reference: 'WL-2026-0001', status: 'IN_REVIEW' }],
    form: { kind: 'wfh' as const, field: 'contactCnic', answered: 4, total: 9 },
    suggestions: [{ topicId: 'wfh.internet', question: 'What internet do home agents need?' }],
    lines: Array.from({ length: 3 }, (_, i) => ({ fromUser: i % 2 === 0, text: `line ${i} CNIC 35202-1234567-1` })),
  };

  it.each([
    ['en', 'English'],
    ['ur', 'Urdu'],
    ['ur-Latn', 'Roman Urdu'],
  ])('tells staff the user writes %s', (language, name) => {
    const json = JSON.stringify(buildHandoffCard({ ...view, language }, en).content);
    expect(json).toContain(JSON.stringify({ title: en('handoff:card.facts.language'), value: name }).slice(1, -1));
  });

  it('shows the facts, masked history and a Claim button while waiting', () => {
    const json = JSON.stringify(buildHandoffCard(view, en).content);
    for (const part of [
      'Ali',
      'skype',
      en('common:language.nameUr'),
      'WL-2026-0001',
      en('handoff:card.claim'),
      'handoff.claim',
      'h-1',
      '35202-*******-1',
      '+92 3** *****67',
    ])
      expect(json).toContain(part);
    expect(json).not.toContain('1234567-1');
    expect(json).not.toContain(en('handoff:card.end'));
  });

  it('shows the context an agent starts from: request status, the unfinished form and suggested answers with a send button', () => {
    const json = JSON.stringify(buildHandoffCard(view, en).content);
    expect(json).toContain(en('handoff:card.requestLine', { reference: 'WL-2026-0001', status: en('requests:statuses.IN_REVIEW') }));
    expect(json).toContain(
      JSON.stringify(
        en('handoff:card.formAt', { kind: en('requests:kinds.wfh'), answered: 4, total: 9, field: en('intake:fields.contactCnic.label') }),
      ).slice(1, -1),
    );
    const card = buildHandoffCard(view, en).content as { body: unknown[] };
    const sends = JSON.stringify(card.body);
    expect(sends).toContain('"verb":"handoff.sendAnswer"');
    expect(sends).toContain('"topicId":"wfh.internet"');
    expect(sends).toContain('"handoffId":"h-1"');
    const closed = JSON.stringify(buildHandoffCard({ ...view, state: 'endedByAgent' }, en).content);
    expect(closed).not.toContain('handoff.sendAnswer');
  });

  it('swaps Claim for End once claimed, and shows neither once closed', () => {
    const active = JSON.stringify(buildHandoffCard({ ...view, state: 'active', agentName: 'Ayesha' }, en).content);
    expect(active).toContain(en('handoff:card.status.active', { agent: 'Ayesha' }));
    expect(active).toContain('handoff.end');
    expect(active).not.toContain('handoff.claim');
    const closed = JSON.stringify(buildHandoffCard({ ...view, state: 'cancelled' }, ur).content);
    expect(closed).not.toContain('handoff.end');
    expect(closed).toContain(ur('handoff:card.status.cancelled'));
  });

  it('maps rows to card states', () => {
    expect(cardState({ status: 'CLOSED', closedBy: 'timeout', claimedAt: null })).toBe('timedOut');
    expect(cardState({ status: 'CLOSED', closedBy: 'user', claimedAt: null })).toBe('cancelled');
    expect(cardState({ status: 'CLOSED', closedBy: 'user', claimedAt: new Date() })).toBe('endedByUser');
    expect(cardState({ status: 'CLOSED', closedBy: 'agent', claimedAt: new Date() })).toBe('endedByAgent');
  });
});

describe('callback offers', () => {
  it('expire after a day', () => {
    const offeredAt = '2026-11-29T10:00:00Z';
    expect(isOfferOpen({ offeredAt }, new Date('2026-11-30T09:59:00Z'))).toBe(true);
    expect(isOfferOpen({ offeredAt }, new Date('2026-11-30T10:00:00Z'))).toBe(false);
    expect(isOfferOpen(undefined, new Date())).toBe(false);
  });
});

/** The queue's retry rules, pure: which failures are retried and how long each retry waits. */
import { backoffMs, isRetryable } from '../../../bot/announcements/worker';
import { optCommandOf } from '../../../bot/announcements/optOut';

const settings = { baseDelayMs: 1_000, maxDelayMs: 60_000 };

describe('isRetryable', () => {
  it.each([
    [{ kind: 'failed', status: 429, code: 'TooManyRequests' }, true],
    [{ kind: 'failed', status: 503, code: 'ServiceUnavailable' }, true],
    [{ kind: 'failed', status: undefined, code: 'NetworkError' }, true],
    [{ kind: 'unreachable', status: 403, code: 'ConversationBlockedByUser' }, false],
    [{ kind: 'unreachable', status: 404, code: 'ConversationNotFound' }, false],
    [{ kind: 'unreachable', code: 'NoServiceUrl' }, false],
    [{ kind: 'failed', status: 400, code: 'BadArgument' }, false],
  ] as const)('%o → %s', (delivery, expected) => {
    expect(isRetryable({ ok: false, ...delivery })).toBe(expected);
  });
});

describe('backoffMs', () => {
  it('waits exactly Retry-After when the channel sent one, capped at the maximum', () => {
    expect(backoffMs(3, 7_000, settings, () => 0.9)).toBe(7_000);
    expect(backoffMs(1, 3_600_000, settings, () => 0.9)).toBe(60_000);
  });

  it('doubles the wait per attempt with jitter between half and one and a half times', () => {
    expect(backoffMs(1, undefined, settings, () => 0)).toBe(500);
    expect(backoffMs(1, undefined, settings, () => 0.999)).toBe(1_499);
    expect(backoffMs(3, undefined, settings, () => 0.5)).toBe(4_000);
    expect(backoffMs(20, undefined, settings, () => 0.5)).toBe(60_000);
  });
});

describe('opt-out phrases', () => {
  it.each([
    ['stop announcements', 'stop'],
    ['Stop announcements!', 'stop'],
    ['announcements band karo', 'stop'],
    ['اعلانات بند کریں', 'stop'],
    ['start announcements', 'start'],
    ['announcements chalu karo', 'start'],
    ['اعلانات شروع کریں', 'start'],
    ['stop', undefined],
    ['please stop announcements about lockdown', undefined],
  ])('"%s" → %s', (text, expected) => {
    expect(optCommandOf(text)).toBe(expected);
  });
});

/** The pure checks behind the Direct Line routes. */
import { TestAdapter, TurnContext } from 'botbuilder';
import { isHiddenFromClients, parseClientActivity, parseWatermark, stampBotActivity } from '../../../bot/directline/activities';
import { TurnOutbox } from '../../../bot/directline/outbox';
import { uploadSizeProblem } from '../../../bot/directline/routes';
import { directLineErrors } from '../../../bot/directline/errors';
import { isCsvFile, safeFileName, MAX_UPLOAD_REQUEST_BYTES } from '../../../bot/directline/upload';

describe('parseWatermark', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['0', 0],
    ['42', 42],
  ])('reads %p as %p', (raw, value) => {
    expect(parseWatermark(raw)).toEqual({ ok: true, value });
  });

  it.each(['-1', '1.5', 'abc', '1e3', '9999999999999999', ['1', '2']])('rejects %p', (raw) => {
    expect(parseWatermark(raw).ok).toBe(false);
  });
});

describe('parseClientActivity', () => {
  it('keeps what a client may say and drops what only the server sets', () => {
    const parsed = parseClientActivity({
      type: 'message',
      text: 'hi',
      serviceUrl: 'http://evil/',
      channelId: 'msteams',
      recipient: { id: 'x' },
      deliveryMode: 'expectReplies',
    });
    expect(parsed).toEqual({ ok: true, activity: { type: 'message', text: 'hi' } });
  });

  it('names the bad fields', () => {
    expect(parseClientActivity({ type: 'message', text: 5, locale: 'x'.repeat(40) })).toEqual({ ok: false, problems: 'text, locale' });
    expect(parseClientActivity(null)).toMatchObject({ ok: false });
  });

  it('refuses attachments that point the bot at a URL, and accepts inline data', () => {
    expect(
      parseClientActivity({ type: 'message', attachments: [{ contentType: 'text/csv', contentUrl: 'https://example.com/a.csv' }] }).ok,
    ).toBe(false);
    expect(
      parseClientActivity({ type: 'message', attachments: [{ contentType: 'text/csv', contentUrl: 'data:text/csv;base64,YQ==' }] }).ok,
    ).toBe(true);
  });
});

describe('stampBotActivity', () => {
  it('removes the capability-bearing serviceUrl and keeps only a checked replyToId', () => {
    const stored = stampBotActivity(
      { type: 'message', text: 'x', serviceUrl: 'http://127.0.0.1/directline-connector/key/', replyToId: 'made-up' },
      'c1',
      'c1|a',
      '2026-01-01T00:00:00.000Z',
    );
    expect(stored).toEqual({
      type: 'message',
      text: 'x',
      id: 'c1|a',
      timestamp: '2026-01-01T00:00:00.000Z',
      channelId: 'webchat',
      conversation: { id: 'c1' },
    });
  });
});

describe('uploads', () => {
  it('refuses an upload with no declared length (411) or a longer one than the cap (413)', () => {
    expect(uploadSizeProblem(undefined)).toBe('length_required');
    expect(directLineErrors.length_required.status).toBe(411);
    expect(uploadSizeProblem('abc')).toBe('length_required');
    expect(uploadSizeProblem(String(MAX_UPLOAD_REQUEST_BYTES + 1))).toBe('too_large');
    expect(directLineErrors.too_large.status).toBe(413);
    expect(uploadSizeProblem(String(MAX_UPLOAD_REQUEST_BYTES))).toBeUndefined();
  });

  it.each([
    ['agents.csv', 'text/csv', true],
    ['agents.CSV', 'application/vnd.ms-excel', true],
    ['agents.txt', 'text/plain', true],
    ['agents.csv', 'application/x-msdownload', false],
    ['agents.exe', 'text/csv', false],
  ])('treats %s (%s) as CSV: %p', (name, type, ok) => {
    expect(isCsvFile(name, type)).toBe(ok);
  });

  it('keeps only the base name of an uploaded file, without control characters', () => {
    expect(safeFileName('C:\\Users\\a\\agents.csv')).toBe('agents.csv');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('a\u0000b.csv')).toBe('ab.csv');
    expect(safeFileName('')).toBe('upload.csv');
  });

  it('replaces lone surrogates in a file name, including one left by the length cut', () => {
    expect(safeFileName('agents\uD800.csv')).toBe('agents\uFFFD.csv');
    const cut = safeFileName(`${'a'.repeat(127)}😀.csv`);
    expect(cut).toHaveLength(128);
    expect(cut.endsWith('\uFFFD')).toBe(true);
  });
});

describe('parseClientActivity cleaning', () => {
  it('drops NULs and replaces lone surrogates in every string and key, as /api/messages does', () => {
    const parsed = parseClientActivity({ type: 'message', text: 'a\u0000b\uDC00', value: { 'x\u0000': ['\uD83D'] } });
    expect(parsed).toEqual({ ok: true, activity: { type: 'message', text: 'ab\uFFFD', value: { x: ['\uFFFD'] } } });
  });
});

describe('isHiddenFromClients', () => {
  it.each([
    ['trace', true],
    ['delay', true],
    ['invokeResponse', true],
    ['message', false],
    ['typing', false],
    ['event', false],
  ])('hides %s: %p', (type, hidden) => {
    expect(isHiddenFromClients(type)).toBe(hidden);
  });
});

describe('TurnOutbox', () => {
  const incoming = {
    type: 'message',
    id: 'u1',
    channelId: 'webchat',
    conversation: { id: 'c1' },
    from: { id: 'user' },
    recipient: { id: 'bot' },
    serviceUrl: 'http://127.0.0.1:1/',
  };

  it('holds what the turn sends, with final ids, and applies updates and deletes to held replies only', async () => {
    const adapter = new TestAdapter();
    const context = new TurnContext(adapter, incoming as never);
    const outbox = new TurnOutbox('c1');
    outbox.attach(context);
    const first = await context.sendActivity('one');
    const [second, third] = await context.sendActivities([
      { type: 'message', text: 'two' },
      { type: 'message', text: 'three' },
    ]);
    await context.updateActivity({ id: first?.id, type: 'message', text: 'one, edited' });
    await context.deleteActivity(second.id);
    expect(outbox.activities.map((a) => [a.id, a.text])).toEqual([
      [first?.id, 'one, edited'],
      [third.id, 'three'],
    ]);
    expect(first?.id).toMatch(/^c1\|[0-9a-f]{16}$/);
    expect(outbox.activities[1]).toMatchObject({ replyToId: 'u1', conversation: { id: 'c1' } });
    // Nothing reached the adapter.
    expect(adapter.activeQueue).toHaveLength(0);
  });

  it('passes updates of activities it does not hold on to the adapter', async () => {
    const adapter = new TestAdapter();
    const updated: string[] = [];
    adapter.updateActivity = async (_context, activity) => void updated.push(String(activity.id));
    const context = new TurnContext(adapter, incoming as never);
    new TurnOutbox('c1').attach(context);
    await context.updateActivity({ id: 'c1|older', type: 'message', text: 'sent in an earlier turn' });
    expect(updated).toEqual(['c1|older']);
  });
});

describe('createKeyedQueue', () => {
  it('runs tasks of one key in order, even when an earlier one fails, and other keys alongside', async () => {
    const { createKeyedQueue } = await import('../../../bot/directline/delivery');
    const queue = createKeyedQueue();
    const log: string[] = [];
    const step =
      (name: string, ms: number, fail = false) =>
      () =>
        new Promise<string>((resolve, reject) => setTimeout(() => (log.push(name), fail ? reject(new Error(name)) : resolve(name)), ms));
    const results = await Promise.allSettled([queue('a', step('a1', 30, true)), queue('a', step('a2', 1)), queue('b', step('b1', 5))]);
    expect(log).toEqual(['b1', 'a1', 'a2']);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
  });
});

/** /metrics, /healthz and /readyz of the running app, and who may read the metrics. */
import { startTestApp, TestUser, type TestApp } from '../../helpers/app';
import { isLoopback, mayReadMetrics } from '../../../bot/ops/metricsAccess';
import { sampleValue } from '../../helpers/prometheus';

const TOKEN = 'metrics-token-0123456789';

async function metricsText(t: TestApp, headers: Record<string, string> = {}): Promise<string> {
  const res = await fetch(`${t.baseUrl}/metrics`, { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  return res.text();
}

describe('operations endpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('counts turns by kind, FAQ decisions and requests by status in /metrics for a loopback caller', async () => {
    const before = await metricsText(t);
    const user = new TestUser(t.baseUrl);
    await user.say('What documents do I need for whitelisting?');
    await user.say('menu');
    const after = await metricsText(t);
    expect(sampleValue(after, 'pseb_turns_total{kind="faq",outcome="ok"}')).toBe(
      // No FAQ turn yet: no sample.
      (sampleValue(before, 'pseb_turns_total{kind="faq",outcome="ok"}') ?? 0) + 1,
    );
    expect(sampleValue(after, 'pseb_turn_duration_seconds_count{kind="faq"}')).toBeGreaterThanOrEqual(1);
    expect(sampleValue(after, 'pseb_turns_total{kind="message",outcome="ok"}')).toBeGreaterThanOrEqual(1);
    const decisions = after.split('\n').filter((l) => l.startsWith('pseb_faq_decisions_total{'));
    expect(decisions.reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(' ') + 1)), 0)).toBeGreaterThanOrEqual(1);
    expect(sampleValue(after, 'pseb_http_requests_total{method="POST",status="200"}')).toBeGreaterThanOrEqual(2);
    expect(after).toContain('pseb_handoff_queue_length 0');
    expect(after).toContain('pseb_handoff_oldest_wait_seconds 0');
    expect(after).toContain('pseb_process_resident_memory_bytes');
  });

  it('answers /healthz and /readyz with 200 while the database is up and migrated', async () => {
    expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
    const ready = await fetch(`${t.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});

describe('metrics behind a token', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ METRICS_TOKEN: TOKEN });
  });
  afterAll(async () => t.close());

  it('refuses /metrics without the bearer token, even from loopback, and serves it with the token', async () => {
    expect((await fetch(`${t.baseUrl}/metrics`)).status).toBe(401);
    expect((await fetch(`${t.baseUrl}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
    expect(await metricsText(t, { authorization: `Bearer ${TOKEN}` })).toContain('pseb_turns_total');
  });
});

describe('draining', () => {
  it('says 503 on /readyz and turns new requests away once draining starts, while /healthz stays 200', async () => {
    const t = await startTestApp();
    try {
      t.app.ops.startDraining();
      const ready = await fetch(`${t.baseUrl}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ reason: 'shutting down' });
      expect((await new TestUser(t.baseUrl).post({ type: 'message', text: 'menu' })).status).toBe(503);
      expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe('who may read /metrics', () => {
  it.each([
    ['127.0.0.1', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.4', false],
    ['::ffff:10.0.0.4', false],
    ['2001:db8::1', false],
    [undefined, false],
  ])('without a token, %s is loopback: %s', (address, expected) => {
    expect(isLoopback(address)).toBe(expected);
    expect(mayReadMetrics(undefined, undefined, address)).toBe(expected);
  });

  it('with a token, wants exactly that bearer whatever the address', () => {
    expect(mayReadMetrics(TOKEN, `Bearer ${TOKEN}`, '10.0.0.4')).toBe(true);
    expect(mayReadMetrics(TOKEN, undefined, '127.0.0.1')).toBe(false);
    expect(mayReadMetrics(TOKEN, `Bearer ${TOKEN}x`, '127.0.0.1')).toBe(false);
    expect(mayReadMetrics(TOKEN, TOKEN, '127.0.0.1')).toBe(false);
  });
});

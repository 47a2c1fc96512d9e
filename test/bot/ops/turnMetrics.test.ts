/** The turn middleware: kinds, failed sends and 429s, in-flight counting, and deferred writes at the turn's end. */
import { ActivityTypes, TestAdapter, type TurnContext } from 'botbuilder';
import { createLogger } from '../../../bot/logger';
import { InFlight } from '../../../bot/ops/inFlight';
import { Metrics } from '../../../bot/ops/metrics';
import { setTurnKind, TurnMetricsMiddleware } from '../../../bot/ops/turnMetrics';
import { deferWrite } from '../../../bot/ops/turnWrites';

async function metricLine(metrics: Metrics, prefix: string): Promise<number> {
  const line = (await metrics.render()).body.split('\n').find((l) => l.startsWith(prefix));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

function setup(logic: (context: TurnContext) => Promise<void>) {
  const metrics = new Metrics();
  const inFlight = new InFlight();
  const adapter = new TestAdapter(logic);
  adapter.use(new TurnMetricsMiddleware(metrics, inFlight, createLogger('silent')));
  return { metrics, inFlight, adapter };
}

describe('turn metrics middleware', () => {
  it('labels turns by the kind a feature sets, else card or the activity type', async () => {
    const { metrics, adapter } = setup(async (context) => {
      if (context.activity.text === 'question') setTurnKind(context, 'faq');
    });
    await adapter.send('question');
    await adapter.send('hello');
    await adapter.send({ type: ActivityTypes.Message, value: { verb: 'menu.select' } });
    expect(await metricLine(metrics, 'pseb_turns_total{kind="faq",outcome="ok"}')).toBe(1);
    expect(await metricLine(metrics, 'pseb_turns_total{kind="message",outcome="ok"}')).toBe(1);
    expect(await metricLine(metrics, 'pseb_turns_total{kind="card",outcome="ok"}')).toBe(1);
  });

  it('counts a send the channel refused, and a 429 apart', async () => {
    const { metrics, adapter } = setup(async (context) => {
      context.onSendActivities(async () => {
        throw Object.assign(new Error('Too Many Requests'), { statusCode: 429 });
      });
      await context.sendActivity('reply').catch(() => undefined);
    });
    await adapter.send('hello');
    expect(await metricLine(metrics, 'pseb_outbound_send_failures_total{status="429"}')).toBe(1);
    expect(await metricLine(metrics, 'pseb_outbound_throttled_total')).toBe(1);
  });

  it('counts a failed turn as failed and keeps it in flight until it ends', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { metrics, inFlight, adapter } = setup(async () => {
      await gate;
      throw new Error('boom');
    });
    adapter.onTurnError = async () => undefined;
    const turn = adapter.send('hello');
    await new Promise((resolve) => setImmediate(resolve));
    expect(inFlight.size).toBe(1);
    release();
    await turn;
    expect(inFlight.size).toBe(0);
    expect(await metricLine(metrics, 'pseb_turns_total{kind="message",outcome="failed"}')).toBe(1);
  });

  it('issues deferred writes together at the end of the turn, before it counts as done', async () => {
    const events: string[] = [];
    const { adapter } = setup(async (context) => {
      await deferWrite(context, async () => void events.push('write 1'));
      events.push('logic');
      await deferWrite(context, async () => void events.push('write 2'));
    });
    await adapter.send('hello');
    expect(events).toEqual(['logic', 'write 1', 'write 2']);
  });
});

/**
 * The process metrics: prom-client's default names and readings, and nothing left running once stopped — a closed
 * app's metrics can be garbage-collected (prom-client's own default metrics kept a timer and a GC observer per app).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Registry } from 'prom-client';
import { Metrics } from '../../../bot/ops/metrics';
import { startProcessMetrics } from '../../../bot/ops/processMetrics';
import { sampleValue } from '../../helpers/prometheus';

/** V8's gc(), reached without starting Node with --expose-gc. */
function collectGarbage(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe('process metrics', () => {
  it("reports CPU, memory, heap, event-loop delay and the Node version under prom-client's default names", async () => {
    const registry = new Registry();
    const metrics = startProcessMetrics(registry);
    try {
      // Something for the CPU counter and the event-loop monitor to see: the loop blocked for 60 ms. On a loaded machine
      // (CI, three workers on two cores) the monitor has once missed a block, so it gets up to three blocks to see one.
      const maxLag = (scrape: string) => sampleValue(scrape, 'pseb_nodejs_eventloop_lag_max_seconds') ?? 0;
      let text = '';
      for (let attempt = 0; attempt < 3 && maxLag(text) < 0.02; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        const start = performance.now();
        while (performance.now() - start < 60);
        await new Promise((resolve) => setTimeout(resolve, 25));
        text = await registry.metrics();
      }
      expect(sampleValue(text, 'pseb_process_cpu_seconds_total')).toBeGreaterThan(0);
      expect(sampleValue(text, 'pseb_process_cpu_user_seconds_total')).toBeGreaterThan(0);
      expect(sampleValue(text, 'pseb_process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
      expect(sampleValue(text, 'pseb_nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
      expect(sampleValue(text, 'pseb_process_start_time_seconds')).toBeLessThanOrEqual(Date.now() / 1000);
      expect(maxLag(text)).toBeGreaterThanOrEqual(0.02);
      expect(sampleValue(text, 'pseb_nodejs_eventloop_lag_p50_seconds')).toBeGreaterThan(0);
      expect(text).toContain(`pseb_nodejs_version_info{version="${process.version}"`);
      // Each scrape reads the delay since the last one.
      const next = await registry.metrics();
      expect(sampleValue(next, 'pseb_nodejs_eventloop_lag_max_seconds')).toBeLessThan(
        sampleValue(text, 'pseb_nodejs_eventloop_lag_max_seconds')!,
      );
    } finally {
      metrics.stop();
    }
  });

  it('counts garbage collections by kind', async () => {
    const gc = collectGarbage();
    const registry = new Registry();
    const metrics = startProcessMetrics(registry);
    try {
      gc();
      // GC entries reach observers asynchronously.
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(sampleValue(await registry.metrics(), 'pseb_nodejs_gc_duration_seconds_count{kind="major"}')).toBeGreaterThanOrEqual(1);
    } finally {
      metrics.stop();
    }
  });

  it('holds nothing once closed, not even the async context the app was started in', async () => {
    // A running event-loop monitor keeps the async context current when it was enabled (a request's, a test's) and
    // everything that context reaches; prom-client's default metrics never let go of theirs.
    const gc = collectGarbage();
    const context = new AsyncLocalStorage<object>();
    const started = Array.from({ length: 3 }, () => {
      const store = { app: 'a closed app and all it holds' };
      context.run(store, () => new Metrics({ inFlight: () => 0 }).close());
      return new WeakRef(store);
    });
    for (let i = 0; i < 10 && started.some((ref) => ref.deref()); i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      gc();
    }
    expect(started.filter((ref) => ref.deref())).toEqual([]);
  });
});

/**
 * The process's own metrics (`pseb_process_*`, `pseb_nodejs_*`), under prom-client's default names, with a stop.
 *
 * prom-client's `collectDefaultMetrics` enables an event-loop delay monitor (a native timer sampling every 10 ms) and a
 * GC observer that nothing can stop. A running monitor also keeps the async context that was current when it started,
 * and all that context reaches. One app per process never notices; a process that closes an app and starts another (a
 * restart in place, every test file of the suite, which runs inside jest's async context) piled them up: one more timer
 * per app ever started, each holding the test file that started it, so a jest worker's heap grew ~15 MB per file and
 * every collection got slower. Here the app starts both and `stop()` ends them; the other readings are taken at scrape
 * time and hold nothing.
 */
import { constants, monitorEventLoopDelay, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** prom-client's GC buckets (seconds). */
const GC_BUCKETS = [0.001, 0.01, 0.1, 1, 2, 5];

/** Node's GC kinds as prom-client names them. */
const GC_KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb',
};

/** Registers the process metrics on `registry`; returns how to stop what they started. */
export function startProcessMetrics(registry: Registry): { stop(): void } {
  const registers = [registry];
  const startedAt = Math.round(Date.now() / 1000 - process.uptime());

  let cpuSeen = process.cpuUsage();
  const cpuUser = new Counter({ name: 'pseb_process_cpu_user_seconds_total', help: 'User CPU time spent in seconds.', registers });
  const cpuSystem = new Counter({ name: 'pseb_process_cpu_system_seconds_total', help: 'System CPU time spent in seconds.', registers });
  new Counter({
    name: 'pseb_process_cpu_seconds_total',
    help: 'Total user and system CPU time spent in seconds.',
    registers,
    collect() {
      const now = process.cpuUsage();
      const user = (now.user - cpuSeen.user) / 1e6;
      const system = (now.system - cpuSeen.system) / 1e6;
      cpuSeen = now;
      cpuUser.inc(user);
      cpuSystem.inc(system);
      this.inc(user + system);
    },
  });
  new Gauge({
    name: 'pseb_process_start_time_seconds',
    help: 'Start time of the process since unix epoch in seconds.',
    registers,
    collect() {
      this.set(startedAt);
    },
  });
  new Gauge({
    name: 'pseb_process_resident_memory_bytes',
    help: 'Resident memory size in bytes.',
    registers,
    collect() {
      this.set(process.memoryUsage.rss());
    },
  });
  const memory = (name: string, help: string, read: (usage: NodeJS.MemoryUsage) => number) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        this.set(read(process.memoryUsage()));
      },
    });
  memory('pseb_nodejs_heap_size_total_bytes', 'Process heap size from Node.js in bytes.', (m) => m.heapTotal);
  memory('pseb_nodejs_heap_size_used_bytes', 'Process heap size used from Node.js in bytes.', (m) => m.heapUsed);
  memory('pseb_nodejs_external_memory_bytes', 'Node.js external memory size in bytes.', (m) => m.external);
  new Gauge({
    name: 'pseb_nodejs_active_resources_total',
    help: 'Number of active resources keeping the event loop alive (handles and requests).',
    registers,
    collect() {
      this.set(process.getActiveResourcesInfo().length);
    },
  });
  new Gauge({
    name: 'pseb_nodejs_version_info',
    help: 'Node.js version info.',
    labelNames: ['version', 'major', 'minor', 'patch'],
    registers,
    collect() {
      const [major, minor, patch] = process.versions.node.split('.');
      this.set({ version: process.version, major, minor, patch }, 1);
    },
  });

  // Event-loop delay between scrapes: the monitor samples every 10 ms; each scrape reads and resets it.
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const lag = (name: string, help: string, read: () => number, reset = false) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        this.set(delay.count > 0 ? read() / 1e9 : 0);
        if (reset) delay.reset();
      },
    });
  lag('pseb_nodejs_eventloop_lag_min_seconds', 'The minimum recorded event loop delay.', () => delay.min);
  lag('pseb_nodejs_eventloop_lag_mean_seconds', 'The mean of the recorded event loop delays.', () => delay.mean);
  lag('pseb_nodejs_eventloop_lag_p50_seconds', 'The 50th percentile of the recorded event loop delays.', () => delay.percentile(50));
  lag('pseb_nodejs_eventloop_lag_p90_seconds', 'The 90th percentile of the recorded event loop delays.', () => delay.percentile(90));
  lag('pseb_nodejs_eventloop_lag_p99_seconds', 'The 99th percentile of the recorded event loop delays.', () => delay.percentile(99));
  // Registered last, so the gauges above have read the same interval before it resets.
  lag('pseb_nodejs_eventloop_lag_max_seconds', 'The maximum recorded event loop delay.', () => delay.max, true);

  const gcSeconds = new Histogram({
    name: 'pseb_nodejs_gc_duration_seconds',
    help: 'Garbage collection duration by kind, one of major, minor, incremental or weakcb.',
    labelNames: ['kind'],
    buckets: GC_BUCKETS,
    registers,
  });
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { detail?: { kind?: number } })[]) {
      gcSeconds.observe({ kind: GC_KINDS[entry.detail?.kind ?? -1] ?? 'unknown' }, entry.duration / 1000);
    }
  });
  gc.observe({ entryTypes: ['gc'] });

  return {
    stop() {
      delay.disable();
      gc.disconnect();
    },
  };
}

/**
 * Prometheus metrics (prom-client), one registry per app so several apps in one process (tests) keep
 * their own counts. Features count through the small recorder interfaces below; the hand-off queue
 * and the database pool are read when Prometheus scrapes.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { startProcessMetrics } from './processMetrics';

/** What the turn middleware records. */
export interface TurnRecorder {
  turn(kind: string, outcome: 'ok' | 'failed', seconds: number): void;
}

/** What sending to a channel records. */
export interface OutboundRecorder {
  sendFailed(status: number | undefined): void;
}

/** The hand-off queue as a scrape sees it. */
export interface HandoffQueueReading {
  waiting: number;
  /** Seconds the longest-waiting user has waited; 0 with nobody waiting. */
  oldestWaitSeconds: number;
}

export interface PoolReading {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

export interface MetricsSources {
  handoffQueue?: () => Promise<HandoffQueueReading>;
  /** HTTP requests and turns in progress. */
  inFlight?: () => number;
  pool?: () => PoolReading | undefined;
}

/** Turn latencies from a cached reply (1 ms) to a slow card with several sends (10 s). */
const TURN_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class Metrics implements TurnRecorder, OutboundRecorder {
  readonly registry = new Registry();
  private readonly turns: Counter<'kind' | 'outcome'>;
  private readonly turnSeconds: Histogram<'kind'>;
  private readonly faqDecisions: Counter<'decision' | 'language'>;
  private readonly requests: Counter<'method' | 'status'>;
  private readonly outboundFailures: Counter<'status'>;
  private readonly outboundThrottled: Counter;
  private readonly processMetrics: { stop(): void };

  constructor(sources: MetricsSources = {}) {
    const registers = [this.registry];
    this.processMetrics = startProcessMetrics(this.registry);
    this.turns = new Counter({
      name: 'pseb_turns_total',
      help: 'Bot turns run, by kind and outcome',
      labelNames: ['kind', 'outcome'],
      registers,
    });
    this.turnSeconds = new Histogram({
      name: 'pseb_turn_duration_seconds',
      help: 'Bot turn latency, by kind',
      labelNames: ['kind'],
      buckets: TURN_BUCKETS,
      registers,
    });
    this.faqDecisions = new Counter({
      name: 'pseb_faq_decisions_total',
      help: 'FAQ lookups by decision (answer, suggest, none) and detected language',
      labelNames: ['decision', 'language'],
      registers,
    });
    this.requests = new Counter({
      name: 'pseb_http_requests_total',
      help: 'HTTP requests answered, by method and status',
      labelNames: ['method', 'status'],
      registers,
    });
    this.outboundFailures = new Counter({
      name: 'pseb_outbound_send_failures_total',
      help: 'Activities the channel refused or that failed to send, by HTTP status',
      labelNames: ['status'],
      registers,
    });
    this.outboundThrottled = new Counter({
      name: 'pseb_outbound_throttled_total',
      help: 'Sends the channel answered with 429 Too Many Requests',
      registers,
    });

    const { handoffQueue, pool, inFlight } = sources;
    if (inFlight) {
      new Gauge({
        name: 'pseb_in_flight',
        help: 'HTTP requests and bot turns in progress (the scrape itself included)',
        registers,
        collect() {
          this.set(inFlight());
        },
      });
    }
    if (handoffQueue) {
      // Both gauges come from one query per scrape.
      let reading: Promise<HandoffQueueReading> | undefined;
      const read = () => (reading ??= handoffQueue().finally(() => setImmediate(() => (reading = undefined))));
      new Gauge({
        name: 'pseb_handoff_queue_length',
        help: 'Users waiting for a human agent',
        registers,
        async collect() {
          this.set((await read()).waiting);
        },
      });
      new Gauge({
        name: 'pseb_handoff_oldest_wait_seconds',
        help: 'How long the longest-waiting user has waited for an agent',
        registers,
        async collect() {
          this.set((await read()).oldestWaitSeconds);
        },
      });
    }
    if (pool) {
      new Gauge({
        name: 'pseb_db_pool_connections',
        help: 'PostgreSQL pool connections by state (total, idle, waiting requests, max)',
        labelNames: ['state'],
        registers,
        collect() {
          const now = pool();
          if (!now) return;
          for (const [state, value] of Object.entries(now) as [string, number][]) this.set({ state }, value);
        },
      });
    }
  }

  turn(kind: string, outcome: 'ok' | 'failed', seconds: number): void {
    this.turns.inc({ kind, outcome });
    this.turnSeconds.observe({ kind }, seconds);
  }

  faqDecision(decision: string, language: string): void {
    this.faqDecisions.inc({ decision, language });
  }

  request(method: string, status: number): void {
    this.requests.inc({ method, status: String(status) });
  }

  sendFailed(status: number | undefined): void {
    this.outboundFailures.inc({ status: status ? String(status) : 'network' });
    if (status === 429) this.outboundThrottled.inc();
  }

  /** The exposition text and its content type. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  /** Stops the event-loop monitor and the GC observer the process metrics started. */
  close(): void {
    this.processMetrics.stop();
  }
}

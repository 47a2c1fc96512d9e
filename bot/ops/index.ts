/**
 * Operations endpoints and bookkeeping: `/healthz` (liveness), `/readyz` (readiness), `/metrics`
 * (Prometheus), request counting, in-flight tracking and the draining switch graceful shutdown uses.
 */
import type { Server } from 'restify';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Database } from '../../prisma/db';
import { safe } from '../http/safe';
import { InFlight } from './inFlight';
import { Metrics, type HandoffQueueReading } from './metrics';
import { TurnMetricsMiddleware } from './turnMetrics';
import { mayReadMetrics } from './metricsAccess';

export interface OperationsDeps {
  config: Pick<Config, 'METRICS_TOKEN'>;
  db: Database;
  logger: Logger;
}

export class Operations {
  readonly metrics: Metrics;
  readonly inFlight = new InFlight();
  readonly turnMiddleware: TurnMetricsMiddleware;
  private draining = false;

  constructor(private readonly deps: OperationsDeps) {
    this.metrics = new Metrics({
      handoffQueue: () => readHandoffQueue(deps.db),
      pool: () => deps.db.poolStats(),
      inFlight: () => this.inFlight.size,
    });
    this.turnMiddleware = new TurnMetricsMiddleware(this.metrics, this.inFlight, deps.logger);
  }

  /** Stops what the metrics keep running (the app's close calls it). */
  close(): void {
    this.metrics.close();
  }

  /** Mounts the endpoints and the request bookkeeping; call before any other route. */
  mount(server: Server): void {
    const { db, logger, config } = this.deps;
    server.server.on('request', (req, res) => {
      const end = this.inFlight.begin();
      res.once('close', () => {
        end();
        this.metrics.request(req.method ?? 'GET', res.statusCode);
      });
    });
    server.pre((req, res, next) => {
      if (!this.draining) return next();
      // Keep-alive clients learn to reconnect elsewhere; the probes stay answerable.
      if (req.url?.startsWith('/healthz') || req.url?.startsWith('/readyz')) return next();
      res.header('Connection', 'close');
      res.send(503, { error: 'shutting_down' });
      return next(false);
    });
    const liveness = safe(logger, async (_req, res) => {
      const reachable = await db.prisma.$queryRaw`SELECT 1`.then(
        () => true,
        () => false,
      );
      if (reachable) res.send(200, { status: 'ok' });
      else res.send(503, { status: 'unavailable', reason: 'database unreachable' });
    });
    // Load balancers and uptime monitors often probe with HEAD.
    server.get('/healthz', liveness);
    server.head('/healthz', liveness);
    const readiness = safe(logger, async (_req, res) => {
      const problem = this.draining ? 'shutting down' : await db.health().catch(() => 'database unreachable');
      if (problem) res.send(503, { status: 'unavailable', reason: problem });
      else res.send(200, { status: 'ready' });
    });
    server.get('/readyz', readiness);
    server.head('/readyz', readiness);
    server.get(
      '/metrics',
      safe(logger, async (req, res) => {
        if (!mayReadMetrics(config.METRICS_TOKEN, req.headers.authorization, req.socket.remoteAddress)) {
          res.send(config.METRICS_TOKEN ? 401 : 403, { error: 'forbidden' });
          return;
        }
        const { contentType, body } = await this.metrics.render();
        res.setHeader('content-type', contentType);
        res.sendRaw(200, body);
      }),
    );
  }

  /** From now on: /readyz says 503 and new requests are turned away; what is in flight finishes. */
  startDraining(): void {
    this.draining = true;
  }

  get isDraining(): boolean {
    return this.draining;
  }
}

async function readHandoffQueue(db: Database): Promise<HandoffQueueReading> {
  const waiting = await db.prisma.handoff.aggregate({ where: { status: 'WAITING' }, _count: { _all: true }, _min: { createdAt: true } });
  const oldest = waiting._min.createdAt;
  return { waiting: waiting._count._all, oldestWaitSeconds: oldest ? Math.max(0, (Date.now() - oldest.getTime()) / 1000) : 0 };
}

/**
 * Graceful shutdown: stop accepting, let in-flight turns, requests and outbound sends finish (up to a
 * deadline), then close streams, timers and the database. Every activity the server accepted before
 * the signal is processed and stored; what arrives after is refused with 503 so the channel retries
 * it on another instance.
 */
import type { Server as HttpServer } from 'node:http';
import type { Logger } from '../logger';
import type { Operations } from '.';

export interface ShutdownParts {
  ops: Operations;
  httpServer: HttpServer;
  logger: Logger;
  /** Closes what is left: streams, timers, background writers, the database. */
  closeRest(): Promise<void>;
}

/** Drains and closes; resolves whether everything in flight finished before the deadline. */
export async function drainAndClose(parts: ShutdownParts, timeoutMs: number): Promise<boolean> {
  const { ops, httpServer, logger } = parts;
  ops.startDraining();
  const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()));
  const drained = await ops.inFlight.idle(timeoutMs);
  if (!drained) logger.warn({ inFlight: ops.inFlight.size, timeoutMs }, 'shutdown deadline passed with work in flight');
  // Keep-alive connections idle now would hold close() open until their clients hang up.
  httpServer.closeAllConnections();
  await parts.closeRest();
  await stopped;
  return drained;
}

/** Runs `shutdown` once on SIGTERM or SIGINT, then exits 0 (1 if it failed or hung past the deadline). */
export function onTerminationSignals(shutdown: (signal: string) => Promise<void>, logger: Logger, hardDeadlineMs: number): void {
  let started = false;
  const handle = (signal: string) => {
    if (started) return;
    started = true;
    logger.info({ signal }, 'shutting down');
    const hard = setTimeout(() => {
      logger.error({ signal }, 'shutdown hung; exiting');
      process.exit(1);
    }, hardDeadlineMs);
    hard.unref();
    shutdown(signal).then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => handle('SIGTERM'));
  process.once('SIGINT', () => handle('SIGINT'));
}

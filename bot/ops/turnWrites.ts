/**
 * Writes a turn owes but need not wait for mid-turn (transcript lines, the conversation reference, the
 * FAQ log): they are collected while the turn runs and issued together with the turn's state save
 * (flushTurnWrites), so the group commit puts them — with the state and those of every concurrent turn —
 * in one round trip, and the reply still goes out only once they are stored. Whatever is queued after
 * that (an apology after a failure) is issued when the turn ends. Without a collector (a bare adapter
 * in a test), a write runs at once.
 */
import type { TurnContext } from 'botbuilder';
import type { Logger } from '../logger';

const collectorKey = Symbol('turnWrites');

type Write = () => Promise<void>;

interface Collector {
  queue: Write[];
  logger: Logger;
}

/** Queues a write for the end of the turn; returns at once (or after the write, without a collector). */
export async function deferWrite(context: TurnContext, write: Write): Promise<void> {
  const collector = context.turnState.get(collectorKey) as Collector | undefined;
  if (collector) collector.queue.push(write);
  else await write();
}

/**
 * Issues the writes queued so far, now, and waits for them; a failing write is logged. Call it in the
 * same tick as the state save so both share one statement.
 */
export async function flushTurnWrites(context: TurnContext): Promise<void> {
  const collector = context.turnState.get(collectorKey) as Collector | undefined;
  if (collector) await drain(collector);
}

/** Collects the writes of the turn `run` runs, then issues what is left and waits for it. */
export async function withTurnWrites(context: TurnContext, logger: Logger, run: () => Promise<void>): Promise<void> {
  const collector: Collector = { queue: [], logger };
  context.turnState.set(collectorKey, collector);
  try {
    await run();
  } finally {
    context.turnState.delete(collectorKey);
    await drain(collector);
  }
}

async function drain({ queue, logger }: Collector): Promise<void> {
  // Writes queued by other writes' callbacks are issued too.
  while (queue.length) {
    await Promise.all(queue.splice(0).map((write) => write().catch((err: unknown) => logger.warn({ err }, 'deferred turn write failed'))));
  }
}

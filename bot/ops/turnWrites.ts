/**
 * Writes a turn owes but need not wait for mid-turn (transcript lines, the conversation reference, the
 * FAQ log): they are collected while the turn runs and issued together when it ends, so the group
 * commit puts them — and those of every concurrent turn — in the same round trip, and the reply still
 * goes out only once they are stored. Without a collector (a bare adapter in a test), a write runs at once.
 */
import type { TurnContext } from 'botbuilder';
import type { Logger } from '../logger';

const collectorKey = Symbol('turnWrites');

type Write = () => Promise<void>;

/** Queues a write for the end of the turn; returns at once (or after the write, without a collector). */
export async function deferWrite(context: TurnContext, write: Write): Promise<void> {
  const queue = context.turnState.get(collectorKey) as Write[] | undefined;
  if (queue) queue.push(write);
  else await write();
}

/** Collects the writes of the turn `run` runs, then issues them all at once and waits for them; a failing write is logged. */
export async function withTurnWrites(context: TurnContext, logger: Logger, run: () => Promise<void>): Promise<void> {
  const queue: Write[] = [];
  context.turnState.set(collectorKey, queue);
  try {
    await run();
  } finally {
    context.turnState.delete(collectorKey);
    // Writes queued by other writes' callbacks are issued too.
    while (queue.length) {
      await Promise.all(
        queue.splice(0).map((write) => write().catch((err: unknown) => logger.warn({ err }, 'deferred turn write failed'))),
      );
    }
  }
}

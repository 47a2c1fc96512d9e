/**
 * Group commit for the database: items added during one turn of the event loop go to the database in
 * one statement, and each caller's promise settles with that statement. Under load a hundred concurrent
 * turns then cost a handful of round trips instead of a hundred, and nobody returns before its own
 * rows are written — the same guarantee as one statement per caller.
 */

/** Runs one batch; returns one result per item, in order (a rejected promise fails that item alone). */
export type BatchRunner<I, O> = (items: I[]) => Promise<(O | Promise<O>)[]>;

interface Waiter<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (reason: unknown) => void;
}

export class TickBatcher<I, O> {
  private pending: Waiter<I, O>[] = [];

  constructor(private readonly run: BatchRunner<I, O>) {}

  /** Queues an item for the batch flushed at the end of this event-loop turn. */
  add(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      // setImmediate, not a microtask: the other turns resumed by the same I/O callback queue first.
      if (!this.pending.length) setImmediate(() => void this.flush());
      this.pending.push({ item, resolve, reject });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      const results = await this.run(batch.map((w) => w.item));
      batch.forEach((w, i) => void Promise.resolve(results[i]).then(w.resolve, w.reject));
    } catch (err) {
      for (const w of batch) w.reject(err);
    }
  }
}

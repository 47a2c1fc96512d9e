import { TickBatcher } from '../../../bot/batching/tickBatcher';

describe('TickBatcher', () => {
  it('runs items added in the same event-loop turn as one batch, answering each caller in order', async () => {
    const batches: number[][] = [];
    const batcher = new TickBatcher<number, number>(async (items) => {
      batches.push(items);
      return items.map((n) => n * 10);
    });
    const results = await Promise.all([batcher.add(1), batcher.add(2), batcher.add(3)]);
    expect(results).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('starts a new batch for items added after the previous one was flushed', async () => {
    const batches: string[][] = [];
    const batcher = new TickBatcher<string, void>(async (items) => {
      batches.push(items);
      return items.map(() => undefined);
    });
    await batcher.add('a');
    await batcher.add('b');
    expect(batches).toEqual([['a'], ['b']]);
  });

  it('rejects every caller of a failed batch and keeps working afterwards', async () => {
    let fail = true;
    const batcher = new TickBatcher<number, number>(async (items) => {
      if (fail) throw new Error('database away');
      return items;
    });
    const settled = await Promise.allSettled([batcher.add(1), batcher.add(2)]);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await expect(batcher.add(3)).resolves.toBe(3);
  });
});

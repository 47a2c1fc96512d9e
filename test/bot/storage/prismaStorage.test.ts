import { PrismaStorage, ETagConflictError } from '../../../bot/storage/prismaStorage';
import { createTestDb, type TestDb } from '../../helpers/db';

describe('PrismaStorage', () => {
  let db: TestDb;
  let storage: PrismaStorage;
  beforeAll(async () => {
    db = await createTestDb();
    storage = new PrismaStorage(db.prisma);
  });
  afterAll(async () => db.close());

  it('reads back what it wrote, with an eTag', async () => {
    await storage.write({ 'k/read': { count: 1, nested: { ok: true } } });
    const items = await storage.read(['k/read', 'k/missing']);
    expect(items['k/read']).toMatchObject({ count: 1, nested: { ok: true } });
    expect(typeof items['k/read'].eTag).toBe('string');
    expect(items['k/missing']).toBeUndefined();
  });

  it('accepts a write carrying the current eTag and changes the eTag', async () => {
    await storage.write({ 'k/current': { v: 1 } });
    const first = (await storage.read(['k/current']))['k/current'];
    await storage.write({ 'k/current': { ...first, v: 2 } });
    const second = (await storage.read(['k/current']))['k/current'];
    expect(second.v).toBe(2);
    expect(second.eTag).not.toBe(first.eTag);
  });

  it('rejects a stale write and keeps the newer data', async () => {
    await storage.write({ 'k/stale': { v: 1 } });
    const a = (await storage.read(['k/stale']))['k/stale'];
    const b = (await storage.read(['k/stale']))['k/stale'];
    await storage.write({ 'k/stale': { ...a, v: 'from a' } });
    await expect(storage.write({ 'k/stale': { ...b, v: 'from b' } })).rejects.toBeInstanceOf(ETagConflictError);
    expect((await storage.read(['k/stale']))['k/stale'].v).toBe('from a');
  });

  it('lets only one of two concurrent writers with the same eTag win', async () => {
    await storage.write({ 'k/race': { v: 0 } });
    const base = (await storage.read(['k/race']))['k/race'];
    const results = await Promise.allSettled([
      storage.write({ 'k/race': { ...base, v: 1 } }),
      storage.write({ 'k/race': { ...base, v: 2 } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
  });

  it('overwrites unconditionally with eTag "*"', async () => {
    await storage.write({ 'k/star': { v: 1 } });
    await storage.write({ 'k/star': { v: 2, eTag: '*' } });
    expect((await storage.read(['k/star']))['k/star'].v).toBe(2);
  });

  it('gives two concurrent reads of one key separate copies, so one turn never sees the other mutate it', async () => {
    await storage.write({ 'k/shared': { nested: { v: 1 } } });
    const [a, b] = await Promise.all([storage.read(['k/shared']), storage.read(['k/shared'])]);
    (a['k/shared'].nested as { v: number }).v = 2;
    expect(b['k/shared'].nested).toEqual({ v: 1 });
  });

  it('deletes keys and ignores missing ones', async () => {
    await storage.write({ 'k/del': { v: 1 } });
    await storage.delete(['k/del', 'k/never']);
    expect(await storage.read(['k/del'])).toEqual({});
  });
});

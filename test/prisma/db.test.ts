import { createTestDb, type TestDb } from '../helpers/db';

describe('test database helper', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => db.close());

  it('opens a migrated database that reports healthy', async () => {
    expect(await db.health()).toBeNull();
    await db.prisma.staff.create({ data: { aadObjectId: 'a1', name: 'Ayesha' } });
    expect(await db.prisma.staff.count()).toBe(1);
  });
});

import { createTestDb, onPostgres, TEST_PGLITE_SETTINGS, type TestDb } from '../helpers/db';

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

  (onPostgres ? it.skip : it)('starts PGlite with the test settings (openDatabase passes pgliteSettings on)', async () => {
    const [row] = await db.prisma.$queryRaw<{ shared_buffers: string }[]>`SHOW shared_buffers`;
    expect(row.shared_buffers).toBe(TEST_PGLITE_SETTINGS.shared_buffers);
  });
});

describe('embedded database on disk', () => {
  it('keeps its folder 0700 and its files 0600, whatever the umask', async () => {
    const { mkdtemp, readdir, stat, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { openDatabase } = await import('../../prisma/db');
    const root = await mkdtemp(path.join(tmpdir(), 'pseb-perms-'));
    const dir = path.join(root, 'pglite');
    const previous = process.umask(0o000);
    try {
      // A first start: initdb in the new folder (with the tests' smaller buffers: the subject is the files' modes).
      const db = await openDatabase(`pglite:${dir}`, { pgliteSettings: TEST_PGLITE_SETTINGS });
      await db.close();
    } finally {
      process.umask(previous);
    }
    const modes: { file: string; mode: number; isDir: boolean }[] = [];
    const walk = async (at: string): Promise<void> => {
      const info = await stat(at);
      modes.push({ file: at, mode: info.mode & 0o777, isDir: info.isDirectory() });
      if (info.isDirectory()) for (const name of await readdir(at)) await walk(path.join(at, name));
    };
    await walk(dir);
    expect(modes.length).toBeGreaterThan(10);
    expect(modes.filter((m) => m.mode !== (m.isDir ? 0o700 : 0o600))).toEqual([]);
    await rm(root, { recursive: true, force: true });
  }, 120_000);
});

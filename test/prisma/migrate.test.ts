import { mkdtemp, cp, readFile, writeFile, readdir, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { openDatabase, type Database } from '../../prisma/db';
import { applyMigrations, createMigration, defaultMigrationPaths, shippedMigrationNames, type MigrationPaths } from '../../prisma/migrate';
import { createEmptyPostgresDb, emptyPgliteCluster, TEST_PGLITE_SETTINGS } from '../helpers/db';

/** A private copy of the schema and migrations that a test may change. */
async function copyOfPrismaFolder(): Promise<MigrationPaths> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pseb-migrate-'));
  await cp(defaultMigrationPaths.migrationsDir, path.join(dir, 'migrations'), { recursive: true });
  await cp(defaultMigrationPaths.schemaFile, path.join(dir, 'schema.prisma'));
  return { schemaFile: path.join(dir, 'schema.prisma'), migrationsDir: path.join(dir, 'migrations') };
}

/** Every database kind the suite runs against: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
const targets: [string, () => Promise<{ db: Database; drop(): Promise<void> }>][] = [
  // An empty cluster (initdb done once for the run): the subject is migrating from nothing, not initdb.
  [
    'PGlite',
    async () => {
      const empty = emptyPgliteCluster();
      return {
        db: await openDatabase('pglite:memory', { pgliteDump: empty, pgliteEmptyClusterDump: empty, pgliteSettings: TEST_PGLITE_SETTINGS }),
        drop: async () => undefined,
      };
    },
  ],
];
if (process.env.TEST_DATABASE_URL) {
  const base = process.env.TEST_DATABASE_URL;
  targets.push([
    'PostgreSQL',
    async () => {
      const empty = await createEmptyPostgresDb(base);
      return { db: await openDatabase(empty.url, { poolSize: 2 }), drop: empty.drop };
    },
  ]);
}

describe.each(targets)('migration runner on %s', (_name, open) => {
  let db: Database;
  let drop: () => Promise<void>;
  beforeEach(async () => {
    ({ db, drop } = await open());
  });
  afterEach(async () => {
    await db.close();
    await drop();
  });

  it('applies every shipped migration once, with the CLI-compatible checksum', async () => {
    expect(await db.health()).toBe('database not migrated');
    const applied = await db.migrate();
    expect(applied).toEqual(await shippedMigrationNames());
    expect(await db.migrate()).toEqual([]);
    expect(await db.health()).toBeNull();
    const [first] = applied;
    const sql = await readFile(path.join(defaultMigrationPaths.migrationsDir, first, 'migration.sql'), 'utf8');
    const rows = await db.prisma.$queryRaw<{ checksum: string }[]>`SELECT checksum FROM _prisma_migrations WHERE migration_name = ${first}`;
    expect(rows[0].checksum).toBe(createHash('sha256').update(sql).digest('hex'));
  });

  it('reports pending migrations in health until they are applied', async () => {
    const paths = await copyOfPrismaFolder();
    await db.migrate(paths);
    const extra = path.join(paths.migrationsDir, '29991231000000_later');
    await mkdir(extra);
    await writeFile(path.join(extra, 'migration.sql'), 'CREATE TABLE "later_table" ("id" INTEGER PRIMARY KEY);');
    // Health compares against the shipped folder, so check through the copied folder's names instead.
    const applied = await applyMigrations(db.migrationFactory(), paths);
    expect(applied).toEqual(['29991231000000_later']);
  });

  it('refuses to deploy past a failed migration, as the Prisma CLI does', async () => {
    const paths = await copyOfPrismaFolder();
    const broken = path.join(paths.migrationsDir, '29991231000000_broken');
    await mkdir(broken);
    await writeFile(path.join(broken, 'migration.sql'), 'CREATE TABLE "oops" (;');
    await expect(applyMigrations(db.migrationFactory(), paths)).rejects.toThrow();
    await expect(applyMigrations(db.migrationFactory(), paths)).rejects.toThrow(/failed|P3009|P3018/i);
  });

  it('creates a new migration folder from a schema change, and nothing when nothing changed', async () => {
    const paths = await copyOfPrismaFolder();
    expect(await createMigration(db.migrationFactory(), 'nothing', paths)).toBeNull();
    const schema = await readFile(paths.schemaFile, 'utf8');
    await writeFile(
      paths.schemaFile,
      schema.replace('  name        String?\n', '  name        String?\n  phoneExt    String? @map("phone_ext")\n'),
    );
    const name = await createMigration(db.migrationFactory(), 'staff_phone_ext', paths);
    expect(name).toMatch(/^\d{14}_staff_phone_ext$/);
    const created = await readFile(path.join(paths.migrationsDir, name!, 'migration.sql'), 'utf8');
    expect(created).toContain('"phone_ext"');
    expect((await readdir(paths.migrationsDir)).filter((f) => !f.endsWith('.toml'))).toHaveLength(
      (await shippedMigrationNames()).length + 1,
    );
    // Each diff replays every migration into fresh shadow databases (a new embedded cluster each on PGlite).
  }, 240_000);
});

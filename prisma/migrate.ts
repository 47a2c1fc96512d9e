/**
 * `prisma migrate deploy` / `migrate dev --create-only` / `migrate status` without the native schema
 * engine: drives @prisma/schema-engine-wasm (the build matching Prisma 7.10.0) through the same driver
 * adapters the app uses. Produces the same `_prisma_migrations` rows and checksums as the CLI.
 */
import { readFile, readdir, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
} from '@prisma/driver-adapter-utils';
import type * as EngineModule from '@prisma/schema-engine-wasm/schema_engine_bg';
import { fromRoot } from '../bot/paths';

type SchemaEngine = EngineModule.SchemaEngine;
type MigrationList = Parameters<SchemaEngine['applyMigrations']>[0]['migrationsList'];

/** Paths the engine works from; tests point them at temporary copies. */
export interface MigrationPaths {
  schemaFile: string;
  migrationsDir: string;
}

export const defaultMigrationPaths: MigrationPaths = {
  schemaFile: fromRoot('prisma', 'schema.prisma'),
  migrationsDir: fromRoot('prisma', 'migrations'),
};

const FILTERS = { externalTables: [], externalEnums: [] };

/**
 * The wasm-bindgen glue keeps its wasm instance in module scope, so the engine may be instantiated only
 * once per process (a second instance corrupts the first: "FnOnce called more than once"). Loaded lazily.
 */
let engineClass: Promise<typeof EngineModule.SchemaEngine> | undefined;
function loadEngineClass(): Promise<typeof EngineModule.SchemaEngine> {
  engineClass ??= instantiateEngine();
  return engineClass;
}

/** Instantiates the wasm engine with its wasm-bindgen glue (Node 20 cannot import .wasm files). */
async function instantiateEngine(): Promise<typeof EngineModule.SchemaEngine> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const glue = require('@prisma/schema-engine-wasm/schema_engine_bg') as typeof EngineModule & {
    __wbg_set_wasm(exports: WebAssembly.Exports): void;
  };
  const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const wasm = await readFile(path.join(path.dirname(gluePath), 'schema_engine_bg.wasm'));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(wasm), { './schema_engine_bg.js': glue });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue.SchemaEngine;
}

/** Reads prisma/migrations the way the CLI does. */
export async function readMigrationsList(migrationsDir: string): Promise<MigrationList> {
  const lockPath = 'migration_lock.toml';
  const lockContent = await readFile(path.join(migrationsDir, lockPath), 'utf8').catch(() => null);
  const entries = existsSync(migrationsDir) ? await readdir(migrationsDir, { withFileTypes: true }) : [];
  const migrationDirectories = [];
  for (const dir of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const content = await readFile(path.join(migrationsDir, dir.name, 'migration.sql'), 'utf8').then(
      (value) => ({ tag: 'ok' as const, value }),
      (e: unknown) => ({ tag: 'error' as const, value: String(e) }),
    );
    migrationDirectories.push({ path: dir.name, migrationFile: { path: 'migration.sql', content } });
  }
  return {
    baseDir: migrationsDir,
    lockfile: { path: lockPath, content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

/**
 * The 7.10 wasm engine replays migrations into the shadow database with a raw command, which adapters
 * run as one prepared statement; PGlite refuses multi-statement SQL there. Parameterless raw commands
 * go to executeScript instead.
 */
function scriptAware(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return new Proxy(adapter, {
    get(target, key) {
      if (key === 'executeRaw') {
        return async (query: SqlQuery) => {
          if (query.args?.length) return target.executeRaw(query);
          await target.executeScript(query.sql);
          return 0;
        };
      }
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? (value.bind(target) as unknown) : value;
    },
  });
}

/** Runs fn with an engine bound to the factory; disposes every connection the engine opened. */
async function withEngine<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  paths: MigrationPaths,
  fn: (engine: SchemaEngine, schemaText: string) => Promise<T>,
): Promise<T> {
  const SchemaEngineClass = await loadEngineClass();
  const schemaText = await readFile(paths.schemaFile, 'utf8');
  // engine.free() does not dispose the connections it opened: track and close them ourselves.
  const open = new Set<SqlDriverAdapter>();
  const track = (adapter: SqlDriverAdapter) => {
    open.add(adapter);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      open.delete(adapter);
      await dispose();
    };
    return scriptAware(adapter);
  };
  const wrapped: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => track(await factory.connect()),
    connectToShadowDb: async () => track(await factory.connectToShadowDb()),
  };
  const engine = await SchemaEngineClass.new(
    { datamodels: [[paths.schemaFile, schemaText]] },
    () => undefined,
    bindMigrationAwareSqlAdapterFactory(wrapped),
  );
  try {
    return await fn(engine, schemaText);
  } finally {
    engine.free();
    for (const adapter of [...open]) await adapter.dispose();
  }
}

/** Applies pending migrations; returns the names applied now. */
export async function applyMigrations(
  factory: SqlMigrationAwareDriverAdapterFactory,
  paths: MigrationPaths = defaultMigrationPaths,
): Promise<string[]> {
  return withEngine(factory, paths, async (engine) => {
    const migrationsList = await readMigrationsList(paths.migrationsDir);
    const result = await engine.applyMigrations({ migrationsList, filters: FILTERS });
    return result.appliedMigrationNames;
  });
}

/** Diffs the schema against the migrations and writes a new migration folder; null when nothing changed. */
export async function createMigration(
  factory: SqlMigrationAwareDriverAdapterFactory,
  name: string,
  paths: MigrationPaths = defaultMigrationPaths,
): Promise<string | null> {
  return withEngine(factory, paths, async (engine, schemaText) => {
    const migrationsList = await readMigrationsList(paths.migrationsDir);
    // Order matters: applyMigrations creates _prisma_migrations on a fresh database (devDiagnostic
    // alone fails there), devDiagnostic hands the engine its shadow database, and createMigration
    // reuses what devDiagnostic computed.
    await engine.applyMigrations({ migrationsList, filters: FILTERS });
    const { action } = await engine.devDiagnostic({ migrationsList, filters: FILTERS });
    if (action.tag === 'reset') throw new Error(`the database has drifted from the migrations: ${action.reason}`);
    const out = await engine.createMigration({
      draft: false,
      migrationName: name,
      migrationsList,
      filters: FILTERS,
      schema: { files: [{ path: paths.schemaFile, content: schemaText }] },
    });
    if (out.migrationScript == null) return null;
    const dir = path.join(paths.migrationsDir, out.generatedMigrationName);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, `migration.${out.extension}`), out.migrationScript);
    if (migrationsList.lockfile.content == null) {
      await writeFile(
        path.join(paths.migrationsDir, 'migration_lock.toml'),
        `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${out.connectorType}"\n`,
      );
    }
    return out.generatedMigrationName;
  });
}

/** The engine's view of the migration history (what `prisma migrate status` prints from). */
export async function migrationStatus(
  factory: SqlMigrationAwareDriverAdapterFactory,
  paths: MigrationPaths = defaultMigrationPaths,
): Promise<Awaited<ReturnType<SchemaEngine['diagnoseMigrationHistory']>>> {
  return withEngine(factory, paths, async (engine) =>
    engine.diagnoseMigrationHistory({
      migrationsList: await readMigrationsList(paths.migrationsDir),
      optInToShadowDatabase: false,
      filters: FILTERS,
    }),
  );
}

/** Names of the migration folders shipped with the code. */
export async function shippedMigrationNames(migrationsDir = defaultMigrationPaths.migrationsDir): Promise<string[]> {
  const list = await readMigrationsList(migrationsDir);
  return list.migrationDirectories.map((d) => d.path);
}

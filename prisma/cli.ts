/**
 * `npm run db:migrate` (deploy), `npm run db:migrate:create -- <name>`, `npm run db:migrate:status`:
 * the Prisma CLI's migrate commands without its native engine download.
 */
import { loadConfig, ConfigError } from '../bot/config';
import { openDatabase } from './db';
import { createMigration, migrationStatus } from './migrate';

async function main(argv: string[]): Promise<number> {
  const [command, name] = argv;
  const config = loadConfig();
  const db = await openDatabase(config.databaseUrl, { poolSize: 2 });
  const started = performance.now();
  try {
    let result: unknown;
    if (command === 'deploy') result = await db.migrate();
    else if (command === 'create') {
      if (!name || !/^[a-z0-9_]+$/i.test(name)) {
        console.error('usage: npm run db:migrate:create -- <name>   (letters, digits and _ only)');
        return 2;
      }
      result = (await createMigration(db.migrationFactory(), name)) ?? 'no changes: the schema matches the migrations';
    } else if (command === 'status') result = await migrationStatus(db.migrationFactory());
    else {
      console.error('usage: prisma/cli.ts deploy | create <name> | status');
      return 2;
    }
    console.log(`${command}: ${JSON.stringify(result)} (${Math.round(performance.now() - started)} ms, ${db.target.kind})`);
    return 0;
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  // The wasm engine leaves a ~10 s timer behind on PostgreSQL; don't wait for it.
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  },
);

/**
 * `npm run purge -- --older-than 180d`: the retention job. Deletes transcripts and other logs of what
 * users wrote once older than the given age; keeps request records. Prints what it deleted as JSON.
 */
import { loadConfig, ConfigError } from '../bot/config';
import { openDatabase } from '../prisma/db';
import { parseAge, purgeOlderThan } from '../bot/reliability/purge';

/** Reads `--older-than <age>` (or `--older-than=<age>`) from the arguments. */
export function olderThanArgument(args: string[]): string | undefined {
  const index = args.findIndex((a) => a === '--older-than' || a.startsWith('--older-than='));
  if (index < 0) return undefined;
  return args[index].includes('=') ? args[index].split('=')[1] : args[index + 1];
}

async function main(): Promise<number> {
  const raw = olderThanArgument(process.argv.slice(2));
  const ageMs = raw === undefined ? undefined : parseAge(raw);
  if (ageMs === undefined) {
    console.error('usage: npm run purge -- --older-than <N>d|<N>h|<N>m   (e.g. 180d)');
    return 2;
  }
  const config = loadConfig();
  const db = await openDatabase(config.databaseUrl, { poolSize: 1 });
  try {
    const problem = await db.health();
    if (problem) {
      console.error(`purge: ${problem}`);
      return 1;
    }
    const cutoff = new Date(Date.now() - ageMs);
    const deleted = await purgeOlderThan(db.prisma, cutoff);
    console.log(JSON.stringify({ cutoff: cutoff.toISOString(), deleted }));
    return 0;
  } finally {
    await db.close();
  }
}

if (require.main === module) {
  main()
    .then((code) => process.exit(code))
    .catch((err: unknown) => {
      console.error(err instanceof ConfigError ? err.message : `purge failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    });
}

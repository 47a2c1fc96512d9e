/**
 * `npm run bench`: the echo baseline and PSEB Assist, each in its own compiled process (dist/, as
 * `npm start` runs, with the same heap cap), driven over HTTP by
 * autocannon with the same concurrency; throughput, p50/p99 and ratios to echo; then RSS with 10,000
 * conversations stored in bulk before the runs plus every conversation the runs opened.
 * PGlite in a temp folder (removed afterwards) by default; PostgreSQL when DATABASE_URL is given
 * (the bench writes into that database — give it a scratch one). Env: BENCH_CONNECTIONS (100),
 * BENCH_SECONDS (8 per scenario).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { dialogTurn, echoTurn, faqTurn, whitelistingOpening, type Scenario } from './scenarios';

const connections = Number(process.env.BENCH_CONNECTIONS ?? 100);
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const storedTarget = 10_000;

interface Target {
  url: string;
  child: ChildProcess;
  /** Conversations stored before listening. */
  seeded: number;
}

interface Row {
  target: string;
  scenario: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

const root = path.resolve(__dirname, '..');

/** Node flags of `npm start`, read from package.json so the bench runs what production runs. */
function startFlags(): string[] {
  const start = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start;
  return start.split(/\s+/).filter((arg) => arg.startsWith('--'));
}

/** Compiles dist/ (a second or two). */
function build(): void {
  const result = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('build failed');
}

/** Starts the compiled `bench/server <kind>` and waits for its port; `env` adds to the bench's own. */
function startTarget(kind: 'echo' | 'pseb', env: Record<string, string> = {}): Promise<Target> {
  const child = spawn(process.execPath, [...startFlags(), '--no-deprecation', path.join(root, 'dist/bench/server.js'), kind], {
    env: { ...process.env, BENCH_SEED_CONVERSATIONS: String(storedTarget), ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      const port = lines.find((l) => l.startsWith('{"port"'));
      const stored = lines.find((l) => l.startsWith('{"stored"'));
      if (port) {
        const seeded = stored ? (JSON.parse(stored) as { stored: number }).stored : 0;
        resolve({ url: `http://127.0.0.1:${(JSON.parse(port) as { port: number }).port}`, child, seeded });
      }
    });
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
}

/** Resident memory of a child, from /proc (Linux); NaN elsewhere. */
function rssMb(pid: number | undefined): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Drives one scenario for `duration` seconds (or `amount` requests). */
async function drive(url: string, scenario: Scenario, options: { duration?: number; amount?: number }): Promise<autocannon.Result> {
  let n = 0;
  return autocannon({
    url: `${url}/api/messages`,
    connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.duration ?? seconds }),
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify(scenario.body(n++)) }) }],
  });
}

function row(target: string, scenario: Scenario, result: autocannon.Result): Row {
  return {
    target,
    scenario: scenario.name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** Posts one activity and returns the reply texts (to see what a scenario actually exercised). */
async function probe(url: string, scenario: Scenario): Promise<string> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(scenario.body(1e9)),
  });
  const body = (await res.json().catch(() => ({}))) as { activities?: { text?: string; attachments?: unknown[] }[] };
  return (body.activities ?? [])
    .map((a) => (a.text ?? (a.attachments?.length ? '[card]' : '')).slice(0, 60).replace(/\s+/g, ' '))
    .join(' | ');
}

function printTable(rows: Row[], echoRps: number): void {
  const header = ['target', 'scenario', 'req/s', 'p50 ms', 'p99 ms', '× echo', 'non-2xx', 'errors'];
  const lines = rows.map((r) => [
    r.target,
    r.scenario,
    r.rps.toFixed(0),
    String(r.p50),
    String(r.p99),
    (r.rps / echoRps).toFixed(2),
    String(r.non2xx),
    String(r.errors),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(fmt(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const line of lines) console.log(fmt(line));
}

async function main(): Promise<void> {
  const database = process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'PGlite (temp folder)';
  console.log(
    `PSEB Assist bench — ${connections} concurrent connections, ${seconds}s per scenario, database: ${database}, node ${process.version}`,
  );
  build();
  // PGlite's data folder (~100 MB after a run) is made here so it can be removed once the server has exited.
  const pgliteDir = process.env.DATABASE_URL ? undefined : mkdtempSync(path.join(tmpdir(), 'pseb-bench-'));
  try {
    await runTargets(pgliteDir ? { DATABASE_URL: `pglite:${pgliteDir}` } : {});
  } finally {
    if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
  }
}

/** Stops a target and waits until it has exited. */
async function stop(target: Target): Promise<void> {
  if (target.child.exitCode !== null || target.child.signalCode !== null) return;
  const exited = once(target.child, 'exit');
  target.child.kill();
  await exited;
}

async function runTargets(psebEnv: Record<string, string>): Promise<void> {
  const echo = await startTarget('echo');
  const pseb = await startTarget('pseb', psebEnv).catch(async (err: unknown) => {
    await stop(echo);
    throw err;
  });
  try {
    const rows: Row[] = [];
    await drive(echo.url, echoTurn, { duration: 1 });
    const echoResult = row('echo bot', echoTurn, await drive(echo.url, echoTurn, {}));
    rows.push(echoResult);

    // Each FAQ and whitelisting request opens (and stores) a new conversation, on top of the seeded ones.
    let stored = pseb.seeded + (await drive(pseb.url, faqTurn, { duration: 1 }))['2xx'];
    console.log(`  FAQ turn answers: ${await probe(pseb.url, faqTurn)}`);
    console.log(`  whitelisting pick answers: ${await probe(pseb.url, whitelistingOpening)}`);
    for (const scenario of [faqTurn, dialogTurn, whitelistingOpening]) {
      const result = await drive(pseb.url, scenario, {});
      if (scenario !== dialogTurn) stored += result['2xx'];
      rows.push(row('PSEB Assist', scenario, result));
    }

    printTable(rows, echoResult.rps);

    const rss = rssMb(pseb.child.pid);
    console.log(
      `RSS: PSEB Assist ${rss.toFixed(0)} MB after ${stored.toLocaleString('en')} stored conversations (echo bot ${rssMb(echo.child.pid).toFixed(0)} MB)`,
    );
    const ratio = (name: string) => (rows.find((r) => r.scenario === name)?.rps ?? 0) / echoResult.rps;
    const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
    console.log('targets:');
    console.log(`  FAQ turn ≥ 0.30× echo: ${ratio(faqTurn.name).toFixed(2)}× — ${verdict(ratio(faqTurn.name) >= 0.3)}`);
    console.log(`  dialog turn ≥ 0.25× echo: ${ratio(dialogTurn.name).toFixed(2)}× — ${verdict(ratio(dialogTurn.name) >= 0.25)}`);
    // No answered request (all timed out) is no evidence, not a met target.
    for (const r of rows)
      console.log(
        `  p99 ≤ 3× p50, ${r.target} ${r.scenario}: ${(r.p99 / Math.max(r.p50, 1)).toFixed(1)}× — ${verdict(r.rps > 0 && r.p99 <= 3 * Math.max(r.p50, 1))}`,
      );
    console.log(`  RSS ≤ 250 MB after 10,000 conversations: ${rss.toFixed(0)} MB — ${verdict(rss <= 250)}`);
  } finally {
    await Promise.all([stop(echo), stop(pseb)]);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

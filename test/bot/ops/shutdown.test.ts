/**
 * SIGTERM on the real server process: every activity it accepted is processed and stored before it
 * exits 0; what comes after is refused (503 or a connection never read), never half-processed.
 * The server runs from source under tsx as a child process, on the test database (PostgreSQL with
 * TEST_DATABASE_URL, else a PGlite folder opened again once the child has exited). Its replies go to a
 * loopback connector that holds them back, so the signal arrives while turns are certainly in flight.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { startConnector } from '../../helpers/connector';
import { eventually } from '../../helpers/eventually';
import { createEmptyPostgresDb, onPostgres, seedPgliteFolder, TEST_PGLITE_SETTINGS } from '../../helpers/db';
import { openDatabase } from '../../../prisma/db';

const root = path.resolve(__dirname, '../../..');

interface Outcome {
  conversationId: string;
  status?: number;
  error?: string;
}

interface Server {
  child: ChildProcess;
  port: number;
  exited: Promise<number | null>;
  /** What the server has written so far (stdout and stderr). */
  output(): string;
}

/** Starts `bot/index.ts` on a free port; resolves once it logs that it listens. */
function startServer(databaseUrl: string, dataDir: string): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bot/index.ts')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      PORT: '0',
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      RATE_LIMIT_PER_MINUTE: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.includes('PSEB Assist listening'));
      if (line) resolve({ child, port: (JSON.parse(line) as { port: number }).port, exited, output: () => out });
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    void exited.then((code) => reject(new Error(`server exited with ${code} before listening:\n${out.slice(-2000)}`)));
  });
}

/** Posts an activity on its own connection (so refusal after close shows as such); never rejects. */
function post(port: number, path_: string, body?: Record<string, unknown>): Promise<{ status?: number; error?: string; body: string }> {
  return new Promise((resolve) => {
    const payload = body ? JSON.stringify(body) : undefined;
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: path_,
        method: body ? 'POST' : 'GET',
        agent: false,
        headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {},
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode, body: text }));
        res.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message, body: text }));
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message, body: '' }));
    req.end(payload);
  });
}

it('finishes and stores every accepted activity on SIGTERM, refuses the rest, and exits 0', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pseb-shutdown-'));
  const pg = onPostgres ? await createEmptyPostgresDb(process.env.TEST_DATABASE_URL!) : undefined;
  const databaseUrl = pg?.url ?? `pglite:${path.join(dataDir, 'pglite')}`;
  // The subject is the drain, not initdb: the server finds a migrated cluster.
  if (!pg) await seedPgliteFolder(path.join(dataDir, 'pglite'));
  const connector = await startConnector();
  try {
    const { child, port, exited, output } = await startServer(databaseUrl, dataDir);
    const run = randomUUID().slice(0, 8);
    const send = async (n: number): Promise<Outcome> => {
      const conversationId = `shutdown-${run}-${n}`;
      const res = await post(port, '/api/messages', {
        type: 'message',
        id: `activity-${n}`,
        channelId: 'test',
        serviceUrl: connector.serviceUrl,
        conversation: { id: conversationId },
        from: { id: `user-${n}` },
        recipient: { id: 'bot' },
        text: n % 2 ? 'How long does approval take?' : 'menu',
      });
      return { conversationId, status: res.status, error: res.error };
    };

    // A first wave whose turns wait on the connector when the signal comes; a second wave fired once the server
    // has begun shutting down; then the connector answers and the held turns may finish.
    const release = connector.hold();
    const first = Array.from({ length: 40 }, (_, n) => send(n));
    const inFlight = await connector.waitFor(() => true, 6);
    const inFlightIds = new Set(inFlight.map((c) => c.conversationId));
    child.kill('SIGTERM');
    await eventually('the server to begin shutting down', () => output().includes('shutting down') || undefined);
    const second = Array.from({ length: 10 }, (_, n) => send(100 + n));
    const secondOutcomes = await Promise.all(second);
    release();
    const outcomes = [...(await Promise.all(first)), ...secondOutcomes];
    expect(await exited).toBe(0);

    const accepted = outcomes.filter((o) => o.status === 200);
    const refused = outcomes.filter((o) => o.status !== 200);
    // Refused: a 503, or a connection never read (refused, or reset from the listen backlog when the port closed).
    expect(refused.filter((o) => o.status !== 503 && o.error !== 'ECONNREFUSED' && o.error !== 'ECONNRESET')).toEqual([]);
    // The ones in flight when the signal came were finished, not dropped.
    expect(inFlightIds.size).toBeGreaterThanOrEqual(6);
    expect(accepted.map((o) => o.conversationId)).toEqual(expect.arrayContaining([...inFlightIds]));
    for (const o of accepted) expect(connector.sentTo(o.conversationId).length).toBeGreaterThan(0);
    // What came after the signal was refused.
    expect(secondOutcomes.filter((o) => o.status === 200)).toEqual([]);

    const db = await openDatabase(databaseUrl, { pgliteSettings: TEST_PGLITE_SETTINGS });
    try {
      const stored = async (ids: string[]) => ({
        incoming: new Set(
          (
            await db.prisma.transcriptMessage.findMany({
              where: { conversationId: { in: ids }, direction: 'incoming' },
              select: { conversationId: true },
            })
          ).map((r) => r.conversationId),
        ).size,
        outgoing: new Set(
          (
            await db.prisma.transcriptMessage.findMany({
              where: { conversationId: { in: ids }, direction: 'outgoing' },
              select: { conversationId: true },
            })
          ).map((r) => r.conversationId),
        ).size,
        refs: await db.prisma.conversationRef.count({ where: { conversationId: { in: ids } } }),
        states: await db.prisma.botState.count({ where: { key: { in: ids.map((id) => `test/conversations/${id}/`) } } }),
      });
      // Everything answered is stored in full: transcript both ways, conversation reference, state.
      const n = accepted.length;
      expect(await stored(accepted.map((o) => o.conversationId))).toEqual({ incoming: n, outgoing: n, refs: n, states: n });
      // Nothing refused was half-processed.
      expect(await stored(refused.map((o) => o.conversationId))).toEqual({ incoming: 0, outgoing: 0, refs: 0, states: 0 });
    } finally {
      await db.close();
    }
  } finally {
    await connector.close();
    await pg?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 180_000);

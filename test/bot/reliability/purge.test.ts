/**
 * Retention: `purgeOlderThan` deletes old transcripts, Direct Line activities, FAQ lookups and expired
 * dedupe claims, and keeps request records and everything recent. `npm run purge` runs it for real.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestDb, seedPgliteFolder, TEST_PGLITE_SETTINGS, type TestDb } from '../../helpers/db';
import { parseAge, purgeOlderThan } from '../../../bot/reliability/purge';
import { olderThanArgument } from '../../../scripts/purge';
import { openDatabase } from '../../../prisma/db';
import type { PrismaClient } from '../../../generated/prisma/client';

const run = promisify(execFile);
const day = 86_400_000;
const old = new Date(Date.now() - 200 * day);
const recent = new Date(Date.now() - 10 * day);

/** One of each kind of row, once old and once recent. */
async function seed(prisma: PrismaClient): Promise<void> {
  for (const [tag, createdAt] of [
    ['old', old],
    ['recent', recent],
  ] as const) {
    await prisma.transcriptMessage.create({
      data: { conversationId: `c-${tag}`, channelId: 'test', direction: 'incoming', text: `hello ${tag}`, createdAt },
    });
    await prisma.faqQueryLog.create({ data: { language: 'en', decision: 'answer', createdAt } });
    await prisma.directLineConversation.create({
      data: { id: `dl-${tag}`, createdAt, activities: { create: { seq: 1, id: `a-${tag}`, activity: { text: tag }, createdAt } } },
    });
    await prisma.request.create({
      data: {
        reference: `PSEB-${tag}`,
        kind: 'whitelisting',
        submitKey: `k-${tag}`,
        channelId: 'test',
        userId: 'u',
        conversationId: `c-${tag}`,
        companyName: 'Acme',
        fields: {},
        createdAt,
      },
    });
  }
  await prisma.processedActivity.createMany({
    data: [
      { key: 'expired', expiresAt: new Date(Date.now() - 60_000) },
      { key: 'live', expiresAt: new Date(Date.now() + 60_000) },
    ],
  });
}

describe('purgeOlderThan', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
    await seed(db.prisma);
  });
  afterAll(() => db.close());

  it('deletes old transcripts and logs, keeps requests and recent rows', async () => {
    const counts = await purgeOlderThan(db.prisma, new Date(Date.now() - 180 * day));
    expect(counts).toEqual({
      transcriptMessages: 1,
      directLineActivities: 1,
      directLineConversations: 1,
      faqQueryLogs: 1,
      processedActivities: 1,
    });
    expect((await db.prisma.transcriptMessage.findMany()).map((m) => m.text)).toEqual(['hello recent']);
    expect(await db.prisma.faqQueryLog.count()).toBe(1);
    expect((await db.prisma.directLineConversation.findMany()).map((c) => c.id)).toEqual(['dl-recent']);
    expect((await db.prisma.processedActivity.findMany()).map((p) => p.key)).toEqual(['live']);
    expect((await db.prisma.request.findMany({ orderBy: { reference: 'asc' } })).map((r) => r.reference)).toEqual([
      'PSEB-old',
      'PSEB-recent',
    ]);
  });

  it('deletes nothing more when run again', async () => {
    const counts = await purgeOlderThan(db.prisma, new Date(Date.now() - 180 * day));
    expect(Object.values(counts).every((n) => n === 0)).toBe(true);
  });
});

describe('purge arguments', () => {
  it.each([
    ['180d', 180 * day],
    ['36h', 36 * 3_600_000],
    ['90m', 90 * 60_000],
  ])('reads %s as an age', (text, ms) => expect(parseAge(text)).toBe(ms));

  it.each(['', '0d', '180', 'd', '-5d', '1y', '180 days'])('refuses %p', (text) => expect(parseAge(text)).toBeUndefined());

  it('finds --older-than in either spelling', () => {
    expect(olderThanArgument(['--older-than', '180d'])).toBe('180d');
    expect(olderThanArgument(['--older-than=30d'])).toBe('30d');
    expect(olderThanArgument(['--dry'])).toBeUndefined();
  });
});

describe('npm run purge', () => {
  const script = path.resolve(__dirname, '../../../scripts/purge.ts');
  // tsx as a loader in one process (its CLI would start a second Node process to run the script in).
  const purge = (args: string[], env: NodeJS.ProcessEnv) => run(process.execPath, ['--import', 'tsx', script, ...args], { env });

  it('refuses to run without an age and says how to call it', async () => {
    const failure = await purge([], { ...process.env, NODE_OPTIONS: '' }).catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain('--older-than');
  });

  it('purges a real database given by DATABASE_URL and prints the counts', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pseb-purge-'));
    try {
      const url = `pglite:${dir}`;
      await seedPgliteFolder(dir);
      const db = await openDatabase(url, { pgliteSettings: TEST_PGLITE_SETTINGS });
      await seed(db.prisma);
      await db.close();
      const { stdout } = await purge(['--older-than', '180d'], { ...process.env, NODE_OPTIONS: '', DATABASE_URL: url });
      const printed = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { deleted: Record<string, number> };
      expect(printed.deleted).toMatchObject({ transcriptMessages: 1, faqQueryLogs: 1, directLineActivities: 1 });
      const after = await openDatabase(url, { pgliteSettings: TEST_PGLITE_SETTINGS });
      expect(await after.prisma.request.count()).toBe(2);
      expect(await after.prisma.transcriptMessage.count()).toBe(1);
      await after.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

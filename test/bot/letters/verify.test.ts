/**
 * Verification over HTTP with a clock the test moves: valid, revoked, expired, not found; the
 * per-address limit; the pure rules behind it (validity periods, signed links, "letter <ref>").
 */
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import restify, { type Server } from 'restify';
import { loadConfig } from '../../../bot/config';
import { createLogger } from '../../../bot/logger';
import { createI18n } from '../../../bot/i18n';
import { LetterService } from '../../../bot/letters/service';
import { mountLetterRoutes, clientAddress } from '../../../bot/letters/routes';
import { LinkSigner } from '../../../bot/letters/signing';
import { validityOf, karachiDayEnd } from '../../../bot/letters/validity';
import { letterQuery } from '../../../bot/letters/chat';
import { maskCnicLast4 } from '../../../bot/privacy/mask';
import { newReference } from '../../../bot/domain/reference';
import type { Prisma } from '../../../generated/prisma/client';
import { createTestDb, type TestDb } from '../../helpers/db';

const DAY = 86_400_000;
let db: TestDb;
let server: Server;
let baseUrl: string;
let now = new Date('2026-03-01T09:00:00Z');
let letters: LetterService;
const i18n = createI18n();
const en = i18n.getFixedT('en');

beforeAll(async () => {
  db = await createTestDb();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    LETTER_SECRET: 'x'.repeat(40),
    VERIFY_RATE_LIMIT_PER_MINUTE: '20',
    BOT_PUBLIC_HOST: 'assist.pseb.example',
  });
  const logger = createLogger('silent');
  letters = new LetterService({ config, prisma: db.prisma, i18n, logger, clock: () => now });
  server = restify.createServer();
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  mountLetterRoutes(server, { config, letters, staff: { isStaff: async () => false } as never, i18n, logger, now: () => now.getTime() });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await db?.close();
});

/** An approved request with its approval event at `now`, and its letter issued. */
async function approved(kind: 'whitelisting' | 'wfh', fields: Record<string, unknown>) {
  const request = await db.prisma.request.create({
    data: {
      reference: newReference(kind),
      kind,
      status: 'APPROVED',
      submitKey: randomUUID(),
      channelId: 'webchat',
      userId: 'u',
      conversationId: 'c',
      companyName: 'Karachi Call Hub',
      fields: fields as Prisma.InputJsonValue,
    },
  });
  await db.prisma.requestEvent.create({
    data: { requestId: request.id, fromStatus: 'IN_REVIEW', toStatus: 'APPROVED', actorId: 'staff', actorName: 'Hina', createdAt: now },
  });
  const issued = await letters.issue(request);
  if (!issued) throw new Error('not issued');
  return issued;
}

const verifyJson = async (reference: string, code: string, from = '203.0.113.1') => {
  const res = await fetch(`${baseUrl}/api/verify/${reference}?c=${encodeURIComponent(code)}`, { headers: { 'x-forwarded-for': from } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('verification over time', () => {
  it('says valid, then revoked once staff revoke, and a wrong code reads as not found', async () => {
    const request = await approved('whitelisting', {
      city: 'Karachi',
      agentSeats: 40,
      contactCnic: '42101-1234567-1',
      ipAddresses: ['39.45.12.7'],
    });
    expect(request.letterCode).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(letters.verifyUrl(request)).toBe(`https://assist.pseb.example/verify/${request.reference}?c=${request.letterCode}`);
    expect(await verifyJson(request.reference, request.letterCode)).toEqual({
      status: 200,
      body: {
        status: 'valid',
        reference: request.reference,
        company: 'Karachi Call Hub',
        city: 'Karachi',
        validFrom: now.toISOString(),
        validUntil: new Date(now.getTime() + 30 * DAY).toISOString(),
        agents: 40,
      },
    });
    const wrong = await verifyJson(
      request.reference,
      request.letterCode.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
    );
    expect(wrong).toEqual({
      status: 404,
      body: {
        status: 'not_found',
        reference: request.reference,
        company: null,
        city: null,
        validFrom: null,
        validUntil: null,
        agents: null,
      },
    });

    const revoked = await letters.revoke(request.reference, { id: 'staff', name: 'Hina' }, 'Closed down');
    expect(revoked.ok).toBe(true);
    expect((await verifyJson(request.reference, request.letterCode)).body.status).toBe('revoked');
    const page = await (await fetch(`${baseUrl}/verify/${request.reference}?c=${request.letterCode}`)).text();
    expect(page).toContain(en('letters:verify.explain.revoked'));
    for (const secret of ['42101', '39.45.12.7']) expect(page).not.toContain(secret);
  });

  it('says expired once the clock passes the end of the period, and valid until then', async () => {
    const request = await approved('wfh', { startDate: '2026-03-01', endDate: '2026-03-10' });
    expect(request.validUntil.toISOString()).toBe(karachiDayEnd('2026-03-10').toISOString());
    const started = now;
    try {
      now = new Date('2026-03-10T18:00:00Z'); // 23:00 in Karachi on the last day
      expect((await verifyJson(request.reference, request.letterCode)).body.status).toBe('valid');
      now = new Date('2026-03-10T19:00:01Z');
      expect((await verifyJson(request.reference, request.letterCode)).body).toMatchObject({
        status: 'expired',
        validUntil: request.validUntil.toISOString(),
      });
    } finally {
      now = started;
    }
  });

  it('finds nothing for a request that was never approved, even with a guessed code', async () => {
    const pending = await db.prisma.request.create({
      data: {
        reference: newReference('wfh'),
        kind: 'wfh',
        submitKey: randomUUID(),
        channelId: 'webchat',
        userId: 'u',
        conversationId: 'c',
        companyName: 'X',
        fields: {},
      },
    });
    expect(await letters.issue(pending)).toBeNull();
    expect((await verifyJson(pending.reference, '')).body.status).toBe('not_found');
    expect((await fetch(`${baseUrl}/verify/${'W'.repeat(500)}?c=${'x'.repeat(500)}`)).status).toBe(404);
  });
});

describe('the per-address limit', () => {
  it('answers 429 with Retry-After once an address checks too often, while another address still gets through', async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 25; i++) {
      last = await fetch(`${baseUrl}/verify/WL-AAAAAA?c=x`, { headers: { 'x-forwarded-for': '198.51.100.7' } });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
    expect(last?.headers.get('retry-after')).toBe('3');
    expect((await verifyJson('WL-AAAAAA', 'x', '198.51.100.8')).status).toBe(404);
  });

  it('reads the address our front end appended, not one the client wrote first', () => {
    const req = (xff?: string) => ({ headers: xff ? { 'x-forwarded-for': xff } : {}, socket: { remoteAddress: '127.0.0.1' } }) as never;
    expect(clientAddress(req('1.1.1.1, 203.0.113.9'))).toBe('203.0.113.9');
    expect(clientAddress(req('203.0.113.9:5123'))).toBe('203.0.113.9');
    expect(clientAddress(req())).toBe('127.0.0.1');
  });
});

describe('rules', () => {
  const approvedAt = new Date('2026-03-01T09:00:00Z');

  it('gives whitelisting the configured days and WFH its end date, or the configured WFH days', () => {
    expect(validityOf('whitelisting', approvedAt, {}, { whitelistingDays: 30 }).validUntil).toEqual(
      new Date(approvedAt.getTime() + 30 * DAY),
    );
    expect(validityOf('wfh', approvedAt, { endDate: '2026-04-30' }, { whitelistingDays: 30 }).validUntil).toEqual(
      karachiDayEnd('2026-04-30'),
    );
    expect(validityOf('wfh', approvedAt, { endDate: '2026-04-30' }, { whitelistingDays: 30, wfhDays: 7 }).validUntil).toEqual(
      new Date(approvedAt.getTime() + 7 * DAY),
    );
    expect(validityOf('wfh', approvedAt, { endDate: 'soon' }, { whitelistingDays: 30 }).validUntil).toEqual(
      new Date(approvedAt.getTime() + 30 * DAY),
    );
  });

  it('accepts its own link until it expires and nothing altered', () => {
    let clock = approvedAt;
    const signer = new LinkSigner(new Uint8Array(32).fill(7), 3_600_000, () => clock);
    const { expires, signature } = signer.sign('WL-7K3M9Q');
    expect(signer.verify('WL-7K3M9Q', String(expires), signature)).toBe(true);
    expect(signer.verify('WL-7K3M9R', String(expires), signature)).toBe(false);
    expect(signer.verify('WL-7K3M9Q', String(expires + 60), signature)).toBe(false);
    expect(signer.verify('WL-7K3M9Q', String(expires), signature.slice(0, -1))).toBe(false);
    expect(signer.verify('WL-7K3M9Q', undefined, signature)).toBe(false);
    expect(new LinkSigner(new Uint8Array(32).fill(8), 3_600_000, () => clock).verify('WL-7K3M9Q', String(expires), signature)).toBe(false);
    clock = new Date(approvedAt.getTime() + 3_600_001);
    expect(signer.verify('WL-7K3M9Q', String(expires), signature)).toBe(false);
  });

  it.each([
    ['letter WL-7K3M9Q', 'WL-7K3M9Q'],
    ['Letter: wfh-4t8n2p', 'WFH-4T8N2P'],
    ['خط WL-7K3M9Q', 'WL-7K3M9Q'],
    ['approval letter WL-7K3M9Q.', 'WL-7K3M9Q'],
    ['letter', null],
    ['status WL-7K3M9Q', null],
    ['letter of WL-7K3M9Q for my landlord', null],
  ])('reads %j as a letter request for %j', (text, reference) => {
    expect(letterQuery(text)).toBe(reference);
  });

  it('prints only the last four digits of a CNIC', () => {
    expect(maskCnicLast4('35202-1234561-1')).toBe('*****-****561-1');
    expect(maskCnicLast4('3520212345611')).toBe('*****-****561-1');
    expect(maskCnicLast4('12345')).toBe('*****');
  });
});

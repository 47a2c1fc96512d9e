import { randomUUID } from 'node:crypto';
import { createTestDb, type TestDb } from '../../helpers/db';
import { PrismaRequestStore, submitKeyOf, type NewRequest, type RequestSummary } from '../../../bot/requests/store';
import type { WfhDraft, WhitelistingDraft } from '../../../bot/domain/forms';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.close();
});

const whitelisting: WhitelistingDraft = {
  companyName: 'Indus Contact Solutions',
  psebRegistrationNo: null,
  ntn: '1234567-8',
  contactName: 'Ayesha Malik',
  contactCnic: '4210112345671',
  contactMobile: '+923001234567',
  contactEmail: 'ayesha@company.pk',
  city: { kind: 'named', id: 'karachi' },
  agentSeats: 120,
  ipAddresses: ['39.45.12.7'],
};
const wfh: WfhDraft = {
  companyName: 'Indus Contact Solutions',
  ntn: '1234567-8',
  contactName: 'Ayesha Malik',
  contactMobile: '+923001234567',
  contactEmail: 'ayesha@company.pk',
  whitelistingReference: null,
  startDate: '2030-01-01',
  endDate: '2030-02-01',
  agents: [
    { fullName: 'Bilal Ahmed', cnic: '4210112345671', city: 'Karachi', isp: 'PTCL', ipAddress: '39.45.12.7' },
    { fullName: 'Sara Khan', cnic: '4210176543212', city: 'Lahore', isp: 'Nayatel', ipAddress: 'dynamic' },
  ],
};

function owner(userId = `user-${randomUUID()}`) {
  return { channelId: 'msteams', userId, conversationId: `conv-${randomUUID()}`, userName: 'Ayesha' };
}
function wlRequest(userId?: string): NewRequest {
  return { kind: 'whitelisting', draft: whitelisting, draftId: randomUUID(), owner: owner(userId), language: 'en' };
}

describe('PrismaRequestStore', () => {
  it('files a request with its agents and a first SUBMITTED event by the user, in one write', async () => {
    const store = new PrismaRequestStore(db.prisma);
    const input: NewRequest = { kind: 'wfh', draft: wfh, draftId: randomUUID(), owner: owner(), language: 'ur' };
    const { request, created } = await store.create(input);
    expect(created).toBe(true);
    expect(request.reference).toMatch(/^WFH-[0-9A-HJKMNP-TV-Z]{6}$/);
    const row = await db.prisma.request.findUniqueOrThrow({
      where: { id: request.id },
      include: { agents: { orderBy: { rowNo: 'asc' } }, events: true },
    });
    expect(row.submitKey).toBe(submitKeyOf(input.draftId));
    expect(row.language).toBe('ur');
    expect(row.agents.map((a) => [a.rowNo, a.cnic])).toEqual([
      [1, '4210112345671'],
      [2, '4210176543212'],
    ]);
    expect(row.fields).not.toHaveProperty('agents');
    expect(row.events).toEqual([expect.objectContaining({ fromStatus: null, toStatus: 'SUBMITTED', actorId: input.owner.userId })]);
  });

  it('returns the first request, not a second one, when the same draft is filed again', async () => {
    const store = new PrismaRequestStore(db.prisma);
    const input = wlRequest();
    const first = await store.create(input);
    const second = await store.create(input);
    expect(second).toEqual({ request: first.request, created: false });
    expect(await db.prisma.request.count({ where: { userId: input.owner.userId } })).toBe(1);
  });

  it('files once when the same draft is submitted twice at the same moment', async () => {
    const store = new PrismaRequestStore(db.prisma);
    const input = wlRequest();
    const [a, b] = await Promise.all([store.create(input), store.create(input)]);
    expect(a.request.reference).toBe(b.request.reference);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(await db.prisma.request.count({ where: { userId: input.owner.userId } })).toBe(1);
  });

  it('draws a new reference when the first one is already taken', async () => {
    const taken = (await new PrismaRequestStore(db.prisma).create(wlRequest())).request.reference;
    const references = [taken, 'WL-AAAAAA'];
    const store = new PrismaRequestStore(db.prisma, { newReference: () => references.shift() ?? 'WL-BBBBBB' });
    const { request } = await store.create(wlRequest());
    expect(request.reference).toBe('WL-AAAAAA');
  });

  it('shows a request only to the channel user who filed it', async () => {
    const store = new PrismaRequestStore(db.prisma);
    const input = wlRequest();
    const { request } = await store.create(input);
    const mine = await store.findForUser(request.reference, input.owner);
    expect(mine?.events.map((e) => e.toStatus)).toEqual(['SUBMITTED']);
    expect(await store.findForUser(request.reference, { channelId: 'msteams', userId: 'someone-else' })).toBeNull();
    expect(await store.findForUser(request.reference, { channelId: 'webchat', userId: input.owner.userId })).toBeNull();
    expect(await store.findForUser('WL-ZZZZZZ', input.owner)).toBeNull();
  });

  it("lists only the user's own requests, newest first", async () => {
    const store = new PrismaRequestStore(db.prisma);
    const userId = `user-${randomUUID()}`;
    const older = await store.create(wlRequest(userId));
    const newer = await store.create({ ...wlRequest(userId), kind: 'wfh', draft: wfh });
    await store.create(wlRequest());
    const list = await store.listForUser({ channelId: 'msteams', userId });
    expect(list.map((r) => r.reference)).toEqual([newer.request.reference, older.request.reference]);
  });

  it('calls onSubmitted once per new request and survives its failure', async () => {
    const seen: RequestSummary[] = [];
    const failures: unknown[] = [];
    const store = new PrismaRequestStore(db.prisma, {
      onSubmitted: async (request) => {
        seen.push(request);
        throw new Error('support channel down');
      },
      onHookError: (err) => failures.push(err),
    });
    const input = wlRequest();
    const { request } = await store.create(input);
    await store.create(input);
    expect(seen.map((r) => r.id)).toEqual([request.id]);
    expect(failures).toHaveLength(1);
  });
});

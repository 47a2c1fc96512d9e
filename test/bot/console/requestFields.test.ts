/**
 * Staff see every field: the request detail lists each field of both kinds (IP lists, city, dates, the
 * agent table with masked CNICs), the CSV has a column per field, the Agents column counts WFH agents
 * only, and conversations show the user's name and language (also in the dashboard's language mix).
 */
import Papa from 'papaparse';
import { startTestApp, TestUser, type TestApp } from '../../helpers/app';
import { seedWfh, seedWhitelisting } from './realRequests';

const DEV_TOKEN = 'request-fields-dev-token';
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ CONSOLE_DEV_TOKEN: DEV_TOKEN });
}, 180_000);
afterAll(async () => app?.close());

const get = async <T>(path: string): Promise<T> => {
  const res = await fetch(`${app.baseUrl}${path}`, { headers: { authorization: `Bearer ${DEV_TOKEN}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
};

interface Detail {
  fields: { name: string; value: unknown; city?: string }[];
  agents: { cnic: string; ipAddress: string }[];
}

describe('request detail', () => {
  it('lists every whitelisting field in form order: IP list, city, masked CNIC and mobile, skipped ones as null', async () => {
    const request = await seedWhitelisting(app.db.prisma);
    const detail = await get<Detail>(`/api/console/requests/${request.reference}`);
    expect(detail.fields.map((f) => f.name)).toEqual([
      'psebRegistrationNo',
      'ntn',
      'contactName',
      'contactCnic',
      'contactMobile',
      'contactEmail',
      'city',
      'agentSeats',
      'ipAddresses',
    ]);
    const field = (name: string) => detail.fields.find((f) => f.name === name);
    expect(field('ipAddresses')?.value).toEqual(['39.45.12.7', '39.45.13.0/28']);
    expect(field('city')).toEqual({ name: 'city', value: 'karachi', city: 'karachi' });
    expect(field('agentSeats')?.value).toBe(120);
    expect(field('psebRegistrationNo')?.value).toBeNull();
    expect(field('contactCnic')?.value).toBe('42101-*******-1');
    expect(String(field('contactMobile')?.value)).not.toContain('1234567');
  });

  it('lists the WFH dates and reference, and agents with masked CNICs', async () => {
    const request = await seedWfh(app.db.prisma);
    const detail = await get<Detail>(`/api/console/requests/${request.reference}`);
    expect(detail.fields.map((f) => f.name)).toEqual([
      'ntn',
      'contactName',
      'contactMobile',
      'contactEmail',
      'whitelistingReference',
      'startDate',
      'endDate',
    ]);
    expect(detail.fields.find((f) => f.name === 'startDate')?.value).toBe('2026-12-02');
    expect(detail.agents.map((a) => a.cnic)).toEqual(['35202-*******-3', '35202-*******-5']);
  });

  it('counts agents only for WFH requests in the list', async () => {
    const wl = await seedWhitelisting(app.db.prisma);
    const wfh = await seedWfh(app.db.prisma);
    const { requests } = await get<{ requests: { reference: string; agentCount: number | null }[] }>('/api/console/requests');
    expect(requests.find((r) => r.reference === wl.reference)?.agentCount).toBeNull();
    expect(requests.find((r) => r.reference === wfh.reference)?.agentCount).toBe(2);
  });
});

describe('requests.csv', () => {
  it('has a column per field, lists joined, masked CNICs, formula cells defused, the same width for every row', async () => {
    const wl = await seedWhitelisting(app.db.prisma);
    const wfh = await seedWfh(app.db.prisma);
    await app.db.prisma.request.update({ where: { id: wl.id }, data: { fields: { ...(wl.fields as object), contactName: '=cmd()' } } });
    const res = await fetch(`${app.baseUrl}/api/console/requests.csv`, { headers: { authorization: `Bearer ${DEV_TOKEN}` } });
    const parsed = Papa.parse<string[]>((await res.text()).replace(/^\uFEFF/, ''), { skipEmptyLines: true });
    const [header, ...rows] = parsed.data;
    for (const column of [
      'agents',
      'field_ntn',
      'field_contactName',
      'field_contactCnic',
      'field_city',
      'field_ipAddresses',
      'field_agentSeats',
      'field_startDate',
      'field_endDate',
      'field_whitelistingReference',
    ]) {
      expect(header).toContain(column);
    }
    const cell = (row: string[], column: string) => row[header.indexOf(column)];
    const wlRow = rows.find((r) => r[0] === wl.reference)!;
    const wfhRow = rows.find((r) => r[0] === wfh.reference)!;
    expect(cell(wlRow, 'field_ipAddresses')).toBe('39.45.12.7; 39.45.13.0/28');
    expect(cell(wlRow, 'field_city')).toBe('karachi');
    expect(cell(wlRow, 'field_contactCnic')).toBe('42101-*******-1');
    expect(cell(wlRow, 'field_contactName')).toBe("'=cmd()");
    expect(cell(wlRow, 'agents')).toBe('');
    expect(cell(wlRow, 'field_startDate')).toBe('');
    expect(cell(wfhRow, 'agents')).toBe('2');
    expect(cell(wfhRow, 'field_endDate')).toBe('2026-12-31');
    expect(rows.every((r) => r.length === header.length)).toBe(true);
  });
});

describe('conversations and the language mix', () => {
  it("shows a Web Chat user's contact name and the language they chose; the dashboard counts it", async () => {
    const user = new TestUser(app.baseUrl, 'webchat');
    // Web Chat sends no name.
    await user.send({ type: 'message', text: 'اردو', from: { id: user.userId } });
    await seedWhitelisting(app.db.prisma, { channelId: 'webchat', userId: user.userId, conversationId: user.conversationId });
    const { conversations } = await get<{ conversations: { conversationId: string; userName: string | null; language: string | null }[] }>(
      '/api/console/conversations',
    );
    expect(conversations.find((c) => c.conversationId === user.conversationId)).toMatchObject({ userName: 'Ayesha Malik', language: 'ur' });
    const dashboard = await get<{ languages: { conversations: Record<string, number> } }>('/api/console/dashboard?days=7');
    expect(dashboard.languages.conversations.ur).toBeGreaterThanOrEqual(1);
    expect(dashboard.languages.conversations.unknown).toBeUndefined();
  });
});

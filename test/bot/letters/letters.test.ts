/**
 * Approval letters end to end: staff approve in Teams or the console, the applicant's notice carries
 * a signed link to the PDF, the PDF holds the facts and a QR code that decodes to the public
 * verification page, and revoking turns that page to "revoked". Everything the bot sends goes to the
 * loopback connector; the PDF is read back with poppler and jsQR.
 */
import { randomUUID } from 'node:crypto';
import { textOfAll, type TestUser } from '../../helpers/app';
import { en, staff, ur } from '../handoff/harness';
import { startDecisionsHarness, type DecisionsHarness } from '../requests/helpers';
import { Verbs } from '../../../cards/verbs';
import type { Request } from '../../../generated/prisma/client';
import { pdfPages, pdfText, readQrCode, renderPng, squash } from './helpers';

const devToken = `dev-${randomUUID()}`;
let h: DecisionsHarness;

beforeAll(async () => {
  h = await startDecisionsHarness({ CONSOLE_DEV_TOKEN: devToken });
});
afterAll(async () => {
  await h?.close();
});

const inTwoWeeks = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const whitelisting = {
  companyName: 'Indus Contact Solutions (Pvt) Ltd',
  ntn: '4217788-9',
  contactName: 'Ayesha Malik',
  contactCnic: '42101-1234567-1',
  contactMobile: '0300-1234567',
  contactEmail: 'ayesha.malik@indus.pk',
  city: { kind: 'named', id: 'karachi' },
  agentSeats: 120,
  ipAddresses: ['39.45.12.7', '203.99.48.21'],
};

const agents = [
  { fullName: 'Bilal Qureshi', cnic: '35202-1234561-1', city: 'Lahore' },
  { fullName: 'Sana Tariq', cnic: '35202-7654329-2', city: 'Lahore' },
  { fullName: 'Hamza Iqbal', cnic: '37405-5551234-7', city: 'Rawalpindi' },
];

/** A request filed by `user` (who has written once) with its card posted, as intake does. */
async function filed(
  user: TestUser,
  kind: 'whitelisting' | 'wfh',
  language: 'en' | 'ur' = 'en',
): Promise<Request & { threadConversationId: string }> {
  const { prisma } = h.test.db;
  const fields =
    kind === 'whitelisting'
      ? whitelisting
      : {
          companyName: 'Lahore Voice (Pvt) Ltd',
          ntn: '3520011-4',
          contactName: 'Bilal Qureshi',
          contactMobile: '+92 321 7654321',
          contactEmail: 'bilal@lahorevoice.pk',
          startDate: inTwoWeeks(0),
          endDate: inTwoWeeks(14),
        };
  const request = await h.fileRequest(user, {
    kind,
    language,
    fields,
    agents: agents.map((a, i) => ({ ...a, isp: 'PTCL', ipAddress: `182.185.1.${i + 1}` })),
  });
  await h.feature.notifyRequestSubmitted(request);
  const row = await prisma.request.findUniqueOrThrow({ where: { id: request.id } });
  return { ...row, threadConversationId: row.threadConversationId ?? '' };
}

function approveInTeams(request: { reference: string; threadConversationId: string }) {
  return h
    .member(staff[0])
    .click(request.threadConversationId, { verb: Verbs.requestDecide, reference: request.reference, decision: 'approve' });
}

const sentToUser = (conversationId: string) => JSON.stringify(h.connector.sentTo(conversationId));

/** The first URL in the applicant's messages whose path starts with `prefix`. */
function linkSentTo(conversationId: string, prefix: '/letters/' | '/verify/'): URL {
  const match = new RegExp(`https?://[^"\\s\\\\]+${prefix}[^"\\s\\\\]+`).exec(sentToUser(conversationId));
  if (!match) throw new Error(`no ${prefix} link sent to ${conversationId}`);
  return new URL(match[0]);
}

/**
 * fetch, tried once more when the connection was reset before any answer: the QR decode and PDF rendering
 * block this process (which also runs the app) for seconds, after which the server may close a pooled
 * keep-alive socket just as the client reuses it. Nothing was read from such a request, so it is sent again.
 */
async function fetchOnce(url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (err) {
    if ((err as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw err;
    return fetch(url, init);
  }
}

/** GETs a link's path and query on the test server (links name BOT_PUBLIC_HOST or localhost:PORT). */
const open = (link: URL, init: RequestInit = {}) => fetchOnce(`${h.test.baseUrl}${link.pathname}${link.search}`, init);

const console = (path: string, body?: unknown) =>
  fetchOnce(`${h.test.baseUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${devToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe('the letter of an approved whitelisting request', () => {
  let request: Request & { threadConversationId: string };
  let user: TestUser;
  let pdf: Buffer;

  beforeAll(async () => {
    user = h.user('webchat');
    await user.say('hi');
    request = await filed(user, 'whitelisting');
    await approveInTeams(request);
  });

  it('rides on the approval notice as a download and a verification button', async () => {
    const notice = sentToUser(user.conversationId);
    expect(notice).toContain(en('letters:notice.download'));
    expect(notice).toContain(en('letters:notice.verify'));
    expect(notice).toContain('Action.OpenUrl');
    const download = linkSentTo(user.conversationId, '/letters/');
    expect(download.searchParams.get('e')).toMatch(/^\d+$/);
    expect(download.searchParams.get('s')).toBeTruthy();
  });

  it('downloads as a one-page PDF with the reference, company, NTN, IPs and the Urdu heading', async () => {
    const res = await open(linkSentTo(user.conversationId, '/letters/'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    pdf = Buffer.from(await res.arrayBuffer());
    expect(await pdfPages(pdf)).toBe(1);
    const text = await pdfText(pdf);
    for (const fact of [
      request.reference,
      whitelisting.companyName,
      whitelisting.ntn,
      'Karachi',
      '39.45.12.7',
      '203.99.48.21',
      en('letters:pdf.title.whitelisting'),
      staff[0].name,
    ]) {
      expect(text).toContain(fact);
    }
    expect(squash(text)).toContain(squash(ur('letters:pdf.title.whitelisting')));
    expect(squash(text)).toContain(squash(ur('letters:pdf.board')));
  });

  it('carries a QR code that decodes to the verification link of the notice', async () => {
    await renderPng(pdf, 'letter-whitelisting');
    const verify = linkSentTo(user.conversationId, '/verify/');
    expect(await readQrCode(pdf)).toBe(verify.toString());
    expect(verify.pathname).toBe(`/verify/${request.reference}`);
    expect(verify.searchParams.get('c')).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('refuses a tampered or foreign download link', async () => {
    const link = linkSentTo(user.conversationId, '/letters/');
    const tampered = new URL(link);
    tampered.searchParams.set('e', String(Number(link.searchParams.get('e')) + 1));
    expect((await open(tampered)).status).toBe(403);
    const other = new URL(link);
    other.pathname = '/letters/WL-AAAAAA';
    expect((await open(other)).status).toBe(403);
    const bare = new URL(link);
    bare.search = '';
    expect((await open(bare)).status).toBe(403);
  });

  it('verifies as valid on the public page and JSON, with no CNIC, phone or IP', async () => {
    const verify = linkSentTo(user.conversationId, '/verify/');
    const page = await open(verify);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(en('letters:verify.status.valid'));
    expect(html).toContain(ur('letters:verify.status.valid'));
    expect(html).toContain('Indus Contact Solutions (Pvt) Ltd');
    expect(html).not.toMatch(/<(script|link|img)\b/i);
    for (const secret of ['39.45.12.7', '203.99.48.21', '42101', '1234567', '0300', 'ayesha'])
      expect(html.toLowerCase()).not.toContain(secret);

    const api = await open(new URL(verify.toString().replace('/verify/', '/api/verify/')));
    const json = (await api.json()) as Record<string, unknown>;
    expect(json).toMatchObject({
      status: 'valid',
      reference: request.reference,
      company: whitelisting.companyName,
      city: 'Karachi',
      agents: 120,
    });
    expect(Object.keys(json).sort()).toEqual(['agents', 'city', 'company', 'reference', 'status', 'validFrom', 'validUntil']);
    expect(new Date(String(json.validUntil)).getTime() - new Date(String(json.validFrom)).getTime()).toBe(30 * 86_400_000);
  });

  it('answers a wrong code exactly like an unknown reference', async () => {
    const verify = linkSentTo(user.conversationId, '/verify/');
    const wrong = await fetchOnce(`${h.test.baseUrl}/api/verify/${request.reference}?c=${'A'.repeat(22)}`);
    const unknown = await fetchOnce(`${h.test.baseUrl}/api/verify/WL-ZZZZZZ?c=${verify.searchParams.get('c')}`);
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    const [a, b] = [(await wrong.json()) as Record<string, unknown>, (await unknown.json()) as Record<string, unknown>];
    expect({ ...a, reference: 'x' }).toEqual({ ...b, reference: 'x' });
    expect(a.status).toBe('not_found');
    const page = await fetchOnce(`${h.test.baseUrl}/verify/${request.reference}`);
    expect(page.status).toBe(404);
    expect(await page.text()).not.toContain(whitelisting.companyName);
  });

  it('gives the applicant a fresh link for "letter <ref>", and nobody else', async () => {
    const again = await user.say(`letter ${request.reference.toLowerCase()}`);
    expect(JSON.stringify(again)).toContain(en('letters:notice.download'));
    const stranger = h.user('webchat');
    await stranger.say('hi');
    expect(textOfAll(await stranger.say(`letter ${request.reference}`))).toContain(
      en('letters:command.notFound', { reference: request.reference }),
    );
  });

  it('lets staff download it from the console; others get 401', async () => {
    const res = await console(`/api/console/requests/${request.reference}/letter`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`PSEB-letter-${request.reference}.pdf`);
    expect(await pdfText(Buffer.from(await res.arrayBuffer()))).toContain(request.reference);
    expect((await fetchOnce(`${h.test.baseUrl}/api/console/requests/${request.reference}/letter`)).status).toBe(401);
  });

  it('is revoked from the console with a reason: the page says revoked, the applicant is told, the link stops', async () => {
    expect((await console(`/api/console/requests/${request.reference}/revoke`, { reason: '' })).status).toBe(400);
    const res = await console(`/api/console/requests/${request.reference}/revoke`, { reason: 'Connections resold to a third party.' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ reference: request.reference, status: 'REVOKED', notified: true });

    const event = await h.test.db.prisma.requestEvent.findFirstOrThrow({ where: { requestId: request.id, toStatus: 'REVOKED' } });
    expect(event).toMatchObject({ fromStatus: 'APPROVED', note: 'Connections resold to a third party.' });
    const verify = linkSentTo(user.conversationId, '/verify/');
    const json = (await (await open(new URL(verify.toString().replace('/verify/', '/api/verify/')))).json()) as Record<string, unknown>;
    expect(json.status).toBe('revoked');
    expect(await (await open(verify)).text()).toContain(en('letters:verify.status.revoked'));

    const told = sentToUser(user.conversationId);
    expect(told).toContain(en('decisions:user.body.REVOKED', { reference: request.reference }));
    expect(told).toContain('Connections resold to a third party.');
    expect((await open(linkSentTo(user.conversationId, '/letters/'))).status).toBe(404);
    expect((await console(`/api/console/requests/${request.reference}/revoke`, { reason: 'again' })).status).toBe(409);
    expect(textOfAll(await user.say(`letter ${request.reference}`))).toContain(
      en('letters:command.revoked', { reference: request.reference }),
    );
  });
});

describe('the letter of an approved work-from-home request', () => {
  it('lists the agents with masked CNICs, is valid until the end date, and decodes to its verification link', async () => {
    const user = h.user('skype');
    await user.say('hello');
    const request = await filed(user, 'wfh', 'ur');
    await approveInTeams(request);

    // Skype gets a hero card with link buttons, in Urdu.
    const notice = sentToUser(user.conversationId);
    expect(notice).toContain('application/vnd.microsoft.card.hero');
    expect(notice).toContain(ur('letters:notice.download'));
    const res = await open(linkSentTo(user.conversationId, '/letters/'));
    expect(res.status).toBe(200);
    const pdf = Buffer.from(await res.arrayBuffer());
    const text = await pdfText(pdf);
    for (const fact of [
      request.reference,
      'Lahore Voice (Pvt) Ltd',
      'Bilal Qureshi',
      'Hamza Iqbal',
      '*****-****561-1',
      '*****-****234-7',
      'Rawalpindi',
    ])
      expect(text).toContain(fact);
    for (const full of ['35202-1234561-1', '3520212345611', '182.185.1.1']) expect(text).not.toContain(full);
    expect(squash(text)).toContain(squash(ur('letters:pdf.title.wfh')));
    await renderPng(pdf, 'letter-wfh');
    expect(await readQrCode(pdf)).toBe(linkSentTo(user.conversationId, '/verify/').toString());

    const verify = linkSentTo(user.conversationId, '/verify/');
    const json = (await (await open(new URL(verify.toString().replace('/verify/', '/api/verify/')))).json()) as Record<string, unknown>;
    expect(json).toMatchObject({ status: 'valid', agents: 3, city: 'Lahore, Rawalpindi' });
    expect(json.validUntil).toBe(new Date(`${inTwoWeeks(14)}T23:59:59.999+05:00`).toISOString());
  });
});

describe('revoking on the Teams card', () => {
  it('shows Revoke once approved; staff revoke with a reason and the Urdu applicant is told in Urdu', async () => {
    const user = h.user('webchat', 'ur-PK');
    await user.say('سلام');
    const request = await filed(user, 'whitelisting', 'ur');
    await approveInTeams(request);
    expect(h.latestCard({ ...request, threadActivityId: request.threadActivityId ?? '' })).toContain(Verbs.requestRevoke);

    const noReason = await h
      .member(staff[1])
      .click(request.threadConversationId, { verb: Verbs.requestRevoke, reference: request.reference });
    expect(textOfAll(noReason)).toContain(en('letters:staff.reasonRequired'));
    const done = await h
      .member(staff[1])
      .click(request.threadConversationId, { verb: Verbs.requestRevoke, reference: request.reference, reason: 'غلط معلومات' });
    expect(textOfAll(done)).toContain(en('letters:staff.revoked', { reference: request.reference }));
    expect((await h.request(request.reference)).status).toBe('REVOKED');
    expect(sentToUser(user.conversationId)).toContain(ur('decisions:user.body.REVOKED', { reference: request.reference }));
  });
});

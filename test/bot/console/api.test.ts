/** The console API over HTTP: auth (Teams SSO JWTs against a loopback JWKS, dev token), and every route's rules. */
import { randomUUID } from 'node:crypto';
import Papa from 'papaparse';
import { generateKeyPair } from 'jose';
import { startTestApp, type TestApp } from '../../helpers/app';
import { appId, seedHandoff, seedRequest, seedTopic, seedUnanswered, ssoEnv, startJwks, tenantId, type Jwks } from './seed';

const staffOid = randomUUID();
const secondStaffOid = randomUUID();
const outsiderOid = randomUUID();

let jwks: Jwks;
let app: TestApp;
let staffToken: string;

beforeAll(async () => {
  jwks = await startJwks();
  app = await startTestApp(ssoEnv(jwks.url, [staffOid, secondStaffOid]));
  staffToken = await jwks.mint({ oid: staffOid, name: 'Hina Staff' });
});
afterAll(async () => {
  await app?.close();
  await jwks?.close();
});

const call = (path: string, token?: string, init: { method?: string; body?: unknown } = {}) =>
  fetch(`${app.baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
const asStaff = (path: string, init: { method?: string; body?: unknown } = {}) => call(path, staffToken, init);

describe('authentication', () => {
  it('answers 401 without a token', async () => {
    const res = await call('/api/console/queue');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'missing_token' });
  });

  it('answers 401 for a token that is not a JWT', async () => {
    expect((await call('/api/console/queue', 'not-a-jwt')).status).toBe(401);
  });

  it('answers 401 for a token signed by another key under the served key id (forged)', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await jwks.mint({ oid: staffOid }, { key: privateKey });
    expect((await call('/api/console/queue', forged)).status).toBe(401);
  });

  it('answers 401 for an expired token', async () => {
    const expired = await jwks.mint({ oid: staffOid }, { expiresIn: Math.floor(Date.now() / 1000) - 3600 });
    expect((await call('/api/console/queue', expired)).status).toBe(401);
  });

  it('answers 401 for a token issued for another app', async () => {
    const other = await jwks.mint({ oid: staffOid }, { audience: `api://${'elsewhere.example'}/${randomUUID()}` });
    expect((await call('/api/console/queue', other)).status).toBe(401);
  });

  it("answers 401 when the issuer is not the token's own tenant", async () => {
    const wrongIssuer = await jwks.mint({ oid: staffOid }, { issuer: `https://login.microsoftonline.com/${randomUUID()}/v2.0` });
    expect((await call('/api/console/queue', wrongIssuer)).status).toBe(401);
  });

  it('answers 401 for an unsigned (alg none) token', async () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ oid: staffOid, tid: tenantId, aud: appId, iss: `https://sts.windows.net/${tenantId}/`, exp: Math.floor(Date.now() / 1000) + 600 })}.`;
    expect((await call('/api/console/queue', unsigned)).status).toBe(401);
  });

  it('answers 403 for a valid token of someone who is not staff', async () => {
    const res = await call('/api/console/queue', await jwks.mint({ oid: outsiderOid }));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: 'not_staff' });
  });

  it('answers 200 for staff listed in STAFF_AAD_OBJECT_IDS, acting under the name in the token', async () => {
    const res = await asStaff('/api/console/me');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ oid: staffOid, name: 'Hina Staff' });
  });

  it('accepts the bare app id as audience and the v1 sts.windows.net issuer', async () => {
    const v1 = await jwks.mint({ oid: staffOid }, { audience: appId, issuer: `https://sts.windows.net/${tenantId}/` });
    expect((await call('/api/console/me', v1)).status).toBe(200);
  });

  it('answers 200 for an active Staff row and 403 once it is deactivated', async () => {
    const oid = randomUUID();
    await app.db.prisma.staff.create({ data: { aadObjectId: oid, name: 'Row Staff' } });
    const token = await jwks.mint({ oid });
    expect((await call('/api/console/queue', token)).status).toBe(200);
    await app.db.prisma.staff.update({ where: { aadObjectId: oid }, data: { active: false } });
    expect((await call('/api/console/queue', token)).status).toBe(403);
  });

  it('refuses the dev token when MicrosoftAppId is set', async () => {
    expect((await call('/api/console/queue', 'dev-token-that-must-be-refused')).status).toBe(401);
  });
});

describe('dev token in local mode', () => {
  let local: TestApp;
  beforeAll(async () => {
    local = await startTestApp({ CONSOLE_DEV_TOKEN: 'local-dev-secret-123' });
  });
  afterAll(async () => local?.close());

  it('accepts the dev token as a dev staff member', async () => {
    const res = await fetch(`${local.baseUrl}/api/console/me`, { headers: { authorization: 'Bearer local-dev-secret-123' } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { oid: string }).oid).toBe('dev-console');
  });

  it('refuses a wrong dev token, and any JWT (there is no app id to be the audience)', async () => {
    const wrong = await fetch(`${local.baseUrl}/api/console/me`, { headers: { authorization: 'Bearer local-dev-secret-124' } });
    expect(wrong.status).toBe(401);
    const jwt = await fetch(`${local.baseUrl}/api/console/me`, { headers: { authorization: `Bearer ${staffToken}` } });
    expect(jwt.status).toBe(401);
  });
});

describe('queue and claims', () => {
  it('lists waiting hand-offs in order with positions and wait times, and open callback tickets', async () => {
    const older = await seedHandoff(app.db.prisma, { minutesAgo: 9, userName: 'Older' });
    const newer = await seedHandoff(app.db.prisma, { minutesAgo: 2, userName: 'Newer', topic: 'my CNIC is 35202-1234567-1' });
    await app.db.prisma.callbackTicket.create({
      data: { conversationId: 'c1', channelId: 'webchat', userId: 'u1', userName: 'Caller', message: 'call me on 0300 1234567' },
    });
    const body = (await (await asStaff('/api/console/queue')).json()) as {
      handoffs: { id: string; position: number; waitSeconds: number; topic: string }[];
      callbacks: { message: string }[];
    };
    const mine = body.handoffs.filter((h) => h.id === older.id || h.id === newer.id);
    expect(mine.map((h) => h.id)).toEqual([older.id, newer.id]);
    expect(mine[0].position).toBeLessThan(mine[1].position);
    expect(mine[0].waitSeconds).toBeGreaterThanOrEqual(9 * 60 - 5);
    expect(mine[1].topic).not.toContain('1234567');
    expect(body.callbacks.some((c) => c.message.includes('*****67') && !c.message.includes('1234567'))).toBe(true);
  });

  it('gives a hand-off to exactly one of two simultaneous claims', async () => {
    const handoff = await seedHandoff(app.db.prisma);
    const second = await jwks.mint({ oid: secondStaffOid, name: 'Second Agent' });
    const [a, b] = await Promise.all([
      asStaff(`/api/console/handoffs/${handoff.id}/claim`, { method: 'POST' }),
      call(`/api/console/handoffs/${handoff.id}/claim`, second, { method: 'POST' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const row = await app.db.prisma.handoff.findUniqueOrThrow({ where: { id: handoff.id } });
    expect(row.status).toBe('ACTIVE');
    const loser = (await (a.status === 409 ? a : b).json()) as { error: string; by: string };
    expect(loser).toMatchObject({ error: 'already_claimed', by: row.agentName });
    expect([row.agentAadId, row.agentName]).toEqual(a.status === 200 ? [staffOid, 'Hina Staff'] : [secondStaffOid, 'Second Agent']);
  });

  it('answers 404 for an unknown hand-off', async () => {
    expect((await asStaff(`/api/console/handoffs/${randomUUID()}/claim`, { method: 'POST' })).status).toBe(404);
  });
});

describe('transcripts and notes', () => {
  it('masks personal data unless revealed, and audits the reveal', async () => {
    const conversationId = `a:1${randomUUID()}|x`;
    await app.db.prisma.transcriptMessage.create({
      data: { conversationId, channelId: 'webchat', direction: 'incoming', text: 'my CNIC is 35202-1234567-1 and phone 03001234567' },
    });
    const masked = (await (await asStaff(`/api/console/conversations/${encodeURIComponent(conversationId)}/transcript`)).json()) as {
      messages: { text: string }[];
    };
    expect(masked.messages[0].text).toContain('35202-*******-1');
    expect(masked.messages[0].text).not.toContain('1234567');
    expect(await app.db.prisma.auditLog.count({ where: { target: conversationId } })).toBe(0);

    const revealed = (await (
      await asStaff(`/api/console/conversations/${encodeURIComponent(conversationId)}/transcript?reveal=1`)
    ).json()) as { messages: { text: string }[] };
    expect(revealed.messages[0].text).toContain('35202-1234567-1');
    const audit = await app.db.prisma.auditLog.findMany({ where: { target: conversationId } });
    expect(audit).toEqual([expect.objectContaining({ actorId: staffOid, action: 'transcript.reveal' })]);
    expect(app.logs.join('\n')).not.toContain('35202-1234567-1');
  });

  it('stores a private note in the transcript', async () => {
    const conversationId = `conv-${randomUUID()}`;
    await app.db.prisma.transcriptMessage.create({ data: { conversationId, channelId: 'webchat', direction: 'incoming', text: 'hello' } });
    const res = await asStaff(`/api/console/conversations/${conversationId}/notes`, {
      method: 'POST',
      body: { text: 'Called back, waiting for NTN' },
    });
    expect(res.status).toBe(201);
    const notes = await app.db.prisma.transcriptMessage.findMany({ where: { conversationId, private: true } });
    expect(notes).toEqual([expect.objectContaining({ text: 'Called back, waiting for NTN', userId: staffOid, channelId: 'webchat' })]);
  });

  it('answers 400 for an empty note and 404 for an unknown conversation', async () => {
    expect((await asStaff(`/api/console/conversations/nope/notes`, { method: 'POST', body: { text: '  ' } })).status).toBe(400);
    expect((await asStaff(`/api/console/conversations/nope-${randomUUID()}/transcript`)).status).toBe(404);
  });
});

describe('requests', () => {
  it('filters by kind, status and text', async () => {
    const wfh = await seedRequest(app.db.prisma, { kind: 'wfh', companyName: 'Lahore Voice Hub' });
    await seedRequest(app.db.prisma, { kind: 'whitelisting', companyName: 'Lahore Other' });
    const res = await asStaff('/api/console/requests?kind=wfh&status=SUBMITTED&q=lahore%20voice');
    const { requests } = (await res.json()) as { requests: { reference: string }[] };
    expect(requests.map((r) => r.reference)).toEqual([wfh.reference]);
  });

  it('filters by day range in Pakistan time', async () => {
    const old = await seedRequest(app.db.prisma, { companyName: 'Dated Co', createdAt: new Date('2020-04-01T20:30:00Z') });
    // 20:30 UTC on 1 April is 01:30 on 2 April in Karachi.
    const onSecond = (await (await asStaff('/api/console/requests?from=2020-04-02&to=2020-04-02')).json()) as {
      requests: { reference: string }[];
    };
    const onFirst = (await (await asStaff('/api/console/requests?from=2020-04-01&to=2020-04-01')).json()) as {
      requests: { reference: string }[];
    };
    expect(onSecond.requests.map((r) => r.reference)).toEqual([old.reference]);
    expect(onFirst.requests).toEqual([]);
  });

  it('answers 400 for an unknown filter value', async () => {
    const res = await asStaff('/api/console/requests?status=DONE');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/status/);
  });

  it('shows the detail with masked agents and the full history', async () => {
    const request = await seedRequest(app.db.prisma, { cnic: '35202-7654321-3' });
    const detail = (await (await asStaff(`/api/console/requests/${request.reference}`)).json()) as {
      agents: { cnic: string }[];
      events: { toStatus: string }[];
      fields: { name: string; value: unknown }[];
    };
    expect(detail.agents[0].cnic).toBe('35202-*******-3');
    expect(detail.fields.find((f) => f.name === 'contactPhone')?.value).toEqual(expect.any(String));
    expect(detail.fields.find((f) => f.name === 'contactPhone')?.value).not.toContain('1234567');
    expect(detail.events.map((e) => e.toStatus)).toEqual(['SUBMITTED']);
    expect((await asStaff('/api/console/requests/WL-NOPE')).status).toBe(404);
  });

  it('requires a note to reject or ask for information', async () => {
    const request = await seedRequest(app.db.prisma);
    for (const decision of ['reject', 'needs_info']) {
      const res = await asStaff(`/api/console/requests/${request.reference}/decision`, { method: 'POST', body: { decision, note: ' ' } });
      expect(res.status).toBe(400);
    }
    expect(
      (await asStaff(`/api/console/requests/${request.reference}/decision`, { method: 'POST', body: { decision: 'maybe' } })).status,
    ).toBe(400);
    expect((await app.db.prisma.request.findUniqueOrThrow({ where: { id: request.id } })).status).toBe('SUBMITTED');
  });

  it('approves once: a later decision gets "already decided by" and writes no event', async () => {
    const request = await seedRequest(app.db.prisma);
    const first = await asStaff(`/api/console/requests/${request.reference}/decision`, { method: 'POST', body: { decision: 'approve' } });
    expect(first.status).toBe(200);
    // The applicant has no stored conversation here, so they can't be told; the console will say so.
    expect(await first.json()).toEqual({ reference: request.reference, fromStatus: 'SUBMITTED', status: 'APPROVED', notified: false });
    expect((await app.db.prisma.request.findUniqueOrThrow({ where: { id: request.id } })).notifyError).toBe('NoConversationReference');
    const late = await asStaff(`/api/console/requests/${request.reference}/decision`, {
      method: 'POST',
      body: { decision: 'reject', note: 'too late' },
    });
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ error: 'already_decided', status: 'APPROVED', by: 'Hina Staff' });
    const events = await app.db.prisma.requestEvent.findMany({ where: { requestId: request.id }, orderBy: { createdAt: 'asc' } });
    // As on the Teams card: the first decision opens the request, then decides it.
    const steps = events.map((e) => [e.fromStatus, e.toStatus, e.actorId]);
    expect(steps).toHaveLength(3);
    expect(steps).toEqual(
      expect.arrayContaining([
        [null, 'SUBMITTED', 'user'],
        ['SUBMITTED', 'IN_REVIEW', staffOid],
        ['IN_REVIEW', 'APPROVED', staffOid],
      ]),
    );
  });

  it('lets exactly one of two simultaneous decisions win', async () => {
    const request = await seedRequest(app.db.prisma, { status: 'IN_REVIEW' });
    const second = await jwks.mint({ oid: secondStaffOid, name: 'Second Agent' });
    const results = await Promise.all([
      asStaff(`/api/console/requests/${request.reference}/decision`, { method: 'POST', body: { decision: 'approve' } }),
      call(`/api/console/requests/${request.reference}/decision`, second, {
        method: 'POST',
        body: { decision: 'needs_info', note: 'Send the NTN certificate' },
      }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await app.db.prisma.requestEvent.count({ where: { requestId: request.id, fromStatus: 'IN_REVIEW' } })).toBe(1);
  });

  it('asks for information with the note recorded on the event', async () => {
    const request = await seedRequest(app.db.prisma);
    const res = await asStaff(`/api/console/requests/${request.reference}/decision`, {
      method: 'POST',
      body: { decision: 'needs_info', note: 'Please send the NTN' },
    });
    expect(((await res.json()) as { status: string }).status).toBe('INFO_REQUESTED');
    const event = await app.db.prisma.requestEvent.findFirstOrThrow({ where: { requestId: request.id, toStatus: 'INFO_REQUESTED' } });
    expect(event.note).toBe('Please send the NTN');
  });

  it('refuses a decision while the request waits for the applicant', async () => {
    const request = await seedRequest(app.db.prisma, { status: 'INFO_REQUESTED' });
    const res = await asStaff(`/api/console/requests/${request.reference}/decision`, { method: 'POST', body: { decision: 'approve' } });
    expect(res.status).toBe(409);
    expect((await app.db.prisma.request.findUniqueOrThrow({ where: { id: request.id } })).status).toBe('INFO_REQUESTED');
  });

  it('answers 404 when deciding an unknown request', async () => {
    expect((await asStaff('/api/console/requests/WL-NOPE/decision', { method: 'POST', body: { decision: 'approve' } })).status).toBe(404);
  });
});

describe('CSV export', () => {
  it('quotes, escapes and defuses formula cells so a spreadsheet reads them back as text', async () => {
    const tricky = [
      '=HYPERLINK("http://evil.example","x")',
      '+92 Tech, "Best" Ltd',
      '@SUM(A1)',
      '-1+1',
      'Line\nbreak Co',
      'کراچی کال سینٹر',
    ];
    const marker = `csv-${randomUUID().slice(0, 6)}`;
    for (const name of tricky) await seedRequest(app.db.prisma, { companyName: `${name} ${marker}`.trimStart(), kind: 'wfh' });
    // Names starting with the formula characters must keep them first, so seed those exactly.
    await seedRequest(app.db.prisma, { companyName: '=1+1', kind: 'wfh' });

    const res = await asStaff(`/api/console/requests.csv?kind=wfh`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="pseb-requests-/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<string[]>(bytes.subarray(3).toString('utf8'), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header[3]).toBe('company');
    const companies = rows.map((r) => r[3]);
    expect(companies).toContain(`'=HYPERLINK("http://evil.example","x") ${marker}`);
    expect(companies).toContain(`'+92 Tech, "Best" Ltd ${marker}`);
    expect(companies).toContain(`'@SUM(A1) ${marker}`);
    expect(companies).toContain(`'-1+1 ${marker}`);
    expect(companies).toContain(`Line\nbreak Co ${marker}`);
    expect(companies).toContain(`کراچی کال سینٹر ${marker}`);
    expect(companies).toContain(`'=1+1`);
    expect(rows.every((r) => r[1] === 'wfh' && r.length === header.length)).toBe(true);
  });

  it('needs a token like every console route', async () => {
    expect((await call('/api/console/requests.csv')).status).toBe(401);
  });
});

describe('FAQ curation', () => {
  it('lists unanswered questions most asked first', async () => {
    await seedUnanswered(app.db.prisma, 'rarely asked thing', 1);
    await seedUnanswered(app.db.prisma, 'often asked thing', 40);
    const { questions } = (await (await asStaff('/api/console/faq/unanswered')).json()) as {
      questions: { sample: string; count: number }[];
    };
    const samples = questions.map((q) => q.sample);
    expect(samples.indexOf('often asked thing')).toBeLessThan(samples.indexOf('rarely asked thing'));
  });

  it('adds an unanswered question to a topic and resolves it', async () => {
    const topic = await seedTopic(app.db.prisma);
    const question = await seedUnanswered(app.db.prisma, 'Is 4G enough for home agents?');
    const res = await asStaff(`/api/console/faq/topics/${topic.id}/questions`, {
      method: 'POST',
      body: { language: 'en', text: question.sample, unansweredId: question.id },
    });
    expect(res.status).toBe(201);
    const rows = await app.db.prisma.faqQuestion.findMany({ where: { topicId: topic.id, source: 'console' } });
    expect(rows.map((r) => r.text)).toEqual(['Is 4G enough for home agents?']);
    expect((await app.db.prisma.unansweredQuestion.findUniqueOrThrow({ where: { id: question.id } })).resolvedAt).not.toBeNull();
    const { questions } = (await (await asStaff('/api/console/faq/unanswered')).json()) as { questions: { id: string }[] };
    expect(questions.map((q) => q.id)).not.toContain(question.id);

    const again = await asStaff(`/api/console/faq/topics/${topic.id}/questions`, {
      method: 'POST',
      body: { language: 'en', text: question.sample },
    });
    expect(again.status).toBe(409);
    expect(
      (await asStaff(`/api/console/faq/topics/no.such.topic/questions`, { method: 'POST', body: { language: 'en', text: 'x y' } })).status,
    ).toBe(404);
  });

  it('creates a topic with answers in both languages, refusing a duplicate id and a bad one', async () => {
    const id = `callcentre.hours-${randomUUID().slice(0, 6)}`;
    const body = {
      id,
      answerEn: 'Call centres may operate 24/7 once whitelisted.',
      answerUr: 'وائٹ لسٹ ہونے کے بعد کال سینٹر چوبیس گھنٹے کام کر سکتے ہیں۔',
      questions: [{ language: 'ur', text: 'کال سینٹر کب تک کھلا رہ سکتا ہے؟' }],
    };
    expect((await asStaff('/api/console/faq/topics', { method: 'POST', body })).status).toBe(201);
    const saved = await app.db.prisma.faqTopic.findUniqueOrThrow({ where: { id }, include: { questions: true } });
    expect(saved.answerUr).toBe(body.answerUr);
    expect(saved.editedAt).not.toBeNull();
    expect(saved.questions).toEqual([expect.objectContaining({ language: 'ur', source: 'console' })]);
    expect((await asStaff('/api/console/faq/topics', { method: 'POST', body })).status).toBe(409);
    expect((await asStaff('/api/console/faq/topics', { method: 'POST', body: { ...body, id: 'Bad Id!' } })).status).toBe(400);
  });

  it('edits the answers of a topic in both languages', async () => {
    const topic = await seedTopic(app.db.prisma);
    const res = await asStaff(`/api/console/faq/topics/${topic.id}`, {
      method: 'PUT',
      body: { answerEn: 'New answer.', answerUr: 'نیا جواب۔' },
    });
    expect(res.status).toBe(200);
    const saved = await app.db.prisma.faqTopic.findUniqueOrThrow({ where: { id: topic.id } });
    expect([saved.answerEn, saved.answerUr]).toEqual(['New answer.', 'نیا جواب۔']);
    expect(saved.editedAt).not.toBeNull();
    expect((await asStaff(`/api/console/faq/topics/${topic.id}`, { method: 'PUT', body: { answerEn: 'only one' } })).status).toBe(400);
    expect((await asStaff('/api/console/faq/topics/no.such.topic', { method: 'PUT', body: { answerEn: 'a', answerUr: 'b' } })).status).toBe(
      404,
    );
  });
});

describe('dashboard', () => {
  it('counts requests per day by kind and status, wait percentiles, FAQ rates and languages', async () => {
    const fresh = await startTestApp(ssoEnv(jwks.url, [staffOid]));
    try {
      const prisma = fresh.db.prisma;
      await seedRequest(prisma, { kind: 'wfh', language: 'ur' });
      await seedRequest(prisma, { kind: 'whitelisting', status: 'APPROVED' });
      for (const seconds of [30, 60, 90, 120, 600]) await seedHandoff(prisma, { status: 'ACTIVE', claimedAfterSeconds: seconds });
      for (const decision of ['answer', 'answer', 'suggest', 'none'])
        await prisma.faqQueryLog.create({ data: { language: 'en', decision } });
      const res = await fetch(`${fresh.baseUrl}/api/console/dashboard?days=7`, { headers: { authorization: `Bearer ${staffToken}` } });
      const data = (await res.json()) as {
        days: string[];
        requests: { byKind: Record<string, number[]>; byStatus: Record<string, number[]>; total: number };
        handoffs: { perDay: number[]; medianWaitSeconds: number; p90WaitSeconds: number };
        faq: { rates: Record<string, number> };
        languages: { requests: Record<string, number> };
      };
      expect(data.days).toHaveLength(7);
      expect(data.requests.byKind.wfh.at(-1)).toBe(1);
      expect(data.requests.byStatus.APPROVED.at(-1)).toBe(1);
      expect(data.handoffs.perDay.reduce((a, b) => a + b, 0)).toBe(5);
      expect(data.handoffs.medianWaitSeconds).toBe(90);
      expect(data.handoffs.p90WaitSeconds).toBe(600);
      expect(data.faq.rates).toEqual({ answered: 0.5, suggested: 0.25, declined: 0.25 });
      expect(data.languages.requests).toEqual({ ur: 1, en: 1 });
      expect(
        (await fetch(`${fresh.baseUrl}/api/console/dashboard?days=0`, { headers: { authorization: `Bearer ${staffToken}` } })).status,
      ).toBe(400);
    } finally {
      await fresh.close();
    }
  });
});

describe('staff', () => {
  it('adds a staff member who can then use the console, and removes them again', async () => {
    const oid = randomUUID();
    const theirToken = await jwks.mint({ oid });
    expect((await call('/api/console/me', theirToken)).status).toBe(403);
    expect(
      (await asStaff('/api/console/staff', { method: 'POST', body: { aadObjectId: oid, name: 'New Agent', email: 'new@pseb.org.pk' } }))
        .status,
    ).toBe(201);
    expect((await call('/api/console/me', theirToken)).status).toBe(200);
    const { staff } = (await (await asStaff('/api/console/staff')).json()) as { staff: { aadObjectId: string; source: string }[] };
    expect(staff).toEqual(
      expect.arrayContaining([{ aadObjectId: oid, name: 'New Agent', email: 'new@pseb.org.pk', source: 'database', active: true }]),
    );
    expect((await asStaff(`/api/console/staff/${oid}`, { method: 'DELETE' })).status).toBe(204);
    expect((await call('/api/console/me', theirToken)).status).toBe(403);
    expect(await app.db.prisma.auditLog.count({ where: { target: oid, action: { in: ['staff.add', 'staff.remove'] } } })).toBe(2);
  });

  it('refuses to remove someone listed in the configuration, and answers 400/404 for bad input', async () => {
    expect((await asStaff(`/api/console/staff/${secondStaffOid}`, { method: 'DELETE' })).status).toBe(409);
    expect((await asStaff('/api/console/staff', { method: 'POST', body: { aadObjectId: 'not-a-guid' } })).status).toBe(400);
    expect((await asStaff(`/api/console/staff/${randomUUID()}`, { method: 'DELETE' })).status).toBe(404);
  });
});

describe('the page', () => {
  it('serves the console, its setup page, the vendor bundles and both string files', async () => {
    const page = await fetch(`${app.baseUrl}/console`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors [^;]*https:\/\/teams\.microsoft\.com/);
    expect((await fetch(`${app.baseUrl}/console/config`)).status).toBe(200);
    const teams = await fetch(`${app.baseUrl}/console/vendor/teams-js.js`);
    expect(teams.status).toBe(200);
    expect(await teams.text()).toContain('microsoftTeams');
    expect((await fetch(`${app.baseUrl}/console/vendor/chart.js`)).status).toBe(200);
    const ur = (await (await fetch(`${app.baseUrl}/console/locales/ur.json`)).json()) as { nav: { queue: string } };
    expect(ur.nav.queue).toBe('قطار');
  });

  it('serves nothing outside its own files', async () => {
    for (const path of [
      '/console/assets/..%2F..%2Fpackage.json',
      '/console/assets/.env',
      '/console/vendor/jose.js',
      '/console/locales/fr.json',
      '/console/assets/missing.js',
    ]) {
      expect((await fetch(`${app.baseUrl}${path}`)).status).toBe(404);
    }
  });
});

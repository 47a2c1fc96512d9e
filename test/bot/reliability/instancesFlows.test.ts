/**
 * Whole flows split across two server instances on one PostgreSQL: a whitelisting form whose answers
 * alternate between the instances, and a hand-off where the user talks to one instance and the agent to
 * the other. PostgreSQL only (TEST_DATABASE_URL); skipped with a note on PGlite.
 */
import { randomUUID } from 'node:crypto';
import { startTestApp, TestUser, textOfAll, type TestApp } from '../../helpers/app';
import { createTestDb, onPostgres, type TestDb } from '../../helpers/db';
import { startConnector, type ConnectorRecorder } from '../../helpers/connector';
import { openDatabase } from '../../../prisma/db';
import { TeamsMember, staff, teamId, channelId, en } from '../handoff/harness';
import { Verbs } from '../../../cards/verbs';

if (!onPostgres) {
  console.warn('instancesFlows.test.ts skipped: set TEST_DATABASE_URL (npm run test:pg) to run the two-instance flows');
}
const onPg = onPostgres ? describe : describe.skip;

onPg('flows split across two instances on one PostgreSQL', () => {
  let db: TestDb;
  let otherDb: TestDb;
  let a: TestApp;
  let b: TestApp;
  let connector: ConnectorRecorder;
  const env = {
    STAFF_AAD_OBJECT_IDS: staff.map((s) => s.aadObjectId).join(','),
    SUPPORT_TEAM_ID: teamId,
    BUSINESS_HOURS: 'always',
    RATE_LIMIT_PER_MINUTE: '10000',
  };

  beforeAll(async () => {
    connector = await startConnector();
    db = await createTestDb();
    otherDb = Object.assign(await openDatabase(db.url, { poolSize: 5 }), { url: db.url });
    a = await startTestApp(env, {}, db);
    b = await startTestApp(env, {}, otherDb);
    // The bot is installed in the support channel; instance A sees the installation.
    await new TeamsMember(a.baseUrl, connector.serviceUrl, staff[0]).send(channelId, {
      type: 'conversationUpdate',
      membersAdded: [{ id: 'pseb-bot' }],
    });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await otherDb.close();
    await db.close();
    await connector.close();
  });

  it('files one whitelisting request when the answers alternate between the instances', async () => {
    const userId = `user-${randomUUID()}`;
    const conversationId = `conv-${randomUUID()}`;
    const on = [new TestUser(a.baseUrl, 'test', userId, conversationId), new TestUser(b.baseUrl, 'test', userId, conversationId)];
    const answers = [
      'whitelisting',
      'Twin Calls (Pvt) Ltd',
      'skip',
      '1234567-8',
      'Sara Ahmed',
      '42101-1234567-1',
      '0300-1234567',
      'sara@twin.pk',
      'Lahore',
      '80',
      '39.45.12.7',
    ];
    for (const [i, answer] of answers.entries()) await on[i % 2].say(answer);
    const submitted = textOfAll(await on[answers.length % 2].say('1'));
    const requests = await db.prisma.request.findMany({ where: { userId } });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ kind: 'whitelisting', companyName: 'Twin Calls (Pvt) Ltd' });
    expect(submitted).toContain(requests[0].reference);
  });

  it('relays a hand-off both ways when the user talks to one instance and the agent to the other', async () => {
    const user = new TestUser(a.baseUrl, 'webchat', `user-${randomUUID()}`, undefined, connector.serviceUrl);
    expect(textOfAll(await user.say('talk to a person'))).toContain(en('handoff:user.queued', { position: 1 }));
    const handoff = await db.prisma.handoff.findFirstOrThrow({ where: { userConversationId: user.conversationId } });
    const threadId = handoff.threadConversationId!;
    const agentOnB = new TeamsMember(b.baseUrl, connector.serviceUrl, staff[1]);

    await agentOnB.click(threadId, { verb: Verbs.handoffClaim, handoffId: handoff.id });
    expect((await db.prisma.handoff.findUniqueOrThrow({ where: { id: handoff.id } })).status).toBe('ACTIVE');

    await agentOnB.write(threadId, 'Assalam o Alaikum, how can I help?');
    await connector.waitFor((c) => c.conversationId === user.conversationId && String(c.body.text).includes('how can I help?'));

    expect(await user.say('My request is stuck')).toEqual([]);
    await connector.waitFor((c) => c.conversationId === threadId && String(c.body.text).includes('My request is stuck'));

    await agentOnB.write(threadId, '/end');
    expect((await db.prisma.handoff.findUniqueOrThrow({ where: { id: handoff.id } })).status).toBe('CLOSED');
    // Back with the bot on the other instance: the very next message is answered.
    expect(textOfAll(await user.say('menu'))).toContain(en('common:menu.title'));
  });
});

/**
 * "agent" in the middle of a form: the form's dialog is left alone during the hand-off and asks its
 * question again afterwards. The intake forms are another feature, so a small app with a stand-in
 * form (one text prompt) is composed here from the same parts createApp uses.
 */
import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { ConversationState, UserState } from 'botbuilder';
import { TextPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { loadConfig } from '../../../bot/config';
import { createLogger } from '../../../bot/logger';
import { createAdapter } from '../../../bot/adapter';
import { PsebBot, type VerbHandler } from '../../../bot/psebBot';
import { mountMenu } from '../../../bot/menu/mount';
import { scriptDetector } from '../../../bot/language';
import { turnInfo } from '../../../bot/turnInfo';
import { PrismaStorage } from '../../../bot/storage/prismaStorage';
import { PrismaTranscriptStore } from '../../../bot/transcript/transcriptStore';
import { TranscriptMiddleware } from '../../../bot/transcript/transcriptMiddleware';
import { mountMessages } from '../../../bot/http/messages';
import { MainDialog } from '../../../dialogs/mainDialog';
import { mountHandoff, type MountedHandoff } from '../../../bot/handoff/mount';
import { Verbs } from '../../../cards/verbs';
import { createTestDb, type TestDb } from '../../helpers/db';
import { startConnector, type ConnectorRecorder } from '../../helpers/connector';
import { TestUser, textOfAll } from '../../helpers/app';
import { en, i18n, staff, TeamsMember, teamId, channelId } from './harness';

const formId = 'test.form';
const companyPrompt = 'test.form.company';
/** The stand-in form's question; not user-facing copy, only this test reads it. */
const companyQuestion = 'FORM: company name?';

let db: TestDb;
let connector: ConnectorRecorder;
let server: restify.Server;
let handoff: MountedHandoff;
let baseUrl: string;

beforeAll(async () => {
  db = await createTestDb();
  connector = await startConnector();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    STAFF_AAD_OBJECT_IDS: staff[0].aadObjectId,
    SUPPORT_TEAM_ID: teamId,
    BUSINESS_HOURS: 'always',
  });
  const logger = createLogger('silent');
  const storage = new PrismaStorage(db.prisma);
  const conversationState = new ConversationState(storage);
  const mainDialog = new MainDialog().useRoute(
    'whitelisting',
    (dc) => dc.beginDialog(formId),
    new WaterfallDialog(formId, [
      (step: WaterfallStepContext) => step.prompt(companyPrompt, companyQuestion),
      async (step: WaterfallStepContext) => {
        await step.context.sendActivity(`FORM: got ${String(step.result)}`);
        return step.endDialog();
      },
    ]),
    new TextPrompt(companyPrompt),
  );
  const bot = new PsebBot({
    conversationState,
    userState: new UserState(storage),
    i18n,
    logger,
    mainDialog,
    detectLanguage: scriptDetector,
    maxMessageLength: 10_000,
  });
  const adapter = createAdapter({ config, logger, i18n, languageOf: async (context) => turnInfo(context).lang });
  adapter.use(new TranscriptMiddleware(new PrismaTranscriptStore(db.prisma), logger));
  handoff = mountHandoff({ config, prisma: db.prisma, adapter, mainDialog, conversationState, i18n, logger });
  // The hand-off's and the menu's parts placed as bot/routing.ts places them; the other features are absent.
  const menu = mountMenu({ requestAgent: (context) => handoff.service.request(context) });
  const absent: VerbHandler = async (dc) => {
    await dc.context.sendActivity('not in this test app');
  };
  bot.useRouting({
    verbs: {
      [Verbs.menuSelect]: handoff.routing.guard(menu.onSelect),
      [Verbs.handoffClaim]: handoff.routing.onClaim,
      [Verbs.handoffEnd]: handoff.routing.onEnd,
      [Verbs.handoffSendAnswer]: handoff.routing.onSendAnswer,
      [Verbs.handoffRate]: handoff.routing.onRate,
      [Verbs.requestRevoke]: absent,
      [Verbs.intakeSubmit]: absent,
      [Verbs.intakeCancel]: absent,
      [Verbs.faqPick]: absent,
      [Verbs.requestDecide]: absent,
      [Verbs.requestReply]: absent,
    },
    interceptors: [handoff.routing.interceptor],
  });
  mainDialog.useRoute('agent', handoff.routing.agentRoute);
  server = restify.createServer();
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  mountMessages(server, { adapter, logger, logic: (context) => bot.run(context) });
  await new Promise<void>((resolve) => void server.listen(0, '127.0.0.1', () => resolve()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await new TeamsMember(baseUrl, connector.serviceUrl, staff[0]).send(channelId, {
    type: 'conversationUpdate',
    membersAdded: [{ id: 'pseb-bot' }],
  });
});

afterAll(async () => {
  handoff?.stop();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await connector?.close();
  await db?.close();
});

/** Runs a user into the form, asks for a person, and returns the hand-off's thread. */
async function intoFormThenAgent(user: TestUser, ask: () => Promise<unknown>) {
  expect(textOfAll(await user.say('whitelisting'))).toContain(companyQuestion);
  await ask();
  const row = await db.prisma.handoff.findFirstOrThrow({ where: { userConversationId: user.conversationId } });
  return row;
}

describe('asking for a person in the middle of a form', () => {
  it("keeps the form, stays silent during the hand-off, and asks the form's question again after it", async () => {
    const user = new TestUser(baseUrl, 'webchat', undefined, undefined, connector.serviceUrl);
    const row = await intoFormThenAgent(user, async () => {
      expect(textOfAll(await user.say('agent'))).toContain(en('handoff:user.queued', { position: 1 }));
    });
    const agent = new TeamsMember(baseUrl, connector.serviceUrl, staff[0]);
    await agent.click(row.threadConversationId!, { verb: Verbs.handoffClaim, handoffId: row.id });
    // Not an answer to the form: the form must not see it, and the bot must not speak.
    expect(await user.say('Acme Call Centre (Pvt) Ltd')).toEqual([]);

    await agent.write(row.threadConversationId!, '/end');
    const afterEnd = connector.sentTo(user.conversationId).map((a) => String(a.text ?? ''));
    expect(afterEnd.join('\n')).toContain(en('handoff:user.endedByAgent', { agent: staff[0].name }));
    expect(afterEnd).toContain(en('handoff:user.formResumes'));
    expect(afterEnd[afterEnd.length - 1]).toBe(companyQuestion);

    expect(textOfAll(await user.say('Acme Call Centre'))).toContain('FORM: got Acme Call Centre');
  });

  it('takes the menu\'s "Talk to a person" without cancelling the form', async () => {
    const user = new TestUser(baseUrl, 'webchat', undefined, undefined, connector.serviceUrl);
    const row = await intoFormThenAgent(user, () => user.submit({ verb: Verbs.menuSelect, choice: 'agent' }));
    expect(row.status).toBe('WAITING');
    const left = await user.say('cancel');
    expect(textOfAll(left)).toContain(en('handoff:user.formResumes'));
    expect(textOfAll(left)).toContain(companyQuestion);
  });
});

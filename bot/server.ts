/**
 * Builds the whole app — database, state, bot, adapter and the restify server — without listening,
 * so tests start it on an ephemeral port and index.ts only calls listen().
 */
import restify, { type Server } from 'restify';
import { ConversationState, UserState, type TurnContext } from 'botbuilder';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import type { Config } from './config';
import { createLogger, type Logger } from './logger';
import { createI18n } from './i18n';
import { openDatabase, type Database } from '../prisma/db';
import { PrismaStorage, ETagConflictError } from './storage/prismaStorage';
import { PrismaTranscriptStore } from './transcript/transcriptStore';
import { TranscriptMiddleware } from './transcript/transcriptMiddleware';
import { createAdapter, type PsebAdapter } from './adapter';
import { PsebBot } from './psebBot';
import { turnInfo } from './turnInfo';
import { MainDialog } from '../dialogs/mainDialog';
import { Verbs } from '../cards/verbs';
import { menuItems } from '../dialogs/menu';
import { mountMessages } from './http/messages';
import { mountHealth } from './http/health';
import { mountHandoff } from './handoff';
import { FaqService } from './faq/faqService';
import { useFaq, mountFaqApi } from './faq/mountFaq';
import { faqLanguageDetector } from './faq/botDetector';
import { mountDecisions } from './requests/mountDecisions';
import { mountRequests } from './requests/feature';
import { mountConsole } from './console/routes';
import { useReliability } from './reliability';
import { OptimisticStorage } from './reliability/optimisticStorage';
import { mountDirectLine } from './directline';
import { mountWebChat } from './http/webchat';
import { mountAnnouncements, type AnnouncementsDeps } from './announcements/mount';

/** Longest message the bot reads at all; a 500-row agent list pasted at once fits. */
export const MAX_MESSAGE_LENGTH = 60_000;
/** Largest JSON body accepted on any route. */
export const MAX_BODY_BYTES = 512 * 1024;

export interface AppOptions {
  config: Config;
  logger?: Logger;
  /** An already open (and migrated) database; otherwise config.databaseUrl is opened and migrated. */
  db?: Database;
  credentialsFactory?: ServiceClientCredentialsFactory;
  /** Overrides for bot/announcements (tests: clock, sleep, worker settings, no timers). */
  announcements?: Pick<AnnouncementsDeps, 'clock' | 'sleep' | 'workerSettings' | 'autoStart'>;
}

export interface App {
  server: Server;
  db: Database;
  adapter: PsebAdapter;
  bot: PsebBot;
  logger: Logger;
  /** Stops the server and, if the app opened it, the database. */
  close(): Promise<void>;
}

/** Composes the app. */
export async function createApp(options: AppOptions): Promise<App> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const ownsDb = !options.db;
  const db = options.db ?? (await openDatabase(config.databaseUrl, { poolSize: config.DATABASE_POOL_SIZE }));
  if (ownsDb) {
    const applied = await db.migrate();
    if (applied.length) logger.info({ applied }, 'migrations applied');
  }
  const i18n = createI18n();
  const storage = new OptimisticStorage(new PrismaStorage(db.prisma));
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);

  const mainDialog = new MainDialog();
  const bot = new PsebBot({
    conversationState,
    userState,
    i18n,
    logger,
    mainDialog,
    detectLanguage: faqLanguageDetector,
    maxMessageLength: MAX_MESSAGE_LENGTH,
  });
  bot.onVerb(Verbs.menuSelect, async (dc, data) => {
    const intent = menuItems.find((item) => item === data.choice);
    if (!intent) {
      await dc.context.sendActivity(turnInfo(dc.context).t('common:errors.unknownAction'));
      return;
    }
    await dc.cancelAllDialogs();
    await dc.beginDialog(mainDialog.id, { intent });
  });

  const adapter = createAdapter({
    config,
    logger,
    i18n,
    credentialsFactory: options.credentialsFactory,
    rethrow: (err) => err instanceof ETagConflictError,
    languageOf: async (context: TurnContext) => {
      try {
        return turnInfo(context).lang;
      } catch {
        return undefined;
      }
    },
  });
  useReliability(adapter, { config, db, logger, i18n });
  adapter.use(new TranscriptMiddleware(new PrismaTranscriptStore(db.prisma), logger));
  // Before the hand-off: its interceptor answers every other support-channel message with "no open chat".
  // requestDecisions.notifyRequestSubmitted is the request store's onSubmitted hook.
  const requestDecisions = mountDecisions({ config, prisma: db.prisma, adapter, bot, conversationState, i18n, logger });
  const handoff = mountHandoff({ config, prisma: db.prisma, adapter, bot, mainDialog, conversationState, i18n, logger });
  const announcements = mountAnnouncements({ config, prisma: db.prisma, adapter, bot, i18n, logger, ...options.announcements });
  const faq = await FaqService.start(db.prisma, (err) => logger.warn({ err }, 'FAQ database sync failed; answering from the shipped knowledge base'));
  const answerQuestion = useFaq({ faq, bot, mainDialog, conversationState, logger, requestHandoff: (context) => handoff.service.request(context) });
  mountRequests({
    bot,
    mainDialog,
    prisma: db.prisma,
    logger,
    answerQuestion,
    requestAgent: (context) => handoff.service.request(context),
    onSubmitted: (request) => requestDecisions.notifyRequestSubmitted(request),
  });

  const server = restify.createServer({ name: 'pseb-assist', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, maxFileSize: MAX_BODY_BYTES, mapParams: false, mapFiles: false }));
  mountHealth(server, db, logger);
  mountMessages(server, { adapter, logger, logic: (context) => bot.run(context) });
  mountFaqApi(server, faq, logger);
  mountConsole(server, {
    config,
    prisma: db.prisma,
    logger,
    staffDirectory: handoff.staff,
    requestNotifier: requestDecisions.notifier,
    onFaqChanged: () => faq.reload(),
    announcements: announcements.api,
    claimHandoff: async (id, actor) => {
      const outcome = await handoff.service.claimFor(id, { aadObjectId: actor.oid, name: actor.name });
      return outcome.claimed ? outcome : { claimed: false, by: outcome.by };
    },
  });
  const directLineStreams = mountDirectLine(server, { config, db, adapter, logger, logic: (context) => bot.run(context) });
  mountWebChat(server, { logger });

  return {
    server,
    db,
    adapter,
    bot,
    logger,
    async close() {
      handoff.stop();
      await announcements.stop();
      directLineStreams?.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
      if (ownsDb) await db.close();
    },
  };
}

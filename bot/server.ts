/**
 * Builds the whole app — database, state, bot, adapter and the restify server — without listening,
 * so tests start it on an ephemeral port and index.ts only calls listen().
 */
import restify, { type Server } from 'restify';
import { ActivityTypes, ConversationState, UserState, type TurnContext } from 'botbuilder';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import type { Config } from './config';
import { createLogger, type Logger } from './logger';
import { createI18n } from './i18n';
import { openDatabase, type Database } from '../prisma/db';
import { PrismaStorage, ETagConflictError } from './storage/prismaStorage';
import { TurnStatements } from './storage/turnStatements';
import { loadTurnFacts } from './storage/turnFacts';
import { PrismaTranscriptStore } from './transcript/transcriptStore';
import { TranscriptMiddleware } from './transcript/transcriptMiddleware';
import { createAdapter, type PsebAdapter } from './adapter';
import { PsebBot } from './psebBot';
import { turnInfo } from './turnInfo';
import { MainDialog } from '../dialogs/mainDialog';
import { mountMessages, authenticateMessagesFirst } from './http/messages';
import { bodyReader, MAX_BODY_BYTES } from './http/body';
import { UPLOAD_ROUTE } from './directline/routes';
import { parseStreamRequest } from './directline/stream';
import { guardUpgrades } from './http/upgrade';
import { installGuards } from './http/guards';
import { Operations } from './ops';
import { drainAndClose } from './ops/shutdown';
import { mountHandoff } from './handoff/mount';
import { FaqService } from './faq/faqService';
import { faqAnswers } from './desk/faqAnswers';
import { consoleDesk } from './desk/consoleDesk';
import { mountFaq, mountFaqApi } from './faq/mount';
import { faqLanguageDetector } from './faq/botDetector';
import { mountDecisions, mountRequests } from './requests/mount';
import { mountMenu } from './menu/mount';
import { buildRouting, useRouting } from './routing';
import type { IntakeDeps } from '../dialogs/intake/intakeDialog';
import { mountConsole } from './console/routes';
import { useReliability } from './reliability';
import { OptimisticStorage } from './reliability/optimisticStorage';
import { mountDirectLine } from './directline';
import { welcomeMenu } from '../dialogs/menu';
import { mountWebChat } from './http/webchat';
import { createLetters, mountLetters } from './letters/mount';
import { mountAnnouncements, type AnnouncementsDeps } from './announcements/mount';

/** Longest message the bot reads at all; a 500-row agent list pasted at once fits. */
export const MAX_MESSAGE_LENGTH = 60_000;
/** Largest body accepted on any route, after decompression (bot/http/body.ts). */
export { MAX_BODY_BYTES };

export interface AppOptions {
  config: Config;
  logger?: Logger;
  /** An already open (and migrated) database; otherwise config.databaseUrl is opened and migrated. */
  db?: Database;
  credentialsFactory?: ServiceClientCredentialsFactory;
  /** Reads an attached CSV (tests point SharePoint-style downloads at a loopback server). */
  readCsv?: IntakeDeps['readCsv'];
  /** Overrides for bot/announcements (tests: clock, sleep, worker settings, no timers). */
  announcements?: Pick<AnnouncementsDeps, 'clock' | 'sleep' | 'workerSettings' | 'autoStart'>;
}

export interface App {
  server: Server;
  db: Database;
  adapter: PsebAdapter;
  bot: PsebBot;
  logger: Logger;
  /** Metrics, in-flight work and the draining switch. */
  ops: Operations;
  /** Stops the server and, if the app opened it, the database. */
  close(): Promise<void>;
  /** Graceful stop: refuse new work, let in-flight turns and sends finish (up to timeoutMs), then close(). */
  shutdown(timeoutMs: number): Promise<boolean>;
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
  // The turn's database work: one shared read (dedupe claim + state) and one shared write (state, transcript,
  // reference, FAQ log) for all concurrent turns, as plain SQL on the driver.
  const statements = new TurnStatements(db.sql);
  const storage = new OptimisticStorage(new PrismaStorage(db.prisma, statements));
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

  const ops = new Operations({ config, db, logger });
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
  adapter.use(ops.turnMiddleware);
  useReliability(adapter, {
    config,
    db,
    logger,
    i18n,
    statements,
    // Messages and invokes read both states and the features' facts (open hand-off, pending rating, waiting
    // request) anyway: loaded with the dedupe claim, in its round trip.
    prefetch: async (context) => {
      const { type } = context.activity;
      if (type === ActivityTypes.Message || type === ActivityTypes.Invoke)
        await Promise.all([conversationState.load(context), userState.load(context), loadTurnFacts(context, statements)]);
    },
  });
  adapter.use(new TranscriptMiddleware(new PrismaTranscriptStore(db.prisma, statements), logger));
  // The features; bot/routing.ts decides which takes what, and in which order.
  // requestDecisions.notifyRequestSubmitted is the request store's onSubmitted hook.
  const letters = createLetters({ config, prisma: db.prisma, i18n, logger });
  const requestDecisions = mountDecisions({ config, prisma: db.prisma, adapter, conversationState, i18n, logger, letters });
  const announcements = mountAnnouncements({ config, prisma: db.prisma, adapter, i18n, logger, ...options.announcements });
  const faq = await FaqService.start(
    db.prisma,
    (err) => logger.warn({ err }, 'FAQ database sync failed; answering from the shipped knowledge base'),
    Date.now,
    statements,
  );
  faq.observe((response) => ops.metrics.faqDecision(response.decision, response.language));
  const handoff = mountHandoff({
    config,
    prisma: db.prisma,
    adapter,
    mainDialog,
    conversationState,
    i18n,
    logger,
    answers: faqAnswers(faq),
  });
  const requestAgent = (context: TurnContext) => handoff.service.request(context);
  const faqFeature = mountFaq({ faq, conversationState, logger, requestHandoff: requestAgent });
  const requests = mountRequests({
    prisma: db.prisma,
    logger,
    answerQuestion: faqFeature.answer,
    requestAgent,
    onSubmitted: (request) => requestDecisions.notifyRequestSubmitted(request),
    readCsv: options.readCsv,
  });

  const server = restify.createServer({ name: 'pseb-assist', handleUncaughtExceptions: false });
  installGuards(server);
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(
    bodyReader({ logger, multipartRoutes: new Set([UPLOAD_ROUTE]), gate: authenticateMessagesFirst(adapter, config.localMode, logger) }),
  );
  ops.mount(server);
  mountMessages(server, { adapter, logger, logic: (context) => bot.run(context) });
  mountFaqApi(server, faq, logger);
  mountConsole(server, {
    config,
    prisma: db.prisma,
    logger,
    staffDirectory: handoff.staff,
    requestNotifier: requestDecisions.notifier,
    onFaqChanged: () => faq.reload(),
    desk: consoleDesk(handoff.service, handoff.store),
    announcements: announcements.api,
    claimHandoff: async (id, actor) => {
      const outcome = await handoff.service.claimFor(id, { aadObjectId: actor.oid, name: actor.name });
      return outcome.claimed ? outcome : { claimed: false, by: outcome.by };
    },
  });
  const lettersRouting = mountLetters(server, {
    config,
    prisma: db.prisma,
    letters,
    staff: handoff.staff,
    notifier: requestDecisions.notifier,
    i18n,
    logger,
  });
  useRouting(
    bot,
    mainDialog,
    buildRouting({
      menu: mountMenu({ requestAgent }),
      decisions: requestDecisions.routing,
      handoff: handoff.routing,
      faq: faqFeature,
      requests,
      letters: lettersRouting,
      announcements,
    }),
  );
  const directLineStreams = mountDirectLine(server, {
    config,
    db,
    adapter,
    logger,
    logic: (context) => bot.run(context),
    welcome: (locale, channelId) => [welcomeMenu(i18n, locale, channelId)],
  });
  mountWebChat(server, { logger });
  guardUpgrades(server.server, { serves: (url) => directLineStreams !== undefined && parseStreamRequest(url) !== undefined });

  const closeRest = async () => {
    handoff.stop();
    ops.close();
    directLineStreams?.close();
    if (ownsDb) await db.close();
  };
  return {
    server,
    db,
    adapter,
    bot,
    logger,
    ops,
    async close() {
      handoff.stop();
      ops.close();
      await announcements.stop();
      directLineStreams?.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
      if (ownsDb) await db.close();
    },
    shutdown: (timeoutMs) => drainAndClose({ ops, httpServer: server.server, logger, closeRest }, timeoutMs),
  };
}

/**
 * Composes announcements, opt-out and reminders: the delivery worker (polling, and woken by a send) and
 * the reminder sweep are started here; the opt-out interceptor goes to bot/routing.ts, which places it.
 * stop() ends both timers.
 */
import type { i18n } from 'i18next';
import type { PrismaClient } from '../../generated/prisma/client';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { PsebAdapter } from '../adapter';
import type { Interceptor } from '../psebBot';
import { BotMessenger, type Messenger } from '../proactive/messenger';
import { AnnouncementStore } from './store';
import { OptOutStore, optOutInterceptor } from './optOut';
import { AnnouncementWorker, type WorkerSettings } from './worker';
import type { AnnouncementsApi } from './routes';
import { ReminderSweep } from './reminders';
import { PrismaSupportChannelStore } from '../support/supportChannel';
import { sweepIntervalMs } from '../handoff/mount';
import { uiLanguages, type UiLanguage } from '../i18n';

/** How often each instance looks for due deliveries when nobody woke it. */
export const deliveryPollMs = 5_000;

export interface AnnouncementsDeps {
  config: Config;
  prisma: PrismaClient;
  adapter: PsebAdapter;
  i18n: i18n;
  logger: Logger;
  clock?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Replaces the single-attempt BotMessenger (tests). */
  messenger?: Messenger;
  workerSettings?: Partial<WorkerSettings>;
  /** Tests drive the worker themselves. */
  autoStart?: boolean;
}

export interface MountedAnnouncements {
  api: AnnouncementsApi;
  store: AnnouncementStore;
  optOuts: OptOutStore;
  worker: AnnouncementWorker;
  reminders: ReminderSweep;
  /** "stop announcements" / "start announcements" in three languages; placed by bot/routing.ts. */
  optOutInterceptor: Interceptor;
  /** Stops both timers and waits for a running drain or sweep. */
  stop(): Promise<void>;
}

/** The message heading in each reply language. */
function headingsIn(i18n: i18n): Record<UiLanguage, string> {
  return Object.fromEntries(uiLanguages.map((lang) => [lang, i18n.getFixedT(lang)('announcements:heading')])) as Record<UiLanguage, string>;
}

/** Builds the feature, registers the opt-out phrases and starts the worker. */
export function mountAnnouncements(deps: AnnouncementsDeps): MountedAnnouncements {
  const { config, prisma, logger } = deps;
  const store = new AnnouncementStore(prisma, deps.clock);
  const optOuts = new OptOutStore(prisma);
  // One attempt per send: the queue, not the messenger, decides when to retry (and frees the worker meanwhile).
  const messenger =
    deps.messenger ??
    new BotMessenger({
      adapter: deps.adapter,
      botAppId: config.MicrosoftAppId ?? '',
      logger,
      policy: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
    });
  const worker = new AnnouncementWorker({
    prisma,
    store,
    optOuts,
    messenger,
    i18n: deps.i18n,
    logger,
    clock: deps.clock,
    sleep: deps.sleep,
    settings: { ratePerSecond: config.ANNOUNCEMENT_RATE_PER_SECOND, ...deps.workerSettings },
  });
  const reminders = new ReminderSweep({
    prisma,
    // Reminders are few: the ordinary messenger, which retries a throttled send itself.
    messenger: deps.messenger ?? new BotMessenger({ adapter: deps.adapter, botAppId: config.MicrosoftAppId ?? '', logger }),
    support: new PrismaSupportChannelStore(prisma),
    i18n: deps.i18n,
    logger,
    clock: deps.clock ?? (() => new Date()),
    infoReminderHours: config.INFO_REMINDER_HOURS,
    decisionSlaHours: config.DECISION_SLA_HOURS,
    consoleUrl: config.BOT_PUBLIC_HOST ? `https://${config.BOT_PUBLIC_HOST}/console` : undefined,
  });
  const timer = deps.autoStart === false ? undefined : worker.start(deliveryPollMs);
  const stopReminders = deps.autoStart === false ? undefined : reminders.start(sweepIntervalMs);
  return {
    api: { store, onSend: () => timer?.wake(), headings: headingsIn(deps.i18n) },
    store,
    optOuts,
    worker,
    reminders,
    optOutInterceptor: optOutInterceptor(optOuts),
    stop: async () => {
      await Promise.all([timer?.stop(), stopReminders?.()]);
    },
  };
}

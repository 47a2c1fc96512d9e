/**
 * The announcements harness: the app in local mode (dev token for the console) with its own worker
 * stopped, a loopback connector every user's conversation points at, users who talked to the bot in a
 * chosen language, and workers the tests drive (each one stands for an instance).
 */
import { randomUUID } from 'node:crypto';
import { startTestApp, TestUser, type TestApp } from '../../helpers/app';
import { startConnector, type ConnectorRecorder } from '../../helpers/connector';
import { eventually } from '../../helpers/eventually';
import type { TestDb } from '../../helpers/db';
import { createI18n, type UiLanguage } from '../../../bot/i18n';
import { BotMessenger, type Messenger } from '../../../bot/proactive/messenger';
import { AnnouncementStore } from '../../../bot/announcements/store';
import { OptOutStore } from '../../../bot/announcements/optOut';
import { AnnouncementWorker, type WorkerSettings } from '../../../bot/announcements/worker';

export const i18n = createI18n();
export const devToken = 'dev-token-for-announcement-tests';

/** The switch word that makes a user's reply language explicit. */
const switchWord: Record<UiLanguage, string> = { en: 'English', ur: 'اردو', 'ur-Latn': 'Roman Urdu' };

export interface AnnouncementHarness {
  app: TestApp;
  connector: ConnectorRecorder;
  /** A user on `channelId` who chose `lang` (their conversation's serviceUrl is the connector). */
  user(lang: UiLanguage, channelId?: string): Promise<TestUser>;
  /** A console call with the dev token. */
  api(path: string, init?: { method?: string; body?: unknown; token?: string | null }): Promise<Response>;
  /** A worker over `db` (another instance's pool, or the same), fast pacing and short backoff unless overridden. */
  worker(options?: { db?: TestDb; settings?: Partial<WorkerSettings>; clock?: () => Date; messenger?: Messenger }): AnnouncementWorker;
  /** Drains until the announcement is done (retries wait for their due time). */
  sendAll(id: string, workers: AnnouncementWorker[]): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export const fastSettings: Partial<WorkerSettings> = { ratePerSecond: 100, baseDelayMs: 20, maxDelayMs: 2_000 };

export async function startAnnouncementHarness(db?: TestDb): Promise<AnnouncementHarness> {
  const connector = await startConnector();
  const app = await startTestApp({ CONSOLE_DEV_TOKEN: devToken }, { announcements: { autoStart: false } }, db);
  const api: AnnouncementHarness['api'] = (path, init = {}) => {
    const token = init.token === undefined ? devToken : init.token;
    return fetch(`${app.baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  };
  return {
    app,
    connector,
    async user(lang, channelId = 'msteams') {
      const user = new TestUser(app.baseUrl, channelId, `user-${randomUUID()}`, undefined, connector.serviceUrl);
      await user.say(switchWord[lang]);
      await eventually('the conversation reference', () =>
        app.db.prisma.conversationRef.findUnique({ where: { conversationId: user.conversationId } }).then((r) => r ?? undefined),
      );
      return user;
    },
    api,
    worker(options = {}) {
      const prisma = (options.db ?? app.db).prisma;
      const messenger = new BotMessenger({
        adapter: app.app.adapter,
        botAppId: '',
        logger: app.app.logger,
        policy: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
      });
      return new AnnouncementWorker({
        prisma,
        store: new AnnouncementStore(prisma),
        optOuts: new OptOutStore(prisma),
        messenger: options.messenger ?? messenger,
        i18n,
        logger: app.app.logger,
        clock: options.clock,
        settings: { ...fastSettings, ...options.settings },
      });
    },
    async sendAll(id, workers) {
      return eventually(
        `announcement ${id} done`,
        async () => {
          await Promise.all(workers.map((w) => w.drain()));
          const progress = (await (await api(`/api/console/announcements/${id}`)).json()) as Record<string, unknown>;
          return progress.status === 'done' ? progress : undefined;
        },
        { timeoutMs: 20_000, intervalMs: 100 },
      );
    },
    async close() {
      await app.close();
      await connector.close();
    },
  };
}

/** The announcement texts, distinct per language so a test sees which one arrived. */
export function texts(tag = randomUUID().slice(0, 8)): Record<UiLanguage, string> {
  return {
    en: `Lockdown extended to 30 April (${tag}). Updated SOPs are on the PSEB site.`,
    ur: `لاک ڈاؤن 30 اپریل تک بڑھا دیا گیا (${tag})۔ نئے ایس او پیز پی ایس ای بی کی ویب سائٹ پر ہیں۔`,
    'ur-Latn': `Lockdown 30 April tak barha diya gaya (${tag}). Naye SOPs PSEB ki website par hain.`,
  };
}

/**
 * Web Chat's Direct Line endpoint inside the bot's own server: tokens, conversations, activities and
 * uploads for clients, and the connector the bot replies through. On in local mode; in authenticated
 * mode only with WEBCHAT_LOCAL=true (otherwise Azure's Direct Line is the way in, and these are 404).
 */
import type { Server } from 'restify';
import type { TurnContext } from 'botbuilder';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Database } from '../../prisma/db';
import type { PsebAdapter } from '../adapter';
import { mountConnector, publishTo } from './connector';
import { createDelivery } from './delivery';
import { DIRECTLINE_PREFIX, mountDirectLineRoutes, WEBCHAT_TOKEN_PATH } from './routes';
import { limitPerAddress } from '../http/limits';
import { deriveKeys, loadSecret, type DirectLineKeys } from './secret';
import { DirectLineStore } from './store';
import { WebchatUsers } from './userToken';
import { mountStream, type StreamHandle } from './stream';
import { Greeter, type WelcomeContent } from './welcome';

/** How the bot appears in Web Chat conversations (the name is an identifier; the page shows its own). */
export const LOCAL_BOT_ID = 'pseb-assist';
export const BOT_NAME = 'PSEB Assist';

/** The requests that create a token or a conversation for whoever asks: limited per client address. */
const startRoutes = [
  { method: 'POST', path: WEBCHAT_TOKEN_PATH },
  { method: 'POST', path: `${DIRECTLINE_PREFIX}/tokens/generate` },
  { method: 'POST', path: `${DIRECTLINE_PREFIX}/conversations` },
];

export interface DirectLineDeps {
  config: Config;
  db: Database;
  adapter: PsebAdapter;
  logger: Logger;
  logic: (context: TurnContext) => Promise<void>;
  /** What the bot greets a new conversation with; shown before anything is stored (bot/directline/welcome.ts). */
  welcome: WelcomeContent;
}

/** Whether the built-in Direct Line is served with this configuration. */
export function directLineEnabled(config: Pick<Config, 'localMode' | 'WEBCHAT_LOCAL'>): boolean {
  return config.localMode || config.WEBCHAT_LOCAL;
}

/** Mounts the Direct Line endpoint, its streams and its connector, if enabled; the handle closes the streams. */
export function mountDirectLine(server: Server, deps: DirectLineDeps): StreamHandle | undefined {
  if (!directLineEnabled(deps.config)) return undefined;
  const { config, logger } = deps;
  // Read (or generate) the secret on first use, so apps that never serve Web Chat never touch DATA_DIR.
  let keys: DirectLineKeys | undefined;
  const getKeys = (): DirectLineKeys =>
    (keys ??= deriveKeys(
      loadSecret({ configured: config.DIRECTLINE_SECRET, dataDir: config.DATA_DIR, warn: (message) => logger.warn(message) }),
    ));
  const store = new DirectLineStore(deps.db.prisma, deps.db.notifications);
  const deliver = createDelivery({ adapter: deps.adapter, botAppId: config.MicrosoftAppId, logic: deps.logic, publish: publishTo(store) });
  mountConnector(server, { store, keys: getKeys, logger });
  limitPerAddress(server, startRoutes, config.DIRECTLINE_STARTS_PER_MINUTE);
  const bot = { id: config.MicrosoftAppId ?? LOCAL_BOT_ID, name: BOT_NAME };
  const greeter = new Greeter(deps.welcome, bot);
  mountDirectLineRoutes(server, {
    store,
    users: new WebchatUsers(deps.db.prisma),
    keys: getKeys,
    deliver,
    greeter,
    logger,
    bot,
  });
  return mountStream(server.server, { store, greeter, keys: getKeys, logger });
}

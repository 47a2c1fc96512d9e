/** Entry point: reads the configuration, builds the app and listens. Nothing else. */
import { loadConfig, ConfigError } from './config';
import { createApp } from './server';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp({ config });
  app.server.listen(config.PORT, config.listenHost, () => {
    app.logger.info({ port: config.PORT, host: config.listenHost ?? '(all interfaces)', database: app.db.target.kind, localMode: config.localMode }, 'PSEB Assist listening');
  });
  const stop = async (signal: string) => {
    app.logger.info({ signal }, 'shutting down');
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error('PSEB Assist failed to start:', err);
  process.exit(1);
});

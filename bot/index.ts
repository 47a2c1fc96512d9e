/** Entry point: reads the configuration, builds the app, listens, and shuts down gracefully on SIGTERM/SIGINT. */
import type { AddressInfo } from 'node:net';
import { loadConfig, ConfigError } from './config';
import { createApp } from './server';
import { onTerminationSignals } from './ops/shutdown';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp({ config });
  app.server.listen(config.PORT, config.listenHost, () => {
    const { port } = app.server.address() as AddressInfo;
    app.logger.info(
      { port, host: config.listenHost ?? '(all interfaces)', database: app.db.target.kind, localMode: config.localMode },
      'PSEB Assist listening',
    );
  });
  onTerminationSignals(
    async () => {
      const drained = await app.shutdown(config.SHUTDOWN_TIMEOUT_MS);
      app.logger.info({ drained }, 'stopped');
    },
    app.logger,
    config.SHUTDOWN_TIMEOUT_MS + 5_000,
  );
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error('PSEB Assist failed to start:', err);
  process.exit(1);
});

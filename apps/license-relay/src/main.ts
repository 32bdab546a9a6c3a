import { loadRelayConfig } from './app/relay-config';
import { startRelayApp } from './app/start-relay-app';

async function main(): Promise<void> {
  const config = loadRelayConfig();
  const { app, url, logger } = await startRelayApp(config);
  // Whatever LOG_LEVEL says: supervisors and specs wait for this line (`status at <url>/relay/status`).
  logger
    .child({}, { level: 'info' })
    .info(
      `License relay: ${config.EVENT_STORE} store → Kafka ${config.KAFKA_BROKERS.join(',')}; status at ${url}/relay/status`,
    );
  // Our own handler rather than Nest's shutdown hooks, which re-raise the signal: a clean stop (last batch
  // published and checkpointed, files closed) exits 0, so a supervisor can tell it from a crash.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      app.close().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error(
            { err: error },
            `License relay did not stop cleanly: ${error instanceof Error ? error.message : String(error)}`,
          );
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

import { loadGateConfig } from './http/config';
import { startGateApp } from './http/create-app';

async function main(): Promise<void> {
  const config = loadGateConfig();
  const { url, logger } = await startGateApp(config);
  // Whatever LOG_LEVEL says: supervisors and scripts wait for this line.
  logger
    .child({}, { level: 'info' })
    .info(`Customs gate listening on ${url} (Kafka ${config.KAFKA_BROKERS.join(',')})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

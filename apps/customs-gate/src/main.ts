import { loadGateConfig } from './http/config';
import { startGateApp } from './http/create-app';

async function main(): Promise<void> {
  const config = loadGateConfig();
  const { url } = await startGateApp(config);
  console.log(`Customs gate listening on ${url} (Kafka ${config.KAFKA_BROKERS.join(',')})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

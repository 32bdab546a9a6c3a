import { loadRelayConfig } from './app/relay-config';
import { startRelayApp } from './app/start-relay-app';

async function main(): Promise<void> {
  const config = loadRelayConfig();
  const { url } = await startRelayApp(config);
  console.log(`License relay: ${config.EVENT_STORE} store → Kafka ${config.KAFKA_BROKERS.join(',')}; status at ${url}/relay/status`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

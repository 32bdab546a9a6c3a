#!/usr/bin/env node
// A real Apache Kafka broker (single-node KRaft, loopback only) for tests and
// local use. As a library:
//   import { startKafkaBroker, stopKafkaBroker, kafkaBrokerStatus } from './infra/kafka/kafka.mjs';
// As a CLI:
//   node infra/kafka/kafka.mjs start|stop|status [--port 9092] [--data-dir DIR]
import { fileURLToPath } from 'node:url';

export { defaultDataDir, kafkaBrokerStatus, startKafkaBroker, stopKafkaBroker } from './broker.mjs';
export { ensureKafkaJars, kafkaVersion } from './fetch-kafka.mjs';

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { runCli } = await import('./kafka-cli.mjs');
  process.exitCode = await runCli(process.argv.slice(2));
}

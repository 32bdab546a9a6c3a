import { type AppLogger, kafkaLogCreator, kafkaLogLevelFor } from '@licensing/platform';
import { Kafka, logLevel as KafkaLogLevel } from 'kafkajs';

/** Parses `KAFKA_BROKERS`: a comma-separated `host:port` list. */
export function parseBrokerList(value: string): string[] {
  const brokers = value
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker !== '');
  const bad = brokers.filter((broker) => !/^[^\s:]+:\d{1,5}$/.test(broker));
  if (brokers.length === 0 || bad.length > 0) {
    throw new Error(`KAFKA_BROKERS must be a comma-separated list of host:port, got "${value}"`);
  }
  return brokers;
}

/**
 * A kafkajs client for the relay. kafkajs logs connection trouble itself;
 * the relay reports the failures that matter, so only errors get through by
 * default (all of kafkajs' info with the app at debug). Given the app's
 * logger, kafkajs writes through it (JSON lines like the rest) instead of in
 * its own format. Retries are short: the relay has its own backoff and resubscribes.
 */
export function kafkaFromBrokers(
  brokers: readonly string[],
  clientId = 'license-relay',
  logLevel: KafkaLogLevel = KafkaLogLevel.ERROR,
  logger?: AppLogger,
): Kafka {
  return new Kafka({
    clientId,
    brokers: [...brokers],
    retry: { initialRetryTime: 300, retries: 5 },
    ...(logger === undefined
      ? { logLevel }
      : { logLevel: kafkaLogLevelFor(logger, logLevel), logCreator: kafkaLogCreator(logger) }),
  });
}

import type { logCreator, logLevel as KafkaLogLevel } from 'kafkajs';
import type { AppLogger } from './create-logger';

// kafkajs' levels (its `logLevel` enum), as numbers: only its types are
// imported, so a process without Kafka never loads kafkajs through here.
const KAFKA_INFO = 4 as KafkaLogLevel;
const PINO_LEVEL_OF: Readonly<Record<number, 'error' | 'warn' | 'info' | 'debug'>> = {
  1: 'error',
  2: 'warn',
  4: 'info',
  5: 'debug',
};

/**
 * kafkajs' log lines through the app's logger instead of its own format:
 * the message as `msg`, its namespace (`Connection`, `Consumer`, …) and
 * extra fields (broker, group, error) as fields, under `component: kafkajs`.
 */
export function kafkaLogCreator(logger: AppLogger): logCreator {
  const kafkaLogger = logger.child({ component: 'kafkajs' });
  return () =>
    ({ namespace, level, log }) => {
      const { message, timestamp: _timestamp, logger: _logger, ...fields } = log;
      kafkaLogger[PINO_LEVEL_OF[level] ?? 'info']({ namespace, ...fields }, message);
    };
}

/**
 * The level kafkajs itself filters at, from the app's: kafkajs is chatty at
 * info (every group join and rebalance), so a client asks for `quietest`
 * unless the app logs at debug.
 */
export function kafkaLogLevelFor(logger: AppLogger, quietest: KafkaLogLevel): KafkaLogLevel {
  return logger.isLevelEnabled('debug') ? KAFKA_INFO : quietest;
}

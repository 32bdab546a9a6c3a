import { createLogger } from '@licensing/platform';
import { logLevel } from 'kafkajs';
import { kafkaFromBrokers } from './kafka-from-brokers';

function captured(level: 'log' | 'debug') {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    app: 'license-relay',
    LOG_LEVEL: level,
    destination: { write: (text: string) => void lines.push(JSON.parse(text) as Record<string, unknown>) },
  });
  return { lines, logger };
}

describe('kafkaFromBrokers with the app logger', () => {
  it("sends kafkajs' lines through the app's logger, at kafkajs' error level by default", () => {
    const { lines, logger } = captured('log');
    const kafka = kafkaFromBrokers(['kafka-1:9092'], 'spec', logLevel.ERROR, logger);
    kafka.logger().error('Connection error: connect ECONNREFUSED', { broker: 'kafka-1:9092' });
    kafka.logger().info('Starting');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 50,
        app: 'license-relay',
        component: 'kafkajs',
        broker: 'kafka-1:9092',
        msg: 'Connection error: connect ECONNREFUSED',
      }),
    ]);
  });

  it("lets kafkajs' info lines through when the app logs at debug", () => {
    const { lines, logger } = captured('debug');
    kafkaFromBrokers(['kafka-1:9092'], 'spec', logLevel.ERROR, logger).logger().info('Starting');
    expect(lines).toEqual([expect.objectContaining({ level: 30, component: 'kafkajs', msg: 'Starting' })]);
  });
});

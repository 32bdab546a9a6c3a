// What a single-node KRaft broker is started with: its server.properties, its
// log4j configuration and a cluster id. Loopback only; replication factors of
// 1 because there is one node (Kafka's defaults of 3 would leave the group
// and transaction topics uncreatable).
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A Kafka cluster id: 16 random bytes, URL-safe base64 without padding, as `kafka-storage random-uuid` makes. */
export function randomClusterId() {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    // Kafka's own generator refuses ids starting with '-' (they read as CLI flags).
    if (!id.startsWith('-')) return id;
  }
}

/** Asks the OS for a free loopback port. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Resolves when `port` can be bound on 127.0.0.1, rejects with a clear message when it cannot. */
export function assertPortFree(port) {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (error) =>
      reject(
        new Error(
          `Port ${port} on 127.0.0.1 is already in use (${error.code}), so the Kafka broker cannot listen there. ` +
            'Stop whatever uses it (`node infra/kafka/kafka.mjs status`), or pass another --port (0 picks a free one).',
        ),
      ),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

export function serverProperties({ port, controllerPort, logDirs }) {
  const settings = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.voters': `1@127.0.0.1:${controllerPort}`,
    listeners: `PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${port}`,
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'log.dirs': logDirs,
    'num.partitions': 1,
    'default.replication.factor': 1,
    'offsets.topic.replication.factor': 1,
    // Fewer internal partitions than the default 50 keep the first consumer
    // group join (which creates __consumer_offsets) fast on a small machine.
    'offsets.topic.num.partitions': 5,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'transaction.state.log.num.partitions': 5,
    'min.insync.replicas': 1,
    'group.initial.rebalance.delay.ms': 0,
    // Our code creates its topics explicitly, with their partitions and policies.
    'auto.create.topics.enable': false,
    'delete.topic.enable': true,
  };
  return (
    '# Written by infra/kafka/kafka.mjs on each start; edits are overwritten.\n' +
    Object.entries(settings)
      .map(([key, value]) => `${key}=${value}`)
      .join('\n') +
    '\n'
  );
}

export function log4jProperties({ logFile }) {
  return [
    'log4j.rootLogger=INFO, file',
    'log4j.appender.file=org.apache.log4j.RollingFileAppender',
    `log4j.appender.file.File=${logFile}`,
    'log4j.appender.file.MaxFileSize=20MB',
    'log4j.appender.file.MaxBackupIndex=2',
    'log4j.appender.file.layout=org.apache.log4j.PatternLayout',
    'log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n',
    // The request logger and the per-partition state changes are noisy at INFO.
    'log4j.logger.kafka.request.logger=WARN',
    'log4j.logger.state.change.logger=WARN',
    '',
  ].join('\n');
}

/** The files a broker keeps in its data directory. */
export function brokerPaths(dataDir) {
  return {
    dataDir,
    logDirs: join(dataDir, 'logs'),
    serverProperties: join(dataDir, 'server.properties'),
    log4jProperties: join(dataDir, 'log4j.properties'),
    logFile: join(dataDir, 'server.log'),
    stdoutFile: join(dataDir, 'broker.out'),
    pidFile: join(dataDir, 'broker.pid'),
    stateFile: join(dataDir, 'broker.json'),
  };
}

export function jvmArgs({ libsDir, paths, heap = '512m' }) {
  return [
    `-Xmx${heap}`,
    '-Xms64m',
    // A test broker favours a quick start and a small footprint over throughput.
    '-XX:+UseSerialGC',
    '-XX:TieredStopAtLevel=1',
    '-Djava.awt.headless=true',
    `-Dlog4j.configuration=file:${paths.log4jProperties}`,
    `-Dkafka.logs.dir=${paths.dataDir}`,
    '-cp',
    `${libsDir}/*`,
  ];
}

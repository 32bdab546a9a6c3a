// The commands of `node infra/kafka/kafka.mjs`. Exit codes: 0 done / running,
// 1 failed / not running, 2 bad usage.
import { parseArgs } from 'node:util';
import { defaultDataDir, kafkaBrokerStatus, startKafkaBroker, stopKafkaBroker, watchBroker } from './broker.mjs';

const usage = `Usage: node infra/kafka/kafka.mjs <command> [options]

Commands:
  start    fetch the jars if needed (first run), start a single-node KRaft broker on
           127.0.0.1 and wait until it answers
  stop     stop the broker kept in the data directory (SIGTERM, then SIGKILL after 20 s)
  status   tell whether that broker runs and answers

Options:
  --port N            broker port for start (default 9092; 0 picks a free port)
  --data-dir DIR      where the broker keeps its data, logs and pid file
                      (default ${defaultDataDir})
  --fresh             start: wipe the topics and offsets kept from earlier runs
  --heap SIZE         start: JVM max heap (default 512m)
  --timeout SECONDS   start: how long to wait for the broker (default 90)
  --stop-with-pid PID start: stop the broker when process PID exits
  --json              print the broker's details as one JSON line
`;

const options = {
  port: { type: 'string', default: '9092' },
  'data-dir': { type: 'string', default: defaultDataDir },
  fresh: { type: 'boolean', default: false },
  heap: { type: 'string', default: '512m' },
  timeout: { type: 'string', default: '90' },
  'stop-with-pid': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
  // internal: the watchdog started by --stop-with-pid
  owner: { type: 'string' },
  'remove-data-dir': { type: 'boolean', default: false },
};

function integer(name, text) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new UsageError(`--${name} must be a whole number, got "${text}".`);
  return value;
}

class UsageError extends Error {}

export async function runCli(argv) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true });
  } catch (error) {
    console.error(`${error.message}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (values.help || !command) {
    console.log(usage);
    return values.help ? 0 : 2;
  }
  const dataDir = values['data-dir'];
  try {
    switch (command) {
      case 'start': {
        const port = integer('port', values.port);
        if (port > 65535) throw new UsageError(`--port must be at most 65535, got ${port}.`);
        const owner =
          values['stop-with-pid'] === undefined ? undefined : integer('stop-with-pid', values['stop-with-pid']);
        const broker = await startKafkaBroker({
          port,
          dataDir,
          fresh: values.fresh,
          heap: values.heap,
          timeoutMs: integer('timeout', values.timeout) * 1000,
          stopWhenProcessExits: owner,
        });
        const { stop: _stop, ...details } = broker;
        if (values.json) console.log(JSON.stringify(details));
        else {
          console.log(
            `Kafka ${broker.version} broker ready on ${broker.bootstrap} (pid ${broker.pid}, started in ${(broker.startedInMs / 1000).toFixed(1)} s)\n` +
              `  data and server.log: ${broker.dataDir}\n` +
              `  use it: KAFKA_BROKERS=${broker.bootstrap}\n` +
              `  stop it: node infra/kafka/kafka.mjs stop${dataDir === defaultDataDir ? '' : ` --data-dir ${dataDir}`}`,
          );
        }
        return 0;
      }
      case 'stop': {
        const { outcome, pid } = await stopKafkaBroker({ dataDir });
        if (values.json) console.log(JSON.stringify({ outcome, pid }));
        else if (outcome === 'not-running') console.log(`No Kafka broker runs from ${dataDir}.`);
        else
          console.log(
            `Kafka broker (pid ${pid}) ${outcome === 'killed' ? 'killed after the grace period' : 'stopped'}.`,
          );
        return 0;
      }
      case 'status': {
        const status = await kafkaBrokerStatus({ dataDir });
        if (values.json) console.log(JSON.stringify(status));
        else if (!status.running) console.log(`No Kafka broker runs from ${dataDir}.`);
        else {
          console.log(
            `Kafka ${status.version} broker runs on ${status.bootstrap} (pid ${status.pid}, since ${status.startedAt})` +
              (status.answers ? '' : ' but does not answer requests right now'),
          );
        }
        return status.running ? 0 : 1;
      }
      case 'watch': {
        if (values.owner === undefined) throw new UsageError('watch needs --owner PID.');
        await watchBroker({ owner: integer('owner', values.owner), dataDir, removeDataDir: values['remove-data-dir'] });
        return 0;
      }
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${usage}`);
      return 2;
    }
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
}

// Starts, stops and inspects a real Apache Kafka broker (single-node KRaft,
// loopback only) run from the jars fetch-kafka.mjs caches. Public through
// kafka.mjs, which is also the CLI.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import kafkajs from 'kafkajs';
import {
  assertPortFree,
  brokerPaths,
  freePort,
  jvmArgs,
  log4jProperties,
  randomClusterId,
  serverProperties,
} from './broker-config.mjs';
import { isAlive, isOurBroker, tailOf, terminate } from './broker-process.mjs';
import { cacheDir, ensureKafkaJars } from './fetch-kafka.mjs';

const { Kafka, logLevel } = kafkajs;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Where the CLI keeps its broker's data when no --data-dir is given. */
export const defaultDataDir = join(cacheDir, 'kafka-data');

function readState(paths) {
  if (!existsSync(paths.stateFile)) return undefined;
  try {
    return JSON.parse(readFileSync(paths.stateFile, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Answers whether the broker kept in `dataDir` runs, and where. */
export async function kafkaBrokerStatus({ dataDir = defaultDataDir } = {}) {
  const paths = brokerPaths(dataDir);
  const state = readState(paths);
  if (!state || !isOurBroker(state.pid, paths.serverProperties)) return { running: false, dataDir };
  const answers = await describeCluster(state.bootstrap, 3_000).then(
    () => true,
    () => false,
  );
  return { running: true, answers, ...state };
}

async function describeCluster(bootstrap, timeoutMs) {
  const kafka = new Kafka({
    clientId: 'kafka-broker-readiness',
    brokers: [bootstrap],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    requestTimeout: Math.max(timeoutMs, 1_000),
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    if (cluster.brokers.length === 0) throw new Error('no broker registered yet');
    return cluster;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

function formatStorage({ java, libsDir, paths, clusterId }) {
  const result = spawnSync(
    java,
    [
      ...jvmArgs({ libsDir, paths, heap: '256m' }),
      'kafka.tools.StorageTool',
      'format',
      '-t',
      clusterId,
      '-c',
      paths.serverProperties,
    ],
    { encoding: 'utf8' },
  );
  if (result.error) {
    throw new Error(
      `Java could not be run (${result.error.message}). The Kafka broker needs Java 17+ on PATH or JAVA_HOME set.`,
    );
  }
  if (result.status !== 0) {
    throw new Error(
      `Formatting the KRaft storage in ${paths.logDirs} failed (exit ${result.status}):\n` +
        `${result.stdout ?? ''}${result.stderr ?? ''}${result.error?.message ?? ''}`,
    );
  }
}

/**
 * Starts a broker and resolves once it answers a kafkajs describeCluster.
 * - port: 0 picks a free one.
 * - dataDir: kept (and reused if already formatted) when given; otherwise a
 *   temporary folder that stop() removes (removeDataDirOnStop).
 * - stopWhenProcessExits: a pid; a small watchdog stops the broker when that
 *   process dies, even by SIGKILL, so no broker outlives its test run.
 */
export async function startKafkaBroker({
  port = 0,
  dataDir,
  fresh = false,
  heap = '512m',
  timeoutMs = 90_000,
  removeDataDirOnStop = !dataDir,
  stopWhenProcessExits,
  java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java',
  log = (line) => console.error(line),
} = {}) {
  const started = Date.now();
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'kafka-broker-'));
  const paths = brokerPaths(dir);
  const previous = readState(paths);
  if (previous && isOurBroker(previous.pid, paths.serverProperties)) {
    throw new Error(
      `A Kafka broker already runs from ${dir} (pid ${previous.pid}, ${previous.bootstrap}). ` +
        'Use it, stop it with `node infra/kafka/kafka.mjs stop`, or give another --data-dir.',
    );
  }
  const { version, libsDir, downloaded } = ensureKafkaJars({ log });
  const fetchedInMs = Date.now() - started;

  const brokerPort = port === 0 ? await freePort() : port;
  await assertPortFree(brokerPort);
  let controllerPort = await freePort();
  while (controllerPort === brokerPort) controllerPort = await freePort();

  if (fresh) rmSync(paths.logDirs, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  rmSync(paths.stateFile, { force: true });
  rmSync(paths.pidFile, { force: true });
  writeFileSync(paths.serverProperties, serverProperties({ port: brokerPort, controllerPort, logDirs: paths.logDirs }));
  writeFileSync(paths.log4jProperties, log4jProperties({ logFile: paths.logFile }));
  if (!existsSync(join(paths.logDirs, 'meta.properties'))) {
    formatStorage({ java, libsDir, paths, clusterId: randomClusterId() });
  }

  const out = openSync(paths.stdoutFile, 'a');
  const child = spawn(java, [...jvmArgs({ libsDir, paths, heap }), 'kafka.Kafka', paths.serverProperties], {
    cwd: dir,
    detached: true, // its own process group: a Ctrl-C meant for the test run does not kill it mid-test
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  let exited;
  child.once('exit', (code, signal) => (exited = { code, signal }));
  child.once('error', (error) => (exited = { error }));
  child.unref();

  // The pid file is written at once, so a stop during start-up (Ctrl-C in
  // the test run) finds the process too.
  const bootstrap = `127.0.0.1:${brokerPort}`;
  const pid = child.pid;
  const state = {
    pid,
    bootstrap,
    port: brokerPort,
    controllerPort,
    version,
    dataDir: dir,
    logFile: paths.logFile,
    startedAt: new Date().toISOString(),
  };
  if (pid !== undefined) {
    writeFileSync(paths.pidFile, `${pid}\n`);
    writeFileSync(paths.stateFile, `${JSON.stringify(state, null, 2)}\n`);
  }
  const failure = (why) =>
    new Error(`Kafka ${version} broker on ${bootstrap} ${why}\n${tailOf([paths.stdoutFile, paths.logFile])}`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) {
      await stopKafkaBroker({ dataDir: dir }).catch(() => undefined); // clears the pid file
      throw failure(
        exited.error
          ? `could not be started: ${exited.error.message} (is Java 17+ installed and on PATH, or JAVA_HOME set?)`
          : `exited during start-up (code ${exited.code}, signal ${exited.signal}).`,
      );
    }
    if (Date.now() > deadline) {
      const error = failure(`did not answer within ${Math.round(timeoutMs / 1000)} s.`);
      await stopKafkaBroker({ dataDir: dir, graceMs: 5_000 }).catch(() => undefined);
      throw error;
    }
    try {
      await describeCluster(bootstrap, 2_000);
      break;
    } catch {
      await sleep(250);
    }
  }

  if (stopWhenProcessExits)
    startWatchdog({ owner: stopWhenProcessExits, dataDir: dir, removeDataDir: removeDataDirOnStop });

  return {
    ...state,
    downloaded,
    fetchedInMs,
    startedInMs: Date.now() - started,
    stop: () => stopKafkaBroker({ dataDir: dir, removeDataDir: removeDataDirOnStop }).then(() => undefined),
  };
}

/**
 * Stops the broker kept in `dataDir` (SIGTERM, then SIGKILL after `graceMs`)
 * and resolves once its process is gone. Safe to call when none runs.
 */
export async function stopKafkaBroker({ dataDir = defaultDataDir, removeDataDir = false, graceMs = 20_000 } = {}) {
  const paths = brokerPaths(dataDir);
  const state = readState(paths);
  let outcome = 'not-running';
  if (state && isOurBroker(state.pid, paths.serverProperties)) outcome = await terminate(state.pid, { graceMs });
  rmSync(paths.pidFile, { force: true });
  rmSync(paths.stateFile, { force: true });
  if (removeDataDir) rmSync(dataDir, { recursive: true, force: true });
  return { outcome, pid: state?.pid };
}

function startWatchdog({ owner, dataDir, removeDataDir }) {
  const args = [
    fileURLToPath(new URL('./kafka.mjs', import.meta.url)),
    'watch',
    '--owner',
    String(owner),
    '--data-dir',
    dataDir,
  ];
  if (removeDataDir) args.push('--remove-data-dir');
  spawn(process.execPath, args, { detached: true, stdio: 'ignore' }).unref();
}

/** The watchdog's loop (the CLI's internal `watch` command). */
export async function watchBroker({ owner, dataDir, removeDataDir }) {
  const paths = brokerPaths(dataDir);
  for (;;) {
    const state = readState(paths);
    if (!state || !isAlive(state.pid)) return;
    if (!isAlive(owner)) {
      await stopKafkaBroker({ dataDir, removeDataDir });
      return;
    }
    await sleep(1_000);
  }
}

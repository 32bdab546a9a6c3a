#!/usr/bin/env node
// The project's test command: format check (Prettier), lint (ESLint with
// type information and the Nx module boundaries), strict type check of every
// project, then each project's Jest suite through Nx (the system tests build
// the apps first), then one summary from Jest's JSON reports. Every check
// runs even when an earlier one failed, so one run shows everything wrong.
// The integration suites get a real Kafka broker through KAFKA_BROKERS: the
// one named there already, or one started here (infra/kafka) while the type
// check runs and always stopped at the end, also on failure or Ctrl-C.
// Exits non-zero when anything failed or when no test ran at all.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startKafkaBroker, stopKafkaBroker } from '../kafka/kafka.mjs';
import { readResults, resultsDir, summaryLine, total } from './jest-results.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', FORCE_COLOR: process.env.CI ? '0' : '1' };

const LINT_HEAP = { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=8192`.trim() };

let running; // the Nx child in progress, to pass a signal on to
let brokerDataDir; // set while a broker started here may run
let interrupted = false; // after a signal nothing new starts; the handler exits

function nx(args) {
  return run('nx', [...args, '--outputStyle=stream']);
}

function run(bin, args, stdout = 'inherit', extraEnv = {}) {
  if (interrupted) return Promise.resolve(1);
  return new Promise((resolve) => {
    const child = spawn('npx', [bin, ...args], {
      cwd: root,
      env: { ...env, ...extraEnv },
      stdio: ['inherit', stdout, 'inherit'],
    });
    running = child;
    child.once('error', () => resolve(1));
    child.once('exit', (code) => {
      running = undefined;
      resolve(code ?? 1);
    });
  });
}

async function stopBroker() {
  if (!brokerDataDir) return;
  const dataDir = brokerDataDir;
  brokerDataDir = undefined;
  try {
    await stopKafkaBroker({ dataDir, removeDataDir: true });
  } catch (error) {
    console.error(`Stopping the test Kafka broker failed: ${error.message}`);
  }
}

const signalExitCodes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
for (const [signal, exitCode] of Object.entries(signalExitCodes)) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`\n${signal}: stopping the test run${brokerDataDir ? ' and its Kafka broker' : ''}.`);
    running?.kill(signal);
    stopBroker().finally(() => process.exit(exitCode));
  });
}

/** Resolves to the KAFKA_BROKERS value for the suites and the line that tells it. */
async function kafkaForTests() {
  if (process.env.KAFKA_BROKERS) {
    return {
      brokers: process.env.KAFKA_BROKERS,
      line: `Kafka: tests use KAFKA_BROKERS=${process.env.KAFKA_BROKERS} from the environment.`,
    };
  }
  brokerDataDir = mkdtempSync(join(tmpdir(), 'kafka-test-broker-'));
  const broker = await startKafkaBroker({
    port: 0,
    dataDir: brokerDataDir,
    removeDataDirOnStop: true,
    // if this process dies without cleaning up (SIGKILL), a watchdog stops the broker
    stopWhenProcessExits: process.pid,
  });
  const download = broker.downloaded ? `, of which ${(broker.fetchedInMs / 1000).toFixed(1)} s fetching the jars` : '';
  return {
    brokers: broker.bootstrap,
    line: `Kafka: tests use a Kafka ${broker.version} broker on ${broker.bootstrap} (pid ${broker.pid}), started in ${(broker.startedInMs / 1000).toFixed(1)} s${download}.`,
  };
}

async function main() {
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });

  // The broker's JVM starts while the type check runs; a failed start is
  // reported once the type check is done.
  const kafka = kafkaForTests().then(
    (value) => ({ ok: true, ...value }),
    (error) => ({ ok: false, error }),
  );
  // Schemathesis (PyPI, own venv) for the API fuzz suite installs meanwhile
  // too; the suite itself would install it, this only takes it off its clock.
  const fuzzTools = new Promise((resolve) => {
    const child = spawn(process.execPath, ['infra/schemathesis/ensure-schemathesis.mjs'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.once('error', () => resolve(1));
    child.once('exit', (code) => resolve(code ?? 1));
  });
  // promtool (Debian's prometheus package) for the metrics suite and
  // chromium for the console's browser suites, installed meanwhile too when
  // missing, in one apt-get run (two would race for dpkg's lock).
  const debianTools = new Promise((resolve) => {
    const child = spawn(process.execPath, ['infra/scripts/ensure-debian-tools.mjs'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.once('error', () => resolve(1));
    child.once('exit', (code) => resolve(code ?? 1));
  });
  const checks = {};
  let testStatus;
  try {
    console.log('Format check (prettier --check .)');
    checks.format = await run('prettier', ['--check', '--log-level', 'warn', '.']);
    // The module-boundaries rule reads Nx's cached project graph and is
    // silently skipped without one (a fresh clone): compute it first.
    checks.lint = await run('nx', ['show', 'projects'], 'ignore');
    console.log('Lint (eslint .)');
    // Type-aware lint holds a TypeScript program per project (the console's browser one too): more than Node's default heap.
    if (checks.lint === 0) checks.lint = await run('eslint', ['--max-warnings', '0', '.'], 'inherit', LINT_HEAP);
    checks['type check'] = await nx(['run-many', '-t', 'typecheck']);
    const broker = await kafka;
    if (!broker.ok) {
      console.error(`Kafka: the test broker could not be started, so no test ran.\n${broker.error.message}`);
      console.error('Fix the cause above, or point the suites at a running cluster with KAFKA_BROKERS=host:port.');
      return 1;
    }
    console.log(broker.line);
    if ((await fuzzTools) !== 0) console.error('Schemathesis could not be installed; the API fuzz suite will say why.');
    if ((await debianTools) !== 0)
      console.error(
        'promtool or chromium could not be installed; the metrics or browser suites will fail (see above).',
      );
    env.KAFKA_BROKERS = broker.brokers;
    testStatus = await nx(['run-many', '-t', 'test', ...process.argv.slice(2)]);
  } finally {
    if (!interrupted) await stopBroker();
  }
  if (interrupted) return 1;

  const results = readResults();
  console.log('\nTest results by project:');
  for (const r of results) console.log(`  ${r.project.padEnd(24)} ${summaryLine(r)}`);
  const sum = total(results);
  console.log(`Total: ${summaryLine(sum)}`);

  const failedChecks = Object.entries(checks)
    .filter(([, status]) => status !== 0)
    .map(([name]) => name);
  for (const name of failedChecks) console.error(`${name[0].toUpperCase()}${name.slice(1)} failed (see above).`);
  if (failedChecks.includes('format')) console.error('Run `npm run format` to format every file.');
  if (sum.passed + sum.failed === 0) console.error('No test ran.');
  const ok = failedChecks.length === 0 && testStatus === 0 && sum.failed === 0 && sum.passed > 0;
  return ok ? 0 : 1;
}

main().then(
  (code) => {
    if (!interrupted) process.exit(code);
  },
  async (error) => {
    console.error(error);
    if (interrupted) return;
    await stopBroker();
    process.exit(1);
  },
);

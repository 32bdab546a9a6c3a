// Process helpers for the broker: is it alive, is that pid really our broker
// (pid files outlive processes and pids get reused), stop it, and read the
// end of its logs for error messages.
import { existsSync, readFileSync } from 'node:fs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** True while `pid` runs; a zombie (exited, not yet reaped) counts as gone. */
export function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return error.code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (macOS): kill(0) is all we can know
  }
}

/**
 * True when `pid` is the Kafka broker started with `serverProperties`. Where
 * /proc is missing the pid file is trusted.
 */
export function isOurBroker(pid, serverProperties) {
  if (!isAlive(pid)) return false;
  const cmdlinePath = `/proc/${pid}/cmdline`;
  if (!existsSync('/proc/self/cmdline')) return true;
  try {
    const args = readFileSync(cmdlinePath, 'utf8').split('\0');
    return args.includes('kafka.Kafka') && args.includes(serverProperties);
  } catch {
    return false;
  }
}

async function waitForExit(pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

/**
 * SIGTERM (Kafka shuts down cleanly: flushes logs, closes the controller),
 * then SIGKILL if it has not exited after `graceMs`. Resolves once the
 * process is gone.
 */
export async function terminate(pid, { graceMs = 20_000 } = {}) {
  if (!isAlive(pid)) return 'not-running';
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return 'not-running';
  }
  if (await waitForExit(pid, graceMs)) return 'stopped';
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return 'stopped';
  }
  if (await waitForExit(pid, 5_000)) return 'killed';
  throw new Error(`Kafka broker (pid ${pid}) did not exit even after SIGKILL.`);
}

/** The last `lines` lines of each existing file, labelled, for error messages. */
export function tailOf(files, lines = 30) {
  return files
    .filter((file) => existsSync(file))
    .map((file) => {
      const text = readFileSync(file, 'utf8').trimEnd();
      const tail = text ? text.split('\n').slice(-lines).join('\n') : '(empty)';
      return `--- last lines of ${file} ---\n${tail}`;
    })
    .join('\n');
}

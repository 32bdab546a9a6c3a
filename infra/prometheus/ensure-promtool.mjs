#!/usr/bin/env node
// promtool (Debian's `prometheus` package) for the metrics suite, which runs
// `promtool check metrics` on a real scrape. Finds it on PATH; when missing
// and running as root on Debian/Ubuntu, installs the package (apt-get update
// once, then apt-get install -y prometheus, non-interactive). Otherwise says
// how to install it. Prints promtool's path.
//   node infra/prometheus/ensure-promtool.mjs
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HOW_TO =
  'Install promtool: `apt-get install prometheus` (Debian/Ubuntu, as root), or put the promtool binary of a Prometheus release on PATH.';

/** promtool's path on PATH, or null. */
export function findPromtool() {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, 'promtool');
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

function aptGet(args) {
  console.error(`[promtool] apt-get ${args.join(' ')}`);
  const result = spawnSync('apt-get', args, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) {
    throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status ?? result.signal}). ${HOW_TO}`);
  }
}

/** Finds promtool, installing Debian's `prometheus` package when it can; returns its path. */
export function ensurePromtool() {
  const found = findPromtool();
  if (found !== null) return found;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !existsSync('/usr/bin/apt-get')) {
    throw new Error(`promtool is not on PATH and cannot be installed here (needs root and apt-get). ${HOW_TO}`);
  }
  console.error('[promtool] not on PATH: installing Debian\'s "prometheus" package (it ships promtool)');
  aptGet(['update', '-qq']);
  aptGet(['install', '-y', '-qq', '--no-install-recommends', 'prometheus']);
  const installed = findPromtool();
  if (installed === null) throw new Error(`The prometheus package is installed but promtool is not on PATH. ${HOW_TO}`);
  return installed;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    console.log(ensurePromtool());
  } catch (error) {
    console.error(`[promtool] ${error.message}`);
    process.exit(1);
  }
}

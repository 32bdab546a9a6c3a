#!/usr/bin/env node
// promtool (Debian's `prometheus` package) for the metrics suite, which runs
// `promtool check metrics` on a real scrape. Finds it on PATH; when missing
// and running as root on Debian/Ubuntu, installs the package. Prints its path.
//   node infra/prometheus/ensure-promtool.mjs
import { fileURLToPath } from 'node:url';
import { ensureDebianPrograms, findOnPath } from '../scripts/debian-packages.mjs';

export const PROMTOOL = {
  program: 'promtool',
  debianPackage: 'prometheus',
  howTo:
    'Install promtool: `apt-get install prometheus` (Debian/Ubuntu, as root), or put the promtool binary of a Prometheus release on PATH.',
};

/** promtool's path on PATH, or null. */
export function findPromtool() {
  return findOnPath(PROMTOOL.program);
}

/** Finds promtool, installing Debian's `prometheus` package when it can; returns its path. */
export function ensurePromtool() {
  return ensureDebianPrograms([PROMTOOL]).promtool;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    console.log(ensurePromtool());
  } catch (error) {
    console.error(`[promtool] ${error.message}`);
    process.exit(1);
  }
}

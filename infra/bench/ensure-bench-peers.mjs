#!/usr/bin/env node
// Installs the benchmark's peers (other projects' stores measured beside
// ours, issue 15) into <repo>/.bench-peers, outside the product's
// dependencies: never in package.json or the lockfile, never in node_modules.
// Does nothing when every requested version is there already.
//
// Usage: node infra/bench/ensure-bench-peers.mjs [<pkg@version> ...]
// (no argument: every peer below). Prints the peers directory.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Emmett's SQLite store as issue 15 measured it; it drives the `sqlite3` addon, built from source here. */
export const BENCH_PEERS = ['@event-driven-io/emmett-sqlite@0.38.5', '@event-driven-io/emmett@0.38.5', 'sqlite3@5.1.7'];

const root = new URL('../..', import.meta.url).pathname;
export const peersDir = join(root, '.bench-peers');

function splitSpec(spec) {
  const at = spec.lastIndexOf('@');
  return at > 0 ? { name: spec.slice(0, at), version: spec.slice(at + 1) } : { name: spec, version: undefined };
}

function installedVersion(name) {
  const manifest = join(peersDir, 'node_modules', name, 'package.json');
  return existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : undefined;
}

export function ensureBenchPeers(specs = BENCH_PEERS) {
  const missing = specs.filter((spec) => {
    const { name, version } = splitSpec(spec);
    const found = installedVersion(name);
    return found === undefined || (version !== undefined && found !== version);
  });
  if (missing.length === 0) return peersDir;
  mkdirSync(peersDir, { recursive: true });
  const env = { ...process.env };
  // node-gyp cannot download Node's headers here; point it at the installed ones.
  if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';
  process.stderr.write(`[bench] installing benchmark peers into ${peersDir}: ${specs.join(' ')}\n`);
  // All of them in one call: --no-save would otherwise prune the ones installed before.
  const result = spawnSync(
    'npm',
    ['install', '--prefix', peersDir, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', ...specs],
    { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (result.status !== 0) throw new Error(`npm install of the benchmark peers failed (exit code ${result.status})`);
  return peersDir;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const requested = process.argv.slice(2);
  console.log(ensureBenchPeers(requested.length > 0 ? requested : BENCH_PEERS));
}

#!/usr/bin/env node
// Builds an app with Nx when its sources changed (a cache hit otherwise) and
// says nothing unless the build fails, then shows the build's output on
// stderr and exits with its code. For commands whose stdout is their
// answer, e.g. `npm run token`, whose token a shell captures with $(...).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const app = process.argv[2];
if (!app) {
  console.error('usage: build-quietly.mjs <app>');
  process.exit(2);
}
const build = spawnSync(
  process.execPath,
  [join(root, 'node_modules', '.bin', 'nx'), 'run', `${app}:build`, '--outputStyle=static'],
  { cwd: root, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } },
);
if (build.status !== 0) {
  process.stderr.write(`${build.stdout ?? ''}${build.stderr ?? ''}`);
  process.stderr.write(`Building ${app} failed (exit ${build.status ?? build.signal}).\n`);
  process.exit(build.status ?? 1);
}

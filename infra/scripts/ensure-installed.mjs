#!/usr/bin/env node
// Installs the npm packages when node_modules is missing or older than the
// lockfile, so `npm start` and `npm test` work on a fresh clone with no
// other step. Native addons (better-sqlite3) build from source here, and
// node-gyp cannot download Node's headers, so it is pointed at the
// installed ones when they exist.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const lockfile = join(root, 'package-lock.json');
const stampFile = join(root, 'node_modules', '.install-stamp');

const lockHash = existsSync(lockfile)
  ? createHash('sha256').update(readFileSync(lockfile)).digest('hex')
  : 'no-lockfile';
const installed = existsSync(stampFile) && readFileSync(stampFile, 'utf8') === lockHash;

if (!installed) {
  const env = { ...process.env };
  if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h')) {
    env.npm_config_nodedir = '/usr';
  }
  // `npm ci` is not used: the registry reachable here serves only this
  // platform's optional binaries (nx, unrs), so the lockfile cannot list the
  // others and `npm ci` rejects it as out of sync. `npm install` honours the
  // lockfile's versions and leaves it unchanged.
  const command = 'install';
  console.log(`[setup] npm ${command} (node_modules missing or older than package-lock.json)`);
  const result = spawnSync('npm', [command, '--no-audit', '--no-fund'], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error(`[setup] npm ${command} failed with exit code ${result.status}`);
    process.exit(result.status ?? 1);
  }
  writeFileSync(stampFile, lockHash);
}

#!/usr/bin/env node
// Schemathesis (PyPI) for the API fuzz suite, in its own virtualenv under
// .infra-cache/ so nothing is installed system-wide. Idempotent: an existing
// venv with the pinned version is reused. Prints the `st` executable's path.
//   node infra/schemathesis/ensure-schemathesis.mjs
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SCHEMATHESIS_VERSION = '4.32.5';
const root = fileURLToPath(new URL('../..', import.meta.url));
const venv = join(root, '.infra-cache', `schemathesis-${SCHEMATHESIS_VERSION}`);
export const schemathesisBin = join(venv, 'bin', 'st');

function run(command, args) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}); Python 3 with venv and pip is needed.`,
    );
  }
}

/** Installs Schemathesis when missing; returns the path of `st`. */
export function ensureSchemathesis() {
  if (existsSync(schemathesisBin)) return schemathesisBin;
  console.error(`[schemathesis] installing ${SCHEMATHESIS_VERSION} into ${venv}`);
  run('python3', ['-m', 'venv', venv]);
  run(join(venv, 'bin', 'pip'), [
    'install',
    '--quiet',
    '--disable-pip-version-check',
    `schemathesis==${SCHEMATHESIS_VERSION}`,
  ]);
  return schemathesisBin;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    console.log(ensureSchemathesis());
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}

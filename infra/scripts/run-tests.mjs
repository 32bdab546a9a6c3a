#!/usr/bin/env node
// The project's test command: strict type check of every project, then each
// project's Jest suite through Nx, then one summary from Jest's JSON reports.
// Exits non-zero when anything failed or when no test ran at all.
import { mkdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { readResults, resultsDir, summaryLine, total } from './jest-results.mjs';

const root = new URL('../..', import.meta.url).pathname;
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', FORCE_COLOR: process.env.CI ? '0' : '1' };

function nx(args) {
  const result = spawnSync('npx', ['nx', ...args, '--outputStyle=stream'], { cwd: root, env, stdio: 'inherit' });
  return result.status ?? 1;
}

rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const typecheckStatus = nx(['run-many', '-t', 'typecheck']);
const testStatus = nx(['run-many', '-t', 'test', ...process.argv.slice(2)]);

const results = readResults();
console.log('\nTest results by project:');
for (const r of results) console.log(`  ${r.project.padEnd(24)} ${summaryLine(r)}`);
const sum = total(results);
console.log(`Total: ${summaryLine(sum)}`);

if (typecheckStatus !== 0) console.error('Type check failed (see above).');
if (sum.passed + sum.failed === 0) console.error('No test ran.');
const ok = typecheckStatus === 0 && testStatus === 0 && sum.failed === 0 && sum.passed > 0;
process.exit(ok ? 0 : 1);

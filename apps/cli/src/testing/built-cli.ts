import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
const MAIN = join(REPO_ROOT, 'dist', 'apps', 'cli', 'apps', 'cli', 'src', 'main.js');
const SOURCES = join(REPO_ROOT, 'apps', 'cli', 'src');

function newestSource(dir: string): number {
  return Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'testing' ? 0 : newestSource(path);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? statSync(path).mtimeMs : 0;
    }),
  );
}

/**
 * The compiled CLI, as `npm run cli` runs it. The test target builds it first
 * (dependsOn); run alone, the spec builds it with the same script when it is
 * missing or older than the app's sources.
 */
export function builtCli(): string {
  if (!existsSync(MAIN) || statSync(MAIN).mtimeMs < newestSource(SOURCES)) {
    const build = spawnSync(process.execPath, ['infra/scripts/build-app.mjs', 'cli'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`building the CLI failed:\n${build.stdout}${build.stderr}`);
  }
  return MAIN;
}

export function runBuiltCli(
  main: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [main, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'], ...env },
    timeout: 30_000,
  });
}

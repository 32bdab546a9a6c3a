import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..');

/**
 * The compiled entry point of an app, as `npm start` runs it. The suite's
 * Nx target builds the apps first (dependsOn), so the processes under test
 * are the production artifacts, not TypeScript run through a loader.
 */
export function builtMain(app: 'licensing-service' | 'license-relay' | 'customs-gate'): string {
  const main = join(REPO_ROOT, 'dist', 'apps', app, 'apps', app, 'src', 'main.js');
  if (!existsSync(main)) {
    throw new Error(`${main} is missing: build it first with \`npx nx run ${app}:build\` (npm test does so).`);
  }
  return main;
}

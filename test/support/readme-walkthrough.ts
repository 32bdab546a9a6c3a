import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './built-apps';

const README = join(REPO_ROOT, 'README.md');

/** The bash blocks of the README walkthrough, in order: the first sets the variables. */
export function walkthroughBlocks(): { setup: string; steps: string[] } {
  const text = readFileSync(README, 'utf8');
  const section = /<!-- walkthrough:start -->([\s\S]*?)<!-- walkthrough:end -->/.exec(text)?.[1];
  if (!section) throw new Error('README.md has no <!-- walkthrough:start --> … <!-- walkthrough:end --> section');
  const blocks = [...section.matchAll(/```bash\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  const [setup, ...steps] = blocks;
  if (setup === undefined || !/^BASE=/m.test(setup))
    throw new Error('The walkthrough must start with a block that sets BASE');
  return { setup, steps };
}

export interface StepResult {
  command: string;
  status: number;

  body: any;
}

/**
 * Runs the setup block once, exactly as written but with BASE pointing at
 * `url`, and answers its variables as bash declarations for the steps. The
 * setup mints the actors' tokens with `npm run token` (a couple of seconds
 * each), so it runs once rather than before every step; `env` reaches it
 * (DATA_DIR: the service's, so the tokens are signed by the issuer it trusts).
 */
export function prepareSetup(setup: string, url: string, env: Record<string, string>): string {
  const names = [...setup.matchAll(/^([A-Za-z_]\w*)=/gm)].map((m) => m[1]);
  const script = ['set -euo pipefail', setup.replace(/^BASE=.*$/m, `BASE=${url}`), `declare -p ${names.join(' ')}`];
  const run = spawnSync('bash', ['-c', script.join('\n')], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.status !== 0) throw new Error(`README setup failed (exit ${run.status}):\n${setup}\n${run.stderr}`);
  return run.stdout;
}

/**
 * Runs one README block with bash, exactly as written, after the prepared
 * setup's variables. curl is wrapped only to append the HTTP status after
 * the body.
 */
export function runStep(prepared: string, step: string): StepResult {
  const script = [
    'set -euo pipefail',
    'curl() { command curl --silent --show-error --write-out "\\n%{http_code}" "$@"; }',
    prepared,
    step,
  ].join('\n');
  const run = spawnSync('bash', ['-c', script], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 30_000 });
  if (run.status !== 0) throw new Error(`README step failed (exit ${run.status}):\n${step}\n${run.stderr}`);
  const lines = run.stdout.trimEnd().split('\n');
  const status = Number(lines.pop());
  const text = lines.join('\n');
  return { command: step.trim(), status, body: text === '' ? null : parseBody(text) };
}

/** JSON, or NDJSON (a streamed answer: one object per line) as the array of its lines. */
function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as unknown);
  }
}

/** The README's auditor session (bash, after the walkthrough), between its markers. */
export function auditorSessionBlock(): string {
  const text = readFileSync(README, 'utf8');
  const section = /<!-- auditor-session:start -->([\s\S]*?)<!-- auditor-session:end -->/.exec(text)?.[1];
  const block = section && /```bash\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('README.md has no <!-- auditor-session:start --> bash block');
  return block;
}

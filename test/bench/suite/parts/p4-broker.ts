import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../support/built-apps';

const CLI = join(REPO_ROOT, 'infra', 'kafka', 'kafka.mjs');

export interface BenchBroker {
  readonly bootstrap: string;
  stop(): void;
}

/**
 * A Kafka broker of the bench's own (the project's single-node KRaft broker,
 * from the jars infra/kafka fetches), on a free loopback port, its data in
 * `dataDir`, stopped with the bench process if the bench dies first.
 */
export function startBenchBroker(dataDir: string): BenchBroker {
  const args = ['start', '--port', '0', '--data-dir', dataDir, '--stop-with-pid', String(process.pid), '--json'];
  const output = execFileSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  const started = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as { bootstrap?: string };
  if (!started.bootstrap) throw new Error(`The Kafka broker did not say where it listens: ${output}`);
  return {
    bootstrap: started.bootstrap,
    stop: () => void execFileSync(process.execPath, [CLI, 'stop', '--data-dir', dataDir], { cwd: REPO_ROOT }),
  };
}

import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ServiceClient } from '@licensing/service-testing';

const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
const MAIN = 'apps/licensing-service/src/main.ts';

/**
 * The licensing service run from its sources (ts-node, no build) in a
 * process of its own, on a data directory the spec owns: the CLI may not
 * import an app, so its specs talk to the real service over HTTP.
 */
export class ServiceFromSource {
  private child: ChildProcess | null = null;
  private output = '';

  constructor(readonly dataDir: string) {}

  /** Starts it and resolves to a client whose tokens the service trusts (its local issuer). */
  async start(): Promise<ServiceClient> {
    const { KAFKA_BROKERS: _noRelay, ...env } = process.env;
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', MAIN],
      {
        cwd: REPO_ROOT,
        env: {
          ...env,
          PORT: '0',
          DATA_DIR: this.dataDir,
          LOG_LEVEL: 'warn',
          SCHEDULER_INTERVAL_MS: '0',
          RATE_LIMIT_PER_MINUTE: '0',
          RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '0',
          CLOCK_FIXED_AT: '2026-11-23T02:00:00.000Z',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    const url = await new Promise<string>((resolve, reject) => {
      // ts-node compiles the service first: tens of seconds on a busy machine.
      const timer = setTimeout(
        () => reject(new Error(`The service did not start within 90 s:\n${this.output}`)),
        90_000,
      );
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        const match = /listening on (http:\/\/[^\s"]+)/.exec(this.output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`The service exited with ${code} before listening:\n${this.output}`));
      });
    });
    return new ServiceClient(url, { dataDir: this.dataDir });
  }

  /** SIGTERM, and resolves once it has exited. */
  stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}

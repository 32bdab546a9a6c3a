import { type ChildProcess, spawn } from 'node:child_process';
import { ServiceClient } from '@licensing/service-testing';
import { builtMain, REPO_ROOT } from './built-apps';

/**
 * The service as a user runs it: the compiled `main.js` in its own Node
 * process, the way `npm start` launches it, on a data directory the test owns.
 */
export class ServiceProcess {
  private child: ChildProcess | null = null;
  private output = '';

  constructor(
    readonly dataDir: string,
    private readonly env: Record<string, string> = {},
    /** Until the `listening` line; a large log takes longer: the read models catch up before the service listens. */
    private readonly startTimeoutMs = 60_000,
  ) {}

  async start(): Promise<ServiceClient> {
    const child = spawn(process.execPath, [builtMain('licensing-service')], {
      cwd: REPO_ROOT,
      env: {
        ...withoutKafka(process.env),
        PORT: '0',
        DATA_DIR: this.dataDir,
        LOG_LEVEL: 'warn',
        SCHEDULER_INTERVAL_MS: '0',
        // Crash and relay specs send bursts from one address; a spec that wants the limits passes them in env.
        RATE_LIMIT_PER_MINUTE: '0',
        RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '0',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`The service did not start within ${this.startTimeoutMs / 1000} s:\n${this.output}`)),
        this.startTimeoutMs,
      );
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(this.output);
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
    // The service is its own issuer: tokens signed with the key in its data directory verify.
    return new ServiceClient(url, { dataDir: this.dataDir });
  }

  /** SIGTERM: a clean shutdown (pending appends finish, stores close). */
  stop(): Promise<void> {
    return this.end('SIGTERM');
  }

  /** SIGKILL: the process dies mid-flight, as in a power cut of the process. */
  kill(): Promise<void> {
    return this.end('SIGKILL');
  }

  get log(): string {
    return this.output;
  }

  private end(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }
}

/**
 * The test run's KAFKA_BROKERS would start the service's embedded relay,
 * which shares relay.sqlite with a relay under test; a spec that wants it
 * passes KAFKA_BROKERS explicitly.
 */
function withoutKafka(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { KAFKA_BROKERS: _ignored, ...rest } = env;
  return rest;
}

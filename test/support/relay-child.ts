import { type ChildProcess, spawn } from 'node:child_process';
import { builtMain, REPO_ROOT } from './built-apps';

/**
 * The relay app (compiled main.js) as its own process, the way it is deployed, so a
 * spec can SIGKILL it: no shutdown hook runs, whatever was in flight is lost.
 */
export class RelayChild {
  private process: ChildProcess | null = null;
  private exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> = Promise.resolve({
    code: null,
    signal: null,
  });
  output = '';
  private url: string | null = null;

  start(env: Record<string, string>): void {
    if (this.process !== null) throw new Error('The relay child is already running');
    const child = spawn(process.execPath, [builtMain('license-relay')], {
      cwd: REPO_ROOT,
      env: { ...process.env, RELAY_PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.process = child;
    this.url = null;
    let own = '';
    const collect = (chunk: Buffer) => {
      own += chunk.toString('utf8');
      this.output += chunk.toString('utf8');
      // Only this process's own output: an earlier one announced a port that is gone.
      if (this.process === child) this.url ??= /status at (http:\/\/\S+)\/relay\/status/.exec(own)?.[1] ?? null;
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    void this.exited.then(() => {
      if (this.process === child) this.process = null;
    });
  }

  get running(): boolean {
    return this.process !== null;
  }

  /** The relay's /relay/status, or null before its HTTP endpoint is up. */
  async status(): Promise<{ state: string; publishedEvents: number; publishedPosition: string | null } | null> {
    if (this.url === null || this.process === null) return null;
    const response = await fetch(`${this.url}/relay/status`).catch(() => null);
    return response?.ok
      ? ((await response.json()) as { state: string; publishedEvents: number; publishedPosition: string | null })
      : null;
  }

  /** Sends `signal` and resolves once the process is gone. */
  async stop(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const child = this.process;
    if (child === null) return this.exited;
    child.kill(signal);
    return this.exited;
  }
}

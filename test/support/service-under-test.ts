import { type As, director, exporterUser, officer, reviewer, type ServiceClient } from '@licensing/service-testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceProcess } from './service-process';

export type Actor = As;
export { director, officer, reviewer };
export const exporter = exporterUser;

/**
 * The built licensing service in its own process on a fresh data directory
 * (clock fixed, scheduler off, warnings only), with a small JSON client.
 * The relay under test reads the same events.sqlite.
 */
export class ServiceUnderTest {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'license-relay-spec-'));
  readonly eventsFile = join(this.dataDir, 'events.sqlite');
  private process: ServiceProcess | null = null;
  private client: ServiceClient | null = null;

  /** `startTimeoutMs`: for a data directory seeded with a large log, which the read models catch up before listening. */
  async start(now: string, { startTimeoutMs }: { readonly startTimeoutMs?: number } = {}): Promise<void> {
    this.process = new ServiceProcess(this.dataDir, { CLOCK_FIXED_AT: now }, startTimeoutMs);
    this.client = await this.process.start();
  }

  /** Where it listens, e.g. `http://127.0.0.1:43211`. */
  get url(): string {
    return this.started().url;
  }

  /** The bearer token `as` sends (for clients other than this one, e.g. a load generator). */
  token(as: Actor): Promise<string> {
    return this.started().token(as);
  }

  /** Reads need an actor; the relay specs compare what a licensing officer sees. */
  async get(path: string, as: Actor = officer): Promise<{ status: number; body: unknown }> {
    return this.started().get(path, as);
  }

  /** Posts a command; anything but a 2xx throws with the problem details. */
  async command(path: string, as: Actor, body?: unknown): Promise<unknown> {
    const reply = await this.started().post(path, as, body);
    if (reply.status >= 300) throw new Error(`POST ${path} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    return reply.body;
  }

  /** A clean shutdown that keeps the data directory (for specs that read or copy its files). */
  async stop(): Promise<void> {
    await this.process?.stop();
    this.process = null;
    this.client = null;
  }

  async dispose(): Promise<void> {
    await this.process?.stop();
    this.process = null;
    this.client = null;
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private started(): ServiceClient {
    if (this.client === null) throw new Error('Start the service first.');
    return this.client;
  }
}

import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config';
import { startService } from '../src/create-app';
import { ServiceClient } from '@licensing/service-testing';

/** The embedded service in this process on a data directory that outlives restarts. */
export class RunningService {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'licensing-service-'));

  /**
   * `keepAliveTimeoutMs`: how long the server keeps an idle connection. The client (fetch)
   * shares this event loop: after a long synchronous stretch (a rebuild's swap) Node's 5 s
   * timer can close a socket the client is reusing (ECONNRESET); a longer one makes the
   * client (4 s) always close first. Not the default: close() then waits for idle sockets.
   */
  constructor(private readonly options: { keepAliveTimeoutMs?: number } = {}) {}
  private app: INestApplication | null = null;
  client: ServiceClient = new ServiceClient('http://127.0.0.1:0', { dataDir: this.dataDir });

  /**
   * Starts (or restarts) the service with the clock fixed at `now`; the
   * scheduler only runs when asked. `settings`: more environment, e.g. a
   * spec's own limits.
   */
  async start(now: string, settings: NodeJS.ProcessEnv = {}): Promise<ServiceClient> {
    await this.stop();
    const started = await startService(
      loadConfig({
        PORT: '0',
        DATA_DIR: this.dataDir,
        CLOCK_FIXED_AT: now,
        SCHEDULER_INTERVAL_MS: '0',
        LOG_LEVEL: 'warn',
        // Specs send bursts from one address and a few users; the rate limits have their own spec (http-edge.int.spec.ts).
        RATE_LIMIT_PER_MINUTE: '0',
        RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '0',
        ...settings,
      }),
    );
    this.app = started.app;
    if (this.options.keepAliveTimeoutMs !== undefined)
      (started.app.getHttpServer() as { keepAliveTimeout: number }).keepAliveTimeout = this.options.keepAliveTimeoutMs;
    // Tokens from the local issuer of this data directory, which the service trusts by default.
    this.client = new ServiceClient(started.url, { dataDir: this.dataDir });
    return this.client;
  }

  get running(): boolean {
    return this.app !== null;
  }

  /** A provider of the running service, for specs that look inside (a counter, the store). */
  provider<T>(token: Parameters<INestApplication['get']>[0]): T {
    if (this.app === null) throw new Error('The service is not running.');
    return this.app.get<unknown, T>(token);
  }

  async stop(): Promise<void> {
    await this.app?.close();
    this.app = null;
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

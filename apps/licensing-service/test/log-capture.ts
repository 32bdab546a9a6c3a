import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceClient } from '@licensing/service-testing';
import { loadConfig } from '../src/config';
import { startService } from '../src/create-app';

/** One parsed log line, and the text it was written as. */
export interface LogLine {
  readonly text: string;
  readonly json: Record<string, unknown>;
}

/** The embedded service in this process, its log lines captured (JSON, one a write) rather than printed. */
export class LoggedService {
  readonly lines: LogLine[] = [];
  readonly dataDir = mkdtempSync(join(tmpdir(), 'logged-service-'));
  private app: INestApplication | null = null;

  async start(env: Record<string, string> = {}): Promise<ServiceClient> {
    const started = await startService(
      loadConfig({
        PORT: '0',
        DATA_DIR: this.dataDir,
        CLOCK_FIXED_AT: '2026-11-23T02:00:00Z',
        SCHEDULER_INTERVAL_MS: '0',
        RATE_LIMIT_PER_MINUTE: '0',
        RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '0',
        ...env,
      }),
      {
        logDestination: {
          write: (text: string) => this.lines.push({ text, json: JSON.parse(text) as Record<string, unknown> }),
        },
      },
    );
    this.app = started.app;
    return new ServiceClient(started.url, { dataDir: this.dataDir });
  }

  /** The request lines (pino-http's), by correlation id. */
  requestLines(correlationId?: string): Record<string, unknown>[] {
    return this.lines
      .map((line) => line.json)
      .filter((json) => typeof json['route'] === 'string' && typeof json['status'] === 'number')
      .filter((json) => correlationId === undefined || json['correlationId'] === correlationId);
  }

  async dispose(): Promise<void> {
    await this.app?.close();
    this.app = null;
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../licensing-service/src/config';
import { startService } from '../../../licensing-service/src/create-app';

export interface Actor {
  readonly id: string;
  readonly role: 'exporter' | 'licensing_officer' | 'reviewer';
}

export const exporter: Actor = { id: 'li.wei', role: 'exporter' };
export const officer: Actor = { id: 'zhang.min', role: 'licensing_officer' };
/** A second officer: the one who approves is not the one who accepted. */
export const director: Actor = { id: 'chen.jie', role: 'licensing_officer' };
export const reviewer: Actor = { id: 'wang.fang', role: 'reviewer' };

/**
 * The licensing service in this process on a fresh data directory (clock
 * fixed, scheduler off, warnings only), with a small JSON client. The
 * relay under test reads the same events.sqlite.
 */
export class ServiceUnderTest {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'license-relay-spec-'));
  readonly eventsFile = join(this.dataDir, 'events.sqlite');
  private app: INestApplication | null = null;
  private url = '';

  async start(now: string): Promise<void> {
    const started = await startService(loadConfig({ PORT: '0', DATA_DIR: this.dataDir, CLOCK_FIXED_AT: now, SCHEDULER_INTERVAL_MS: '0', LOG_LEVEL: 'warn' }));
    this.app = started.app;
    this.url = started.url;
  }

  async get(path: string): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${this.url}${path}`);
    return { status: response.status, body: await response.json() };
  }

  /** Posts a command; anything but a 2xx throws with the problem details. */
  async command(path: string, as: Actor, body?: unknown): Promise<unknown> {
    const headers: Record<string, string> = { 'X-Actor-Id': as.id, 'X-Actor-Role': as.role };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${this.url}${path}`, { method: 'POST', headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`POST ${path} answered ${response.status}: ${text}`);
    return text === '' ? null : JSON.parse(text);
  }

  async dispose(): Promise<void> {
    await this.app?.close();
    this.app = null;
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

import Database from 'better-sqlite3';
import { cpus, freemem, loadavg, totalmem } from 'node:os';

export interface Machine {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly freeMemoryGiB: number;
  readonly node: string;
  readonly sqlite: string;
  /** 1-minute load average when the run started and ended: a busy machine explains a low figure. */
  readonly loadAverage: { readonly start: number; readonly end: number | null };
}

const gib = (bytes: number) => Math.round((bytes / 2 ** 30) * 10) / 10;

export function machineNow(): Machine {
  const db = new Database(':memory:');
  const sqlite = db.prepare<[], { version: string }>('SELECT sqlite_version() AS version').get()?.version ?? '?';
  db.close();
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: gib(totalmem()),
    freeMemoryGiB: gib(freemem()),
    node: process.version,
    sqlite,
    loadAverage: { start: Math.round(loadavg()[0]! * 100) / 100, end: null },
  };
}

export function withEndLoad(machine: Machine): Machine {
  return { ...machine, loadAverage: { ...machine.loadAverage, end: Math.round(loadavg()[0]! * 100) / 100 } };
}

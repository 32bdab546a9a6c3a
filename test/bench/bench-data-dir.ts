import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Progress } from './progress';
import { seedEventStore } from './seed-event-store';
import { peek } from './sqlite-peek';

export interface BenchDataDir {
  readonly dataDir: string;
  readonly cases: number;
  readonly exporters: number;
  readonly events: number;
  /** Null when the log was seeded by an earlier run. */
  readonly seedSeconds: number | null;
  /** Removes the directory, unless the caller named it (BENCH_DATA_DIR): then it is kept for the next run. */
  release(): void;
}

/**
 * The data directory the service runs on: a new one, seeded with `cases`
 * generated applications; or `kept` (BENCH_DATA_DIR), seeded by this run if
 * empty, else taken as an earlier run left it: read models that had caught
 * up (or part-way) spare the next run the long catch-up.
 */
export async function benchDataDir(cases: number, kept: string | undefined, progress: Progress): Promise<BenchDataDir> {
  const dataDir = kept ?? mkdtempSync(join(tmpdir(), 'bench-console-'));
  mkdirSync(dataDir, { recursive: true });
  const release = () => {
    if (kept === undefined) rmSync(dataDir, { recursive: true, force: true });
  };
  const count = (type: string) =>
    peek(join(dataDir, 'events.sqlite'), 'SELECT count(*) FROM events WHERE type = ?', type) ?? 0;
  if (count('ApplicationDrafted') > 0) {
    const events = peek(join(dataDir, 'events.sqlite'), 'SELECT count(*) FROM events') ?? 0;
    console.error(`Reusing the log in ${dataDir} (BENCH_CASES does not apply to it)`);
    return {
      dataDir,
      cases: count('ApplicationDrafted'),
      exporters: count('ExporterRegistered'),
      events,
      seedSeconds: null,
      release,
    };
  }
  console.error(`Seeding ${cases.toLocaleString('en')} applications into ${dataDir}`);
  try {
    const seeded = await seedEventStore(dataDir, cases, progress);
    const { exporters, events, seconds } = seeded;
    return { dataDir, cases, exporters, events, seedSeconds: seconds, release };
  } catch (error) {
    release();
    throw error;
  }
}

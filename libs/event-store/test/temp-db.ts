import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh directory for SQLite files (real files: WAL and fsync included). */
export function tempDir(): { path: (name?: string) => string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'event-store-'));
  return {
    path: (name = 'events.sqlite') => join(dir, name),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

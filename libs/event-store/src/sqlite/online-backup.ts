import type { Database } from 'better-sqlite3';

export interface BackupProgress {
  readonly totalPages: number;
  readonly remainingPages: number;
}

export interface OnlineBackupOptions {
  /**
   * Pages copied per step (default 100, about 400 KB). Between steps the
   * event loop runs, so appends on the same connection go on; smaller steps
   * keep commit latency lower while a backup runs, larger ones finish sooner.
   */
  readonly pagesPerStep?: number;
  /** After every step, and once at the end with nothing remaining. */
  readonly onProgress?: (progress: BackupProgress) => void;
}

/** "Copy every page left in this step." */
const ALL_PAGES = 0x7fffffff;

/**
 * Copies a live SQLite database to `destination` (a new file) with SQLite's
 * online backup API, never a file copy: the result is the database as one
 * transaction left it, whatever was written meanwhile.
 *
 * Writes through `db` itself, between steps, are carried into the copy as
 * they happen, so the copy ends as the database stood at the last step. A
 * write through another connection makes SQLite start the copy over; a
 * writer that never pauses could keep it from ever finishing, so after the
 * first restart the rest is copied in one step (one read transaction).
 */
export async function onlineBackup(
  db: Database,
  destination: string,
  options: OnlineBackupOptions = {},
): Promise<{ readonly totalPages: number }> {
  const pagesPerStep = options.pagesPerStep ?? 100;
  if (!Number.isSafeInteger(pagesPerStep) || pagesPerStep < 1)
    throw new RangeError(`pagesPerStep must be a whole number ≥ 1, got ${pagesPerStep}`);
  let copied = -1;
  let restarted = false;
  const { totalPages } = await db.backup(destination, {
    progress: ({ totalPages: total, remainingPages }) => {
      // Every step copies pages, and growth through this connection raises total and remaining alike:
      // only a restart keeps what was copied from growing.
      if (copied > 0 && total - remainingPages <= copied) restarted = true;
      copied = total - remainingPages;
      options.onProgress?.({ totalPages: total, remainingPages });
      return restarted ? ALL_PAGES : pagesPerStep;
    },
  });
  options.onProgress?.({ totalPages, remainingPages: 0 });
  return { totalPages };
}

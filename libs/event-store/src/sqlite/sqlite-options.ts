import type { Database } from 'better-sqlite3';
import { Upcasters } from '../upcasters';

export interface SqliteEventStoreOptions {
  /** A file path. ':memory:' works but is neither durable nor shareable. */
  readonly filename: string;
  /**
   * SQLite `synchronous` pragma. 'FULL' (default) fsyncs the WAL at every
   * commit, so an acknowledged append survives power loss. 'NORMAL' survives
   * a process crash but may lose the last commits on power loss; use it only
   * where that is acceptable (tests, disposable replicas).
   */
  readonly synchronous?: 'FULL' | 'NORMAL' | 'EXTRA';
  /** How long a write waits for another process's lock before failing. Default 5000. */
  readonly busyTimeoutMs?: number;
  /**
   * How often a caught-up subscription re-reads `$all` (default 50 ms).
   * Commits from this store instance wake subscriptions at once; commits
   * from another process or instance on the same file are seen by polling.
   */
  readonly pollIntervalMs?: number;
  /** Batch size of subscription catch-up reads. Default 500. */
  readonly subscriptionBatchSize?: number;
  readonly upcasters?: Upcasters;
  /**
   * Told after every group commit (a metrics hook; see `commitMetrics`).
   * It runs on the commit path: keep it cheap and never throw.
   */
  readonly onCommit?: (report: CommitReport) => void;
}

/** One group commit: one transaction, one fsync. */
export interface CommitReport {
  /** Appends in the batch (the group-commit batch size). */
  readonly appends: number;
  /** Appends that were stored (the others were refused, or the transaction failed). */
  readonly committedAppends: number;
  /** Events stored by the committed appends. */
  readonly committedEvents: number;
  /** Time of the transaction, fsync included. */
  readonly seconds: number;
}

export function applyPragmas(db: Database, options: SqliteEventStoreOptions): void {
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  db.pragma('journal_mode = WAL');
  // Random UUID keys spread index lookups over the whole file; a larger page
  // cache keeps them off the disk as the log grows.
  db.pragma('cache_size = -32768');
  // Checkpoint less often: each checkpoint copies and fsyncs the pages the
  // WAL accumulated, and under group commit most of them are index pages
  // rewritten by many commits in between (the WAL grows to ~40 MB at most).
  db.pragma('wal_autocheckpoint = 10000');
  db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
}

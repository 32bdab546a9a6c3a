import type Database from 'better-sqlite3';

export interface WriteBatchLimits {
  /** Events' writes held in one transaction before it commits. */
  readonly maxWrites: number;
  /** How long a transaction stays open before it commits, whatever it holds. */
  readonly maxOpenMs: number;
}

export const DEFAULT_WRITE_BATCH: WriteBatchLimits = { maxWrites: 2_000, maxOpenMs: 100 };

/**
 * Catching up writes many events' documents in a row: one SQLite transaction
 * per event and read model spent half of a catch-up in BEGIN and COMMIT. A
 * batch keeps one transaction open across events, each event's writes still
 * their own savepoint (a failing event rolls back alone), and commits once
 * it holds `maxWrites`, has been open `maxOpenMs`, or the event loop is next
 * free, whichever comes first. Documents and checkpoints commit together, so
 * a crash loses a batch whole and the read models replay it from their
 * checkpoints.
 */
export class WriteBatch {
  private open = false;
  private writes = 0;
  private openedAt = 0;
  private commitScheduled = false;

  constructor(
    private readonly db: Database.Database,
    /** A failed COMMIT rolled the batch back: what was applied in memory since must be applied again. */
    private readonly onLost: (error: unknown) => void,
    private readonly limits: WriteBatchLimits = DEFAULT_WRITE_BATCH,
  ) {}

  /** Runs `work` in the open batch (opening one if none is), as a savepoint of it. */
  write<T>(work: () => T): T {
    // Inside a caller's own transaction: a savepoint of it, committed with it.
    if (!this.open && this.db.inTransaction) return this.db.transaction(work)();
    if (!this.open) {
      this.db.exec('BEGIN');
      this.open = true;
      this.writes = 0;
      this.openedAt = performance.now();
    }
    const result = this.db.transaction(work)();
    this.writes += 1;
    if (this.writes >= this.limits.maxWrites || performance.now() - this.openedAt >= this.limits.maxOpenMs)
      this.commit();
    else this.scheduleCommit();
    return result;
  }

  /** Commits what the batch holds, now (nothing when none is open). */
  commit(): void {
    if (!this.open) return;
    this.open = false;
    try {
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      this.onLost(error);
    }
  }

  private scheduleCommit(): void {
    if (this.commitScheduled) return;
    this.commitScheduled = true;
    setImmediate(() => {
      this.commitScheduled = false;
      this.commit();
    });
  }
}

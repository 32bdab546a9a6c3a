import { ProposedEvent } from '../envelope';
import { AppendResult, ExpectedRevision } from '../event-store';

export interface PendingAppend {
  readonly streamId: string;
  readonly events: readonly ProposedEvent[];
  readonly expectedRevision: ExpectedRevision;
}

export type AppendOutcome =
  { readonly ok: true; readonly result: AppendResult } | { readonly ok: false; readonly error: unknown };

interface Queued extends PendingAppend {
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/**
 * Group commit: appends that arrive while the event loop is busy wait for
 * the next `setImmediate` and are committed together by `commitBatch`, which
 * runs them in one transaction (one fsync) and returns one outcome per
 * append. better-sqlite3 is synchronous, so a flush always finishes before
 * the next one can start; appends made meanwhile form the next batch.
 */
export class GroupCommitQueue {
  private pending: Queued[] = [];
  private scheduled: NodeJS.Immediate | undefined;
  private idle: Promise<void> = Promise.resolve();
  private markIdle: (() => void) | undefined;

  constructor(
    private readonly commitBatch: (batch: readonly PendingAppend[]) => AppendOutcome[],
    private readonly afterCommit: (
      outcomes: readonly AppendOutcome[],
      batch: readonly PendingAppend[],
      seconds: number,
    ) => void,
  ) {}

  enqueue(append: PendingAppend): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      this.pending.push({ ...append, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once every append queued so far has been committed or refused. */
  drained(): Promise<void> {
    return this.idle;
  }

  private schedule(): void {
    if (this.scheduled) return;
    if (!this.markIdle) this.idle = new Promise((resolve) => (this.markIdle = resolve));
    this.scheduled = setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = undefined;
    const batch = this.pending;
    this.pending = [];
    let outcomes: AppendOutcome[];
    const started = performance.now();
    try {
      outcomes = this.commitBatch(batch);
    } catch (error) {
      // The batch transaction itself failed (disk full, I/O error, lock
      // timeout): nothing of it was committed, so every append fails.
      outcomes = batch.map(() => ({ ok: false, error }));
    }
    const seconds = (performance.now() - started) / 1000;
    batch.forEach((append, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) append.resolve(outcome.result);
      else append.reject(outcome.error);
    });
    this.afterCommit(outcomes, batch, seconds);
    if (this.pending.length > 0) {
      this.schedule();
    } else {
      this.markIdle?.();
      this.markIdle = undefined;
    }
  }
}

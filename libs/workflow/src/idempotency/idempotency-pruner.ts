import type { PruneReport, SqliteIdempotencyStore } from './sqlite-idempotency.store';

export interface IdempotencyPrunerOptions {
  /** How often expired responses are pruned after the first pass on start (ms); default one hour. */
  intervalMs?: number;
  /** Rows deleted per batch; the pruner yields to the event loop between batches. */
  batchSize?: number;
  /** Where a pass with something pruned, and a failed pass, is told. */
  log?: (message: string) => void;
  warn?: (message: string) => void;
}

/**
 * Prunes remembered responses past the store's retention: once on start,
 * then on an unref'd timer (it never keeps the process alive), until
 * stopped. Off when the store keeps responses forever.
 */
export class IdempotencyPruner {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<PruneReport | null> | null = null;
  private stopped = false;

  constructor(
    private readonly store: SqliteIdempotencyStore,
    private readonly options: IdempotencyPrunerOptions = {},
  ) {}

  /** Runs the first pass (awaited) and starts the timer; nothing when retention is off. */
  async start(): Promise<void> {
    if (this.store.retentionHours === 0) return;
    this.stopped = false;
    await this.run(true);
    if (this.stopped) return;
    this.timer = setInterval(() => void this.run(false), this.options.intervalMs ?? 3_600_000);
    this.timer.unref();
  }

  /** One pass now; a pass already running is awaited instead of starting another. */
  run(logEmpty = false): Promise<PruneReport | null> {
    this.running ??= this.pass(logEmpty).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Clears the timer and waits for a pass in progress to finish its batch. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async pass(logEmpty: boolean): Promise<PruneReport | null> {
    try {
      const report = await this.store.pruneExpired({
        batchSize: this.options.batchSize,
        shouldStop: () => this.stopped,
      });
      if (report.pruned > 0 || logEmpty) {
        this.options.log?.(
          `Idempotency records pruned: ${report.pruned} remembered before ${report.before} ` +
            `(retention ${this.store.retentionHours} h, ${report.batches} batch${report.batches === 1 ? '' : 'es'})`,
        );
      }
      return report;
    } catch (error) {
      this.options.warn?.(
        `Pruning idempotency records failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      return null;
    }
  }
}

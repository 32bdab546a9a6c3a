import type { EventStore } from '@licensing/event-store';
import type { Metrics } from '@licensing/platform';
import type Database from 'better-sqlite3';
import { EventCounter } from './event-counter';
import { RebuildAlreadyRunningError, UnknownReadModelError } from './rebuild-errors';
import { INTERRUPTED, RebuildHistory } from './rebuild-history';
import type { RebuildHost } from './rebuild-host';
import { rebuildMetrics } from './rebuild-metrics';
import { progressOf, type RebuildProgress } from './rebuild-progress';
import { ShadowRebuild } from './shadow-rebuild';
import { TimeSlice } from './time-slice';

interface Active {
  readonly id: string;
  readonly shadows: readonly ShadowRebuild[];
  readonly counter: EventCounter;
  readonly startedAt: string;
  /** performance.now() at the start, for the rate. */
  readonly startedMs: number;
  readonly finished: Promise<RebuildProgress>;
}

/**
 * The rebuilds of one runner: started by name (one read model or all),
 * one at a time per read model, each followed by its progress while it runs
 * and kept in the history once it has finished.
 */
export class Rebuilds {
  private readonly active = new Map<string, Active>();
  private readonly history: RebuildHistory;
  private readonly recordFinished: (finished: RebuildProgress) => void;
  private readonly slice = new TimeSlice();

  constructor(
    private readonly host: RebuildHost,
    private readonly store: EventStore,
    db: Database.Database,
    metrics?: Metrics,
  ) {
    this.history = new RebuildHistory(db, host.now());
    this.recordFinished = metrics ? rebuildMetrics(metrics, this) : () => undefined;
  }

  /**
   * Starts rebuilding the named read models (all when none are named) and
   * answers at once with the rebuild's progress. Throws UnknownReadModelError
   * or RebuildAlreadyRunningError, having started nothing.
   */
  start(readModels?: readonly string[]): RebuildProgress {
    const projections = this.projectionsNamed(readModels);
    const startedAt = this.host.now();
    const shadows = projections.map((projection) => new ShadowRebuild(this.host, projection, this.slice));
    const blank = shadows.map((shadow) => ({
      name: shadow.projection.name,
      doneEvents: 0,
      totalEvents: 0,
      swapped: false,
    }));
    const id = this.history.begin(
      progressOf({ id: '', state: 'running', startedAt, finishedAt: null, error: null }, blank, 0),
    );
    const counter = new EventCounter(this.store);
    const finished = Promise.allSettled(shadows.map((shadow) => shadow.start())).then((results) => {
      const failure = results.find((result) => result.status === 'rejected');
      return this.finish(active, failure ? String((failure.reason as Error).message) : null);
    });
    const active: Active = { id, shadows, counter, startedAt, startedMs: performance.now(), finished };
    this.active.set(id, active);
    return this.progress(active);
  }

  /** The rebuild with this id, running or finished; null if there is none. */
  get(id: string): RebuildProgress | null {
    const active = this.active.get(id);
    return active ? this.progress(active) : this.history.get(id);
  }

  /** Running and recent rebuilds, newest first. */
  list(): RebuildProgress[] {
    return this.history.list().map((recorded) => {
      const active = this.active.get(recorded.id);
      return active ? this.progress(active) : recorded;
    });
  }

  running(): RebuildProgress[] {
    return [...this.active.values()].map((active) => this.progress(active));
  }

  /** Resolves with the rebuild as it ended (at once for a finished one); null if there is none. */
  async finished(id: string): Promise<RebuildProgress | null> {
    return this.active.get(id)?.finished ?? this.history.get(id);
  }

  /** Ends every running rebuild: shadows not swapped yet are dropped, and the rebuild is recorded as failed. */
  async stop(): Promise<void> {
    const running = [...this.active.values()];
    await Promise.all(running.flatMap((active) => active.shadows.map((shadow) => shadow.cancel(INTERRUPTED))));
    await Promise.all(running.map((active) => active.finished));
  }

  private projectionsNamed(readModels: readonly string[] | undefined) {
    const known = this.host.projections.map((projection) => projection.name);
    const names = readModels === undefined || readModels.length === 0 ? known : [...new Set(readModels)];
    const unknown = names.find((name) => !known.includes(name));
    if (unknown !== undefined) throw new UnknownReadModelError(unknown, known);
    for (const active of this.active.values()) {
      const overlap = active.shadows.map((shadow) => shadow.projection.name).filter((name) => names.includes(name));
      if (overlap.length > 0) throw new RebuildAlreadyRunningError(active.id, overlap);
    }
    return this.host.projections.filter((projection) => names.includes(projection.name));
  }

  private progress(active: Active, ended?: Pick<RebuildProgress, 'state' | 'finishedAt' | 'error'>): RebuildProgress {
    if (!ended) this.countLater(active);
    const counted = active.counter.count;
    const readModels = active.shadows.map((shadow) => ({
      name: shadow.projection.name,
      doneEvents: shadow.doneEvents,
      // Once swapped, it has read exactly the log up to the swap.
      totalEvents: shadow.swapped ? shadow.doneEvents : Math.max(counted, shadow.doneEvents),
      swapped: shadow.swapped,
    }));
    const base = {
      id: active.id,
      startedAt: active.startedAt,
      ...(ended ?? { state: 'running' as const, finishedAt: null, error: null }),
    };
    return progressOf(base, readModels, (performance.now() - active.startedMs) / 1000);
  }

  /** Counts what was appended since the last count, in the background: the total grows with the log. */
  private countLater(active: Active): void {
    // A failed count leaves the totals as counted so far (at least what was read); the rebuild goes on.
    active.counter.refresh().catch(() => undefined);
  }

  private finish(active: Active, error: string | null): RebuildProgress {
    const finished = this.progress(active, {
      state: error === null ? 'completed' : 'failed',
      finishedAt: this.host.now(),
      error,
    });
    this.history.finish(finished);
    this.active.delete(active.id);
    this.recordFinished(finished);
    return finished;
  }
}

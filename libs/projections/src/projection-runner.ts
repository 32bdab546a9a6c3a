import type { EventStore, RecordedEvent, Subscription } from '@licensing/event-store';
import { DocumentStore } from './document-store';
import { matchesFilter } from '@licensing/event-store';
import {
  type BackoffSettings,
  backoffSettings,
  type Metrics,
  RESTART_BACKOFF,
  RestartBackoff,
} from '@licensing/platform';
import type { Projection } from './projection';

export interface ProjectionStatus {
  name: string;
  version: number;
  /** Position of the last event this read model has applied (null: none yet). */
  position: bigint | null;
  caughtUp: boolean;
  lastError: string | null;
}

export interface ReadModelLag {
  name: string;
  /** Events in `$all` after the last one this read model has processed, counted up to the limit asked. */
  lagEvents: number;
  /** False when the count stopped at the limit: the lag is at least `lagEvents`. */
  exact: boolean;
}

export interface RunnerOptions {
  now: () => string;
  log?: (message: string) => void;
  /**
   * Wait before re-subscribing after a failure, over PROJECTION_RETRY_BACKOFF
   * (1 s growing to 10 s, jittered; an applied event starts it over).
   */
  retryBackoff?: Partial<BackoffSettings>;
  /** Where to report each read model's position and lag at every scrape; nothing is recorded without it. */
  metrics?: Metrics;
}

/** At most this many events are counted behind a read model at a scrape; the lag reads as at least this much. */
export const LAG_COUNT_LIMIT = 10_000;

/**
 * A failing projection is usually a bug or a full disk someone must fix:
 * retry forever from 1 s, but a lasting failure only every ~10 s, and
 * several failing read models out of step.
 */
export const PROJECTION_RETRY_BACKOFF: BackoffSettings = { ...RESTART_BACKOFF, initialDelayMs: 1_000 };

interface Running {
  projection: Projection;
  subscription: Subscription | null;
  /** Last event applied and checkpointed. */
  position: bigint | null;
  /** Last event delivered, applied or filtered out. */
  seen: bigint | null;
  caughtUp: boolean;
  lastError: string | null;
  retry: NodeJS.Timeout | null;
  /** Waits between re-subscriptions after failures in a row. */
  backoff: RestartBackoff;
}

/**
 * Keeps read models up to date: one subscription per projection from its own
 * checkpoint, catching up and then following live. Each event's documents and
 * the checkpoint are written in one transaction. Rebuilding is the same path
 * from position 0.
 */
export class ProjectionRunner {
  private readonly running = new Map<string, Running>();
  private readonly waiters = new Set<{ position: bigint; resolve: () => void }>();
  private readonly retryBackoff: BackoffSettings;

  constructor(
    private readonly store: EventStore,
    private readonly documents: DocumentStore,
    private readonly projections: readonly Projection[],
    private readonly options: RunnerOptions,
  ) {
    this.retryBackoff = backoffSettings(PROJECTION_RETRY_BACKOFF, options.retryBackoff, 'projection retry backoff');
    if (options.metrics) this.registerMetrics(options.metrics);
  }

  /** Position, lag and catch-up of each read model, read at every scrape. */
  private registerMetrics(metrics: Metrics): void {
    metrics.gauge<'read_model'>({
      name: 'licensing_projection_position',
      help: 'Position in $all of the last event each read model has applied (-1: none yet).',
      labelNames: ['read_model'],
      collect: (gauge) => {
        for (const status of this.status()) gauge.set({ read_model: status.name }, Number(status.position ?? -1n));
      },
    });
    metrics.gauge<'read_model'>({
      name: 'licensing_projection_caught_up',
      help: 'Whether each read model has caught up with $all and follows it live (1) or not (0).',
      labelNames: ['read_model'],
      collect: (gauge) => {
        for (const status of this.status()) gauge.set({ read_model: status.name }, status.caughtUp ? 1 : 0);
      },
    });
    metrics.gauge<'read_model'>({
      name: 'licensing_projection_lag_events',
      help: `Events in $all each read model has not processed yet (counted up to ${LAG_COUNT_LIMIT}).`,
      labelNames: ['read_model'],
      collect: async (gauge) => {
        for (const lag of await this.lag()) gauge.set({ read_model: lag.name }, lag.lagEvents);
      },
    });
  }

  /**
   * Events in `$all` each read model has not processed yet (applied or
   * filtered out), read from the store and counted up to `limit`: at the
   * limit the lag is at least that much (`exact` false).
   */
  async lag(limit = LAG_COUNT_LIMIT): Promise<ReadModelLag[]> {
    const lags: ReadModelLag[] = [];
    for (const projection of this.projections) {
      const seen = this.running.get(projection.name)?.seen ?? null;
      const ahead = await this.store.readAll({
        fromPosition: seen === null ? undefined : seen + 1n,
        maxCount: limit,
        raw: true,
      });
      lags.push({ name: projection.name, lagEvents: ahead.length, exact: ahead.length < limit });
    }
    return lags;
  }

  /** Starts every projection; resolves when all have caught up. */
  async start(): Promise<void> {
    await Promise.all(this.projections.map((projection) => this.startOne(projection)));
  }

  async stop(): Promise<void> {
    const all = [...this.running.values()];
    this.running.clear();
    for (const run of all) if (run.retry) clearTimeout(run.retry);
    await Promise.all(all.map(async (run) => run.subscription?.stop()));
  }

  /** Drops the named read models (all when none are named) and rebuilds them from position 0. */
  async rebuild(names: readonly string[] = this.projections.map((p) => p.name)): Promise<void> {
    for (const name of names) {
      const projection = this.projections.find((p) => p.name === name);
      if (!projection)
        throw new Error(`No read model named ${name}; known: ${this.projections.map((p) => p.name).join(', ')}`);
      const run = this.running.get(name);
      if (run) {
        if (run.retry) clearTimeout(run.retry);
        await run.subscription?.stop();
        this.running.delete(name);
      }
      this.documents.reset(name);
    }
    await Promise.all(names.map((name) => this.startOne(this.projections.find((p) => p.name === name) as Projection)));
  }

  status(): ProjectionStatus[] {
    return this.projections.map((projection) => {
      const run = this.running.get(projection.name);
      const stored = this.documents.checkpoint(projection.name);
      return {
        name: projection.name,
        version: projection.version,
        position: run?.position ?? stored?.position ?? null,
        caughtUp: run?.caughtUp ?? false,
        lastError: run?.lastError ?? null,
      };
    });
  }

  /**
   * Resolves once every read model has applied all events up to `position`
   * (read-your-writes for a client that just appended).
   */
  waitFor(position: bigint, timeoutMs = 5_000): Promise<void> {
    if (this.reached(position)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = {
        position,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`Read models did not reach position ${position} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /**
   * Resolves once every read model has applied every event committed before
   * the call: what a decision needs before it reads the rule history.
   */
  async catchUp(timeoutMs = 5_000): Promise<void> {
    let from = this.lowestSeen();
    for (;;) {
      const ahead = await this.store.readAll({ fromPosition: from === null ? undefined : from + 1n, maxCount: 1_000 });
      const last = ahead.at(-1);
      if (last === undefined) return;
      await this.waitFor(last.position, timeoutMs);
      from = last.position;
    }
  }

  private lowestSeen(): bigint | null {
    let lowest: bigint | null = null;
    for (const projection of this.projections) {
      const seen = this.running.get(projection.name)?.seen ?? null;
      if (seen === null) return null;
      if (lowest === null || seen < lowest) lowest = seen;
    }
    return lowest;
  }

  private reached(position: bigint): boolean {
    return this.projections.every((projection) => {
      const seen = this.running.get(projection.name)?.seen;
      return seen !== undefined && seen !== null && seen >= position;
    });
  }

  private async startOne(projection: Projection): Promise<void> {
    const stored = this.documents.checkpoint(projection.name);
    if (stored && stored.version !== projection.version) {
      this.log(`${projection.name}: version ${stored.version} -> ${projection.version}, rebuilding from position 0`);
      this.documents.reset(projection.name);
    }
    const from = stored && stored.version === projection.version ? stored.position : null;
    const run: Running = {
      projection,
      subscription: null,
      position: from,
      seen: from,
      caughtUp: false,
      lastError: null,
      retry: null,
      backoff: new RestartBackoff(this.retryBackoff),
    };
    this.running.set(projection.name, run);
    await new Promise<void>((caughtUp) => this.subscribe(run, caughtUp));
  }

  // Subscribes to every event, not only the projection's filter, so that
  // `seen` advances past filtered-out events and waitFor() can answer.
  private subscribe(run: Running, onFirstCatchUp: () => void): void {
    run.subscription = this.store.subscribeToAll(
      {
        fromPosition: run.seen ?? 'start',
        onCaughtUp: () => {
          run.caughtUp = true;
          onFirstCatchUp();
          this.wake();
        },
        onError: (error) => {
          run.lastError = error instanceof Error ? error.message : String(error);
          run.caughtUp = false;
          const delayMs = run.backoff.nextDelayMs();
          this.log(
            `${run.projection.name}: ${run.lastError}; resubscribing from ${run.position ?? 'start'} in ${delayMs} ms`,
          );
          run.seen = run.position;
          run.retry = setTimeout(() => {
            run.retry = null;
            if (this.running.get(run.projection.name) === run) this.subscribe(run, onFirstCatchUp);
          }, delayMs);
        },
      },
      (event) => this.apply(run, event),
    );
  }

  private apply(run: Running, event: RecordedEvent): void {
    const { projection } = run;
    if (matchesFilter(projection.filter, event)) {
      const keys = projection.keysOf(event);
      this.documents.transaction(() => {
        for (const key of keys) {
          const next = projection.evolve(this.documents.get(projection.name, key), event, key);
          if (next === null) this.documents.delete(projection.name, key);
          else this.documents.put(projection.name, key, next);
        }
        this.documents.saveCheckpoint(
          projection.name,
          { version: projection.version, position: event.position },
          this.options.now(),
        );
      });
      run.position = event.position;
      run.lastError = null;
      run.backoff.reset();
    }
    run.seen = event.position;
    this.wake();
  }

  private wake(): void {
    for (const waiter of this.waiters) {
      if (this.reached(waiter.position)) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }

  private log(message: string): void {
    this.options.log?.(message);
  }
}

import type { EventStore, RecordedEvent, Subscription } from '@licensing/event-store';
import { type Checkpoint, DocumentStore } from './document-store';
import { matchesFilter } from '@licensing/event-store';
import {
  type BackoffSettings,
  backoffSettings,
  type Metrics,
  RESTART_BACKOFF,
  RestartBackoff,
} from '@licensing/platform';
import type { Projection } from './projection';
import { applyEvent, type DocumentChange, evolveDocuments } from './apply-event';
import { WriteBatch } from './write-batch';
import { tracedApply } from './apply-tracing';
import { DEFAULT_PARK_AFTER_ATTEMPTS, EventParking, ParkedEventStore, ParkedProjectionEvents } from './parking';
import type { RebuildHost, ShadowHooks, ShadowRun } from './rebuild/rebuild-host';
import { Rebuilds } from './rebuild/rebuilds';
import { shadowName } from './storage-names';

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
  /** Failed attempts in a row after which an event a read model cannot apply is parked (PROJECTION_PARK_AFTER_ATTEMPTS, default 5). */
  parkAfterAttempts?: number;
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
  /** Where its documents and checkpoint are kept: the read model's name, or a rebuild's shadow name. */
  storage: string;
  /** Stopped for good (the runner stopped, a rebuild froze or dropped it): never re-subscribed. */
  halted: boolean;
  /** A rebuild's shadow: told after each event; a returned promise holds the next event back. */
  afterEvent?: () => void | Promise<void>;
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
  /** Told when the subscription first runs dry (kept to subscribe again after a lost batch). */
  onFirstCatchUp?: () => void;
  /** Bumped when a lost batch restarts the run: what its old subscription was doing must not touch it. */
  generation: number;
  /**
   * After a lost batch, until caught up again: one transaction per event, so
   * an event whose documents cannot be written (a value JSON cannot hold) is
   * told apart and parked instead of failing every batch it is in.
   */
  unbatched: boolean;
}

/**
 * Keeps read models up to date: one subscription per projection from its own
 * checkpoint, catching up and then following live. A batch holds the
 * documents in memory and writes each one, with the checkpoints, once for
 * many events in one transaction: catching up, every 10,000 events or
 * 250 ms; live, on the next turn of the event loop; always before a reader
 * waiting for a position is told (see WriteBatch). Rebuilding (`rebuilds`) is
 * the same path from position 0 into shadow storage, swapped in once caught up.
 */
export class ProjectionRunner {
  private readonly running = new Map<string, Running>();
  private readonly waiters = new Set<{ position: bigint; resolve: () => void }>();
  private readonly retryBackoff: BackoffSettings;
  private readonly parking: EventParking;
  /** The events the read models parked, for ops to list, retry or skip. */
  readonly parkedEvents: ParkedProjectionEvents;
  /** Rebuilds in shadow storage: following `$all` beside the live runs until each is swapped in. */
  private readonly shadows = new Set<Running>();
  /** Rebuilds without downtime (`rebuilds.start`), their progress and history. */
  readonly rebuilds: Rebuilds;
  private readonly batch: WriteBatch;
  private wakeScheduled = false;

  constructor(
    private readonly store: EventStore,
    private readonly documents: DocumentStore,
    private readonly projections: readonly Projection[],
    private readonly options: RunnerOptions,
  ) {
    this.retryBackoff = backoffSettings(PROJECTION_RETRY_BACKOFF, options.retryBackoff, 'projection retry backoff');
    this.batch = new WriteBatch(documents, (error) => this.applyLostBatchAgain(error));
    const parked = new ParkedEventStore(documents.db);
    this.parking = new EventParking(parked, {
      parkAfterAttempts: options.parkAfterAttempts ?? DEFAULT_PARK_AFTER_ATTEMPTS,
      now: options.now,
      log: (message) => this.log(message),
    });
    // A retry writes to the live read model directly: what the batch holds goes first.
    this.parkedEvents = new ParkedProjectionEvents(store, documents, projections, parked, options.now, () =>
      this.batch.commit(),
    );
    if (options.metrics) this.registerMetrics(options.metrics);
    this.rebuilds = new Rebuilds(this.rebuildHost(), store, documents.db, options.metrics);
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
    metrics.gauge<'read_model'>({
      name: 'licensing_projection_parked_events',
      help: 'Events each read model could not apply and parked, waiting for ops to retry or skip them.',
      labelNames: ['read_model'],
      collect: (gauge) => {
        const counts = this.parkedEvents.parkedCounts();
        for (const { name } of this.projections) gauge.set({ read_model: name }, counts.get(name) ?? 0);
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
    await this.rebuilds.stop();
    const all = [...this.running.values()];
    this.running.clear();
    for (const run of all) {
      run.halted = true;
      if (run.retry) clearTimeout(run.retry);
    }
    await Promise.all(all.map(async (run) => run.subscription?.stop()));
    this.batch.commit();
  }

  /**
   * Rebuilds the named read models (all when none are named) from position 0
   * in shadow storage, reads answering from the live ones meanwhile, and
   * resolves once each has been swapped in; throws if the rebuild failed.
   */
  async rebuild(names?: readonly string[]): Promise<void> {
    const started = this.rebuilds.start(names);
    const finished = await this.rebuilds.finished(started.id);
    if (finished?.state !== 'completed') throw new Error(finished?.error ?? `Rebuild ${started.id} did not finish`);
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
    if (this.reached(position)) {
      // What a run catching up holds is written before anyone reads it.
      this.batch.commit();
      return Promise.resolve();
    }
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
    const { storage, from } = this.startingPoint(projection);
    const run: Running = {
      projection,
      storage,
      halted: false,
      subscription: null,
      position: from,
      seen: from,
      caughtUp: false,
      lastError: null,
      retry: null,
      backoff: new RestartBackoff(this.retryBackoff),
      generation: 0,
      unbatched: false,
    };
    this.running.set(projection.name, run);
    await new Promise<void>((caughtUp) =>
      this.subscribe(run, () => {
        // Between two events, before the next is applied: it goes to the read model's own storage.
        if (run.storage !== projection.name) this.promoteFirstBuild(run);
        caughtUp();
      }),
    );
  }

  /**
   * Where a read model starts: on from its checkpoint when it has one of
   * this version past some event; otherwise it is built from position 0
   * (a new read-model database, a version bump) in its shadow storage and
   * swapped in once caught up (`promoteFirstBuild`), like a rebuild: its
   * index rows go into tables with no index but the document's, indexed
   * once, sorted, at the swap, and an outdated version is replaced whole.
   * Such a build resumes from the shadow's checkpoint after a restart; the
   * service answers nothing before its read models have caught up.
   */
  private startingPoint(projection: Projection): { storage: string; from: bigint | null } {
    const current = (checkpoint: Checkpoint | null): checkpoint is Checkpoint =>
      checkpoint !== null && checkpoint.version === projection.version;
    const shadow = shadowName(projection.name);
    const live = this.documents.checkpoint(projection.name);
    if (current(live) && live.position !== null) {
      // What a rebuild cut short by a stop or a crash left behind.
      this.documents.reset(shadow);
      return { storage: projection.name, from: live.position };
    }
    if (live !== null && live.version !== projection.version)
      this.log(`${projection.name}: version ${live.version} -> ${projection.version}, rebuilding from position 0`);
    const built = this.documents.checkpoint(shadow);
    if (current(built)) return { storage: shadow, from: built.position };
    this.documents.reset(shadow);
    return { storage: shadow, from: null };
  }

  private promoteFirstBuild(run: Running): void {
    this.batch.commit();
    this.documents.promote(run.storage, run.projection.name);
    run.storage = run.projection.name;
  }

  // Subscribes to every event, not only the projection's filter, so that
  // `seen` advances past filtered-out events and waitFor() can answer.
  private subscribe(run: Running, onFirstCatchUp: () => void): void {
    run.onFirstCatchUp = onFirstCatchUp;
    const generation = run.generation;
    run.subscription = this.store.subscribeToAll(
      {
        fromPosition: run.seen ?? 'start',
        onCaughtUp: () => {
          // Caught up is durable: what the batch holds commits before anyone is told.
          this.batch.commit();
          if (run.generation !== generation) return;
          run.caughtUp = true;
          run.unbatched = false;
          onFirstCatchUp();
          this.wake();
        },
        onError: (error) => {
          if (run.halted || run.generation !== generation) return;
          run.lastError = error instanceof Error ? error.message : String(error);
          run.caughtUp = false;
          const delayMs = run.backoff.nextDelayMs();
          this.log(
            `${run.projection.name}: ${run.lastError}; resubscribing from ${run.position ?? 'start'} in ${delayMs} ms`,
          );
          run.seen = run.position;
          run.retry = setTimeout(() => {
            run.retry = null;
            if (!run.halted) this.subscribe(run, onFirstCatchUp);
          }, delayMs);
        },
      },
      (event) => {
        if (run.generation !== generation) return undefined;
        this.apply(run, event);
        return run.generation === generation ? run.afterEvent?.() : undefined;
      },
    );
  }

  private apply(run: Running, event: RecordedEvent): void {
    const { projection } = run;
    if (matchesFilter(projection.filter, event)) {
      const generation = run.generation;
      // Live, the application is a span of the event's trace (see tracedApply).
      const live = run.caughtUp && run.storage === projection.name;
      // Into the batch (written on the next turn of the event loop when live), but after a lost batch.
      tracedApply(projection.name, event, live, () =>
        run.unbatched ? this.applyNow(run, event) : this.applyHeld(run, event),
      );
      // The batch this event went into was lost: the run starts over from its stored checkpoint.
      if (run.generation !== generation) return;
      run.position = event.position;
      run.lastError = null;
      run.backoff.reset();
    }
    run.seen = event.position;
    this.wake();
  }

  /** One transaction: the documents, the checkpoint, and a parked event's row if it is parked. */
  private applyNow(run: Running, event: RecordedEvent): void {
    const { projection } = run;
    this.documents.transaction(() => {
      // A poison event is retried, then parked: the checkpoint below moves past it either way (see EventParking).
      this.parking.applyOrPark(run, projection.name, event, () =>
        // A savepoint: a poison event's writes roll back alone.
        this.documents.transaction(() => applyEvent(this.documents, projection, event, run.storage)),
      );
      this.documents.saveCheckpoint(
        run.storage,
        { version: projection.version, position: event.position },
        this.options.now(),
      );
    });
  }

  /** Into the batch: the event's documents as it leaves them, and the checkpoint past it. */
  private applyHeld(run: Running, event: RecordedEvent): void {
    const { projection } = run;
    const generation = run.generation;
    let changes: readonly DocumentChange[] = [];
    this.parking.applyOrPark(run, projection.name, event, () => {
      try {
        changes = evolveDocuments(projection, event, (key) => this.batch.read(run.storage, key));
      } catch (error) {
        // What it read may be what is wrong (a held document JSON cannot hold): written first, it fails
        // alone, the batch is lost and replayed one event at a time, and this event meets stored documents.
        this.batch.commit();
        if (run.generation === generation) throw error;
      }
    });
    if (run.generation !== generation) return;
    this.batch.record(
      run.storage,
      changes,
      projection.index,
      { checkpoint: { version: projection.version, position: event.position }, at: this.options.now() },
      { soon: run.caughtUp },
    );
  }

  private wake(): void {
    for (const waiter of this.waiters) {
      if (!this.reached(waiter.position)) continue;
      if (this.batch.pending) {
        // What the batch holds is written before a waiter reads it: once, after every run has had this burst.
        this.wakeOnceWritten();
        return;
      }
      this.waiters.delete(waiter);
      waiter.resolve();
    }
  }

  private wakeOnceWritten(): void {
    if (this.wakeScheduled) return;
    this.wakeScheduled = true;
    setImmediate(() => {
      this.wakeScheduled = false;
      this.batch.commit();
      // A lost batch moved the runs back: who waits for what it held waits on.
      this.wake();
    });
  }

  /** What a rebuild drives: shadow runs beside the live ones, the freeze and the swap. */
  private rebuildHost(): RebuildHost {
    return {
      projections: this.projections,
      now: () => this.options.now(),
      follow: (projection, storage, hooks) => this.followShadow(projection, storage, hooks),
      freeze: (name) => this.freeze(name),
      promote: (run) => this.promote(this.shadowRun(run)),
      discard: (run) => this.discard(this.shadowRun(run)),
    };
  }

  private followShadow(projection: Projection, storage: string, hooks: ShadowHooks): ShadowRun {
    this.documents.reset(storage);
    const run: Running = {
      projection,
      storage,
      halted: false,
      afterEvent: hooks.afterEvent,
      subscription: null,
      position: null,
      seen: null,
      caughtUp: false,
      lastError: null,
      retry: null,
      backoff: new RestartBackoff(this.retryBackoff),
      generation: 0,
      unbatched: false,
    };
    this.shadows.add(run);
    this.subscribe(run, hooks.caughtUp);
    return run;
  }

  private async freeze(name: string): Promise<bigint | null> {
    const run = this.running.get(name);
    if (!run) return null;
    await this.halt(run);
    return run.seen;
  }

  // Synchronous, between two of the shadow's events: the next one it
  // applies is written to the live read model.
  private promote(run: Running): void {
    const name = run.projection.name;
    this.batch.commit();
    this.documents.promote(run.storage, name);
    this.shadows.delete(run);
    run.storage = name;
    run.afterEvent = undefined;
    this.running.set(name, run);
    this.wake();
  }

  private async discard(run: Running): Promise<void> {
    this.shadows.delete(run);
    await this.halt(run, { keepHeld: false });
    this.documents.reset(run.storage);
  }

  /** Stops the run for good; what the batch holds of it is written, unless it is being dropped. */
  private async halt(run: Running, { keepHeld } = { keepHeld: true }): Promise<void> {
    run.halted = true;
    if (run.retry) clearTimeout(run.retry);
    run.retry = null;
    // Stopping delivers no further event, so nothing is held for it after this.
    const stopped = run.subscription?.stop();
    if (!keepHeld) this.batch.forget(run.storage);
    await stopped;
    this.batch.commit();
  }

  /**
   * A batch failed to commit and is gone: every run's documents and
   * checkpoint are back where they were stored, but its position in memory is
   * not. Each run starts again from its stored checkpoint, one transaction
   * per event until it catches up: a disk failing again fails the run (and it
   * retries after its backoff), and an event whose documents cannot be
   * written is parked like any poison event.
   */
  private applyLostBatchAgain(error: unknown): void {
    this.log(
      `read-model writes failed to commit (${error instanceof Error ? error.message : String(error)}); applying them again from the stored checkpoints`,
    );
    for (const run of [...this.running.values(), ...this.shadows]) {
      if (run.halted) continue;
      run.generation += 1;
      run.unbatched = true;
      if (run.retry) clearTimeout(run.retry);
      run.retry = null;
      const stored = this.documents.checkpoint(run.storage);
      const position = stored?.version === run.projection.version ? stored.position : null;
      void run.subscription?.stop();
      run.position = position;
      run.seen = position;
      run.caughtUp = false;
      this.subscribe(run, run.onFirstCatchUp ?? (() => undefined));
    }
  }

  private shadowRun(run: ShadowRun): Running {
    const found = [...this.shadows].find((shadow) => shadow === run);
    if (!found) throw new Error('Not a rebuild shadow of this runner, or one already swapped or dropped');
    return found;
  }

  private log(message: string): void {
    this.options.log?.(message);
  }
}

import type { Projection } from '../projection';
import { shadowName } from '../storage-names';
import type { RebuildHost, ShadowRun } from './rebuild-host';
import type { TimeSlice } from './time-slice';

export { shadowName };

/**
 * One read model rebuilt without downtime. A shadow subscription replays
 * `$all` from position 0 into the shadow while the live model keeps
 * following and answering. Once the shadow has caught up, the live run is
 * frozen (it applies nothing more, and reads still see it whole); as soon as
 * the shadow has seen every event the frozen run had, the swap happens
 * between two of the shadow's events: documents and checkpoint change in one
 * transaction and the shadow's subscription goes on as the live run, so no
 * event is missed or applied twice.
 */
export class ShadowRebuild {
  /** Events of `$all` delivered to the shadow so far (applied or filtered out). */
  doneEvents = 0;
  swapped = false;
  private run: ShadowRun | null = null;
  /** The last position counted in doneEvents: a re-subscription after a failure delivers some events again. */
  private counted: bigint | null = null;
  /** The frozen live run's last position; undefined until it is frozen. */
  private frozenAt: bigint | null | undefined;
  private freezing = false;
  private cancelled = false;
  private settle: { resolve: () => void; reject: (error: Error) => void } | null = null;

  constructor(
    private readonly host: RebuildHost,
    readonly projection: Projection,
    /** Shared with the runner's other shadows: they yield to the event loop together. */
    private readonly slice: TimeSlice,
  ) {}

  /** Resolves once swapped; rejects when cancelled first. */
  start(): Promise<void> {
    const done = new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));
    this.run = this.host.follow(this.projection, shadowName(this.projection.name), {
      afterEvent: () => this.afterEvent(),
      caughtUp: () => void this.freezeLive(),
    });
    return done;
  }

  /** Stops the shadow and drops it, unless it already is the live model. */
  async cancel(reason: string): Promise<void> {
    if (this.swapped || this.cancelled) return;
    this.cancelled = true;
    if (this.run) await this.host.discard(this.run);
    this.settle?.reject(new Error(reason));
  }

  private afterEvent(): void | Promise<void> {
    const seen = this.run?.seen ?? null;
    if (seen !== null && (this.counted === null || seen > this.counted)) {
      this.doneEvents += 1;
      this.counted = seen;
    }
    this.swapWhenLevel();
    return this.swapped ? undefined : this.slice.next();
  }

  private async freezeLive(): Promise<void> {
    if (this.freezing || this.cancelled) return;
    this.freezing = true;
    this.frozenAt = await this.host.freeze(this.projection.name);
    this.swapWhenLevel();
  }

  // Runs between two of the shadow's events (after one, or while it waits
  // for the next), never inside one's transaction.
  private swapWhenLevel(): void {
    if (this.swapped || this.cancelled || this.frozenAt === undefined || this.run === null) return;
    const seen = this.run.seen;
    if (this.frozenAt !== null && (seen === null || seen < this.frozenAt)) return;
    this.host.promote(this.run);
    this.swapped = true;
    this.settle?.resolve();
  }
}

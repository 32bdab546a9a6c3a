import type { Projection } from '../projection';

/** A subscription the runner keeps for a rebuild, writing its documents and checkpoint under a shadow name. */
export interface ShadowRun {
  /** Position of the last event delivered to it, applied or filtered out (null: none yet). */
  readonly seen: bigint | null;
}

export interface ShadowHooks {
  /** After each event is applied and checkpointed in the shadow; a returned promise holds the next event back. */
  readonly afterEvent: () => void | Promise<void>;
  /** Each time its subscription has nothing left to catch up (again after a re-subscription). */
  readonly caughtUp: () => void;
}

/** What a rebuild needs from the ProjectionRunner, which owns every subscription and document write. */
export interface RebuildHost {
  readonly projections: readonly Projection[];
  /** Follows `$all` from position 0 into documents and a checkpoint stored under `storage`. */
  follow(projection: Projection, storage: string, hooks: ShadowHooks): ShadowRun;
  /**
   * Stops the live run of a read model for good; resolves, once it will apply
   * nothing more, to the last position it has seen (null: none, or no live run).
   */
  freeze(readModel: string): Promise<bigint | null>;
  /**
   * The swap: in one transaction the shadow's documents and checkpoint become
   * the read model's, and the shadow's subscription goes on as its live run.
   */
  promote(run: ShadowRun): void;
  /** Stops a shadow that will not be promoted and drops what it wrote. */
  discard(run: ShadowRun): Promise<void>;
  now(): string;
}

export type RebuildState = 'running' | 'completed' | 'failed';

/** One read model of a rebuild. */
export interface ReadModelRebuild {
  readonly name: string;
  /** Events of `$all` its shadow has read (applied or filtered out). */
  readonly doneEvents: number;
  /** Events of `$all` it has to read: counted in the store, growing with appends; exact once swapped. */
  readonly totalEvents: number;
  /** Its shadow has become the live read model. */
  readonly swapped: boolean;
}

/** A rebuild as GET /ops/rebuilds shows it. */
export interface RebuildProgress {
  readonly id: string;
  readonly readModels: readonly ReadModelRebuild[];
  readonly state: RebuildState;
  /** Summed over the read models: each reads the whole log. */
  readonly doneEvents: number;
  readonly totalEvents: number;
  /** Events read per second since it started (all read models together). */
  readonly eventsPerSecond: number;
  /** Seconds left at that rate; null when it is not running or nothing was read yet. */
  readonly etaSeconds: number | null;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly error: string | null;
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/** Sums the read models and derives the rate and the ETA from the seconds since the start. */
export function progressOf(
  base: Pick<RebuildProgress, 'id' | 'state' | 'startedAt' | 'finishedAt' | 'error'>,
  readModels: readonly ReadModelRebuild[],
  elapsedSeconds: number,
): RebuildProgress {
  const doneEvents = readModels.reduce((sum, model) => sum + model.doneEvents, 0);
  const totalEvents = readModels.reduce((sum, model) => sum + model.totalEvents, 0);
  const rate = elapsedSeconds > 0 ? doneEvents / elapsedSeconds : 0;
  const running = base.state === 'running';
  return {
    ...base,
    readModels,
    doneEvents,
    totalEvents,
    eventsPerSecond: oneDecimal(rate),
    etaSeconds: running && rate > 0 ? oneDecimal((totalEvents - doneEvents) / rate) : null,
  };
}

import { RecordedEvent } from './envelope';
import { EventHandler, ReadAllOptions, SubscribeOptions, Subscription } from './event-store';
import { matchesFilter } from './subscription-filter';

/** What a catch-up subscription needs from a store that has no push feed of its own. */
export interface CatchUpSource {
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Registers a wake-up call for in-process commits; returns the unregister function. */
  onCommit(listener: () => void): () => void;
}

export interface CatchUpSettings {
  readonly batchSize: number;
  /**
   * How often a caught-up subscription re-reads `$all` when nothing woke it.
   * In-process commits wake it at once; this interval is how late it sees
   * commits made by another process on the same store.
   */
  readonly pollIntervalMs: number;
}

/**
 * Reads `$all` in batches from the checkpoint (exclusive), hands matching
 * events to the handler one at a time, reports when it first runs dry, then
 * sleeps until a commit or the poll timer wakes it.
 */
export function startCatchUpSubscription(
  source: CatchUpSource,
  options: SubscribeOptions,
  handler: EventHandler,
  settings: CatchUpSettings,
): Subscription {
  let stopped = false;
  let dirty = false;
  let wake: (() => void) | undefined;
  let checkpoint = options.fromPosition === 'start' ? undefined : options.fromPosition;
  const unlisten = source.onCommit(() => {
    dirty = true;
    wake?.();
  });

  const sleep = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, settings.pollIntervalMs);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  const run = async () => {
    let caughtUp = false;
    while (!stopped) {
      dirty = false;
      const fromPosition = checkpoint === undefined ? undefined : checkpoint + 1n;
      const batch = await source.readAll({ fromPosition, maxCount: settings.batchSize, raw: options.raw });
      for (const event of batch) {
        if (stopped) return;
        if (matchesFilter(options.filter, event)) await handler(event);
        checkpoint = event.position;
      }
      if (batch.length < settings.batchSize) {
        if (!caughtUp) {
          caughtUp = true;
          options.onCaughtUp?.();
        }
        if (!dirty && !stopped) await sleep();
      }
    }
  };

  const finished = run()
    .catch((error: unknown) => {
      stopped = true;
      // Without onError the failure surfaces as an unhandled rejection: a
      // silently stalled projector or relay is worse than a crashed one.
      if (!options.onError) throw error;
      options.onError(error);
    })
    .finally(unlisten);

  return {
    async stop() {
      stopped = true;
      wake?.();
      await finished.catch(() => undefined);
    },
  };
}

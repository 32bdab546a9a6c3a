import {
  EventHandler,
  matchesFilter,
  RecordedEvent,
  SubscribeOptions,
  SubscriptionFilter,
  Subscription,
} from '@licensing/event-store';
import { type BackoffSettings, RestartBackoff, sleepUnlessAborted } from '@licensing/platform';

/** What one attempt at following `$all` yields, in order. */
export type FeedItem = { readonly kind: 'event'; readonly event: RecordedEvent } | { readonly kind: 'caughtUp' };

/** One server subscription. It ends or throws when the server drops it; the loop then opens another. */
export interface FeedAttempt {
  readonly items: AsyncIterable<FeedItem>;
  /** Cancels the attempt; `items` then finishes or throws, which the loop ignores. */
  close(): Promise<void>;
}

/**
 * The narrow seam between the subscription loop and EventStoreDB
 * (client-feed.ts implements it on the client; specs on an array), so the
 * re-subscription logic is tested without a server.
 */
export interface LiveFeed {
  /** Follows `$all` strictly after `from` (undecoded system events already dropped), raw (not upcast). */
  open(from: bigint | 'start', filter: SubscriptionFilter | undefined): FeedAttempt;
}

export interface RetryNotice {
  /** Consecutive failed attempts, 1 for the first retry. */
  readonly failures: number;
  readonly delayMs: number;
  /** Why the attempt ended; undefined when the server closed it without an error. */
  readonly cause: unknown;
  /** Where the next attempt resumes (exclusive). */
  readonly checkpoint: bigint | 'start';
}

export interface ResubscribeSettings {
  readonly backoff: BackoffSettings;
  /** Which feed failures are worth another attempt (client-errors.ts). */
  readonly isTransient: (error: unknown) => boolean;
  /** Upcasting; runs like the handler, so its failure stops the subscription. */
  readonly prepare: (event: RecordedEvent) => RecordedEvent;
  /** Observability: called before each wait, e.g. to log a leader change. */
  readonly onRetry?: (notice: RetryNotice) => void;
  /** Waits `ms` unless `signal` aborts first. Injected by specs. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** Marks a failure of the subscriber's own code, which no retry can fix. */
class HandlerFailed extends Error {
  constructor(readonly error: unknown) {
    super('The subscription handler failed');
  }
}

/**
 * The port's subscription on a feed that may drop at any time: delivers
 * events after the checkpoint one at a time, reports the first catch-up,
 * and when the feed fails transiently or ends, opens a new attempt from the
 * last delivered event after the platform's restart backoff (capped,
 * jittered; progress starts it over). Events at or before the checkpoint
 * are dropped, so a resumed attempt never delivers an event twice. The
 * handler's own failure (and a permanent feed failure) stops it and goes to
 * onError, as in the port.
 */
export function startResubscribingSubscription(
  feed: LiveFeed,
  options: SubscribeOptions,
  handler: EventHandler,
  settings: ResubscribeSettings,
): Subscription {
  const sleep = settings.sleep ?? sleepUnlessAborted;
  const backoff = new RestartBackoff(settings.backoff);
  const abort = new AbortController();
  let stopped = false;
  let current: FeedAttempt | undefined;
  let checkpoint: bigint | 'start' = options.fromPosition;
  let caughtUp = false;

  const deliver = async (attempt: FeedAttempt): Promise<void> => {
    for await (const item of attempt.items) {
      if (stopped) return;
      backoff.reset();
      if (item.kind === 'caughtUp') {
        if (!caughtUp) {
          caughtUp = true;
          options.onCaughtUp?.();
        }
        continue;
      }
      const { event } = item;
      if (checkpoint !== 'start' && event.position <= checkpoint) continue;
      if (matchesFilter(options.filter, event)) {
        try {
          await handler(settings.prepare(event));
        } catch (error) {
          throw new HandlerFailed(error);
        }
      }
      checkpoint = event.position;
    }
  };

  const run = async (): Promise<void> => {
    while (!stopped) {
      const attempt = feed.open(checkpoint, options.filter);
      current = attempt;
      let cause: unknown;
      try {
        await deliver(attempt);
      } catch (error) {
        if (error instanceof HandlerFailed) throw error.error;
        if (stopped) return;
        if (!settings.isTransient(error)) throw error;
        cause = error;
      } finally {
        current = undefined;
        await attempt.close().catch(() => undefined);
      }
      if (stopped) return;
      const delayMs = backoff.nextDelayMs();
      settings.onRetry?.({ failures: backoff.failures, delayMs, cause, checkpoint });
      await sleep(delayMs, abort.signal);
    }
  };

  const finished = run().catch((error: unknown) => {
    stopped = true;
    // As in the embedded store: without onError a stalled subscriber must
    // crash loudly rather than fall silently behind.
    if (!options.onError) throw error;
    options.onError(error);
  });

  return {
    async stop() {
      stopped = true;
      abort.abort();
      await current?.close().catch(() => undefined);
      await finished.catch(() => undefined);
    },
  };
}

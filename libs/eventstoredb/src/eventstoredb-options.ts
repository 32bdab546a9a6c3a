import { Upcasters } from '@licensing/event-store';
import { type BackoffSettings, RESTART_BACKOFF } from '@licensing/platform';
import { RetryNotice } from './resubscribing-subscription';

/**
 * The platform's restart backoff, starting at 100 ms: a leader election
 * usually takes 1–3 s, so the first retries come quickly; jittered, so the
 * many subscribers one election drops do not return in lockstep; capped at 10 s.
 */
export const RESUBSCRIBE_BACKOFF: BackoffSettings = { ...RESTART_BACKOFF, initialDelayMs: 100 };

export interface EventStoreDbEventStoreOptions {
  /**
   * `esdb://…` or `esdb+discover://…`, validated by
   * parseEventStoreConnectionString before the client sees it.
   */
  readonly connectionString: string;
  readonly upcasters?: Upcasters;
  /**
   * How often an append re-reads, re-seals and re-writes when another writer
   * appended between its read of the stream head and its write. Only an
   * 'any' append uses more than two (an exact revision conflicts for good
   * once the stream moved). Attempts are a few jittered milliseconds apart
   * (the platform's WRITE_CONFLICT_RETRY backoff). Default 5.
   */
  readonly maxAppendAttempts?: number;
  /** Events per read when scanning a stream before an append and when paging `$all`. Default 500. */
  readonly readPageSize?: number;
  /** Re-subscription after a dropped subscription, over RESUBSCRIBE_BACKOFF (100 ms growing to 10 s, jittered). Checked at open. */
  readonly resubscribeBackoff?: Partial<BackoffSettings>;
  /** Called before every re-subscription wait; wire it to the service's logger. */
  readonly onSubscriptionRetry?: (notice: RetryNotice) => void;
}

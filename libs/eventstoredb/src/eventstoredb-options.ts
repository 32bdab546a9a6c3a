import { Upcasters } from '@licensing/event-store';
import { BackoffSettings } from './backoff';
import { RetryNotice } from './resubscribing-subscription';

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
   * once the stream moved). Default 5.
   */
  readonly maxAppendAttempts?: number;
  /** Events per read when scanning a stream before an append and when paging `$all`. Default 500. */
  readonly readPageSize?: number;
  /** Re-subscription after a dropped subscription. Default DEFAULT_BACKOFF (100 ms doubling to 10 s). */
  readonly resubscribeBackoff?: Partial<BackoffSettings>;
  /** Called before every re-subscription wait; wire it to the service's logger. */
  readonly onSubscriptionRetry?: (notice: RetryNotice) => void;
}

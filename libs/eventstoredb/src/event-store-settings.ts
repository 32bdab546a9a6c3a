import { type CommitReport, type EventStore, openSqliteEventStore } from '@licensing/event-store';
import { join } from 'node:path';
import { z } from 'zod';
import { eventStoreConnectionStringSchema } from './connection-string';
import { openEventStoreDbEventStore } from './eventstoredb-event-store';
import type { RetryNotice } from './resubscribing-subscription';

/**
 * The two settings every process that reads or writes the log shares (the
 * service, the relay): switching them is the only change between the
 * embedded SQLite file and an EventStoreDB cluster.
 */
export const EventStoreSettings = z.object({
  /** `sqlite`: `events.sqlite` in DATA_DIR. `eventstoredb`: the cluster at EVENTSTORE_CONNECTION_STRING. */
  EVENT_STORE: z.enum(['sqlite', 'eventstoredb']).default('sqlite'),
  /** `esdb://host:2113?tls=false` or `esdb+discover://cluster:2113?nodePreference=leader`. */
  EVENTSTORE_CONNECTION_STRING: eventStoreConnectionStringSchema.optional(),
});
export type EventStoreSettings = z.infer<typeof EventStoreSettings>;

/** For a config's superRefine: EventStoreDB needs its address. */
export function requireConnectionString(settings: EventStoreSettings, ctx: z.RefinementCtx): void {
  if (settings.EVENT_STORE === 'eventstoredb' && settings.EVENTSTORE_CONNECTION_STRING === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['EVENTSTORE_CONNECTION_STRING'],
      message:
        'EVENT_STORE=eventstoredb needs the cluster address, e.g. EVENTSTORE_CONNECTION_STRING=esdb://127.0.0.1:2113?tls=false',
    });
  }
}

/** Opens the store the settings name; the caller closes it. */
export function openConfiguredEventStore(
  settings: EventStoreSettings & { DATA_DIR: string },
  options: {
    onSubscriptionRetry?: (notice: RetryNotice) => void;
    /** SQLite only: told after every group commit (`commitMetrics`). */
    onCommit?: (report: CommitReport) => void;
  } = {},
): EventStore {
  switch (settings.EVENT_STORE) {
    case 'sqlite':
      // Another process may append to the same file; subscriptions see its commits by polling.
      return openSqliteEventStore({
        filename: join(settings.DATA_DIR, 'events.sqlite'),
        ...(options.onCommit ? { onCommit: options.onCommit } : {}),
      });
    case 'eventstoredb':
      return openEventStoreDbEventStore({
        // requireConnectionString refuses eventstoredb without one.
        connectionString: settings.EVENTSTORE_CONNECTION_STRING ?? '',
        ...(options.onSubscriptionRetry ? { onSubscriptionRetry: options.onSubscriptionRetry } : {}),
      });
    default: {
      const unknown: never = settings.EVENT_STORE;
      throw new Error(`Unknown EVENT_STORE ${String(unknown)}`);
    }
  }
}

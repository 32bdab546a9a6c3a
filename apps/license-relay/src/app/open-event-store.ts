import { assertNever } from '@licensing/domain';
import { type EventStore, openSqliteEventStore } from '@licensing/event-store';
import { openEventStoreDbEventStore } from '@licensing/eventstoredb';
import { join } from 'node:path';
import type { RelayConfig } from './relay-config';

/** The store the relay reads: the embedded service's SQLite file, or the production cluster. */
export function openRelayEventStore(config: RelayConfig): EventStore {
  switch (config.EVENT_STORE) {
    case 'sqlite':
      // Another process (the service) appends to this file; the subscription sees its commits by polling.
      return openSqliteEventStore({ filename: join(config.DATA_DIR, 'events.sqlite') });
    case 'eventstoredb':
      return openEventStoreDbEventStore({ connectionString: config.EVENTSTORE_CONNECTION_STRING ?? '' });
    default:
      return assertNever(config.EVENT_STORE, 'EVENT_STORE');
  }
}

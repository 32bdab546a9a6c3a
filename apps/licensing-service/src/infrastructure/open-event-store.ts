import { Logger } from '@nestjs/common';
import { assertNever } from '@licensing/domain';
import { type EventStore, openSqliteEventStore } from '@licensing/event-store';
import { openEventStoreDbEventStore } from '@licensing/eventstoredb';
import { join } from 'node:path';
import type { ServiceConfig } from '../config';

/** The one switch between the embedded store and EventStoreDB: configuration only. */
export function openEventStore(config: ServiceConfig): EventStore {
  switch (config.EVENT_STORE) {
    case 'sqlite':
      return openSqliteEventStore({ filename: join(config.DATA_DIR, 'events.sqlite') });
    case 'eventstoredb': {
      const logger = new Logger('EventStoreDB');
      return openEventStoreDbEventStore({
        // loadConfig refuses eventstoredb without a connection string.
        connectionString: config.EVENTSTORE_CONNECTION_STRING ?? '',
        onSubscriptionRetry: (notice) =>
          logger.warn(`Subscription dropped (${String(notice.cause)}); retry ${notice.failures} in ${notice.delayMs} ms from ${notice.checkpoint}`),
      });
    }
    default:
      return assertNever(config.EVENT_STORE, 'event store');
  }
}

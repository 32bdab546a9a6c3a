import { Logger } from '@nestjs/common';
import type { CommitReport, EventStore } from '@licensing/event-store';
import { openConfiguredEventStore } from '@licensing/eventstoredb';
import type { ServiceConfig } from '../config';

/** The store EVENT_STORE names, with EventStoreDB's re-subscriptions in the service log. */
export function openEventStore(config: ServiceConfig, onCommit?: (report: CommitReport) => void): EventStore {
  const logger = new Logger('EventStore');
  return openConfiguredEventStore(config, {
    ...(onCommit ? { onCommit } : {}),
    onSubscriptionRetry: (notice) =>
      logger.warn(
        `Subscription dropped (${String(notice.cause)}); retry ${notice.failures} in ${notice.delayMs} ms from ${notice.checkpoint}`,
      ),
  });
}

export * from './connection-string';
export * from './eventstoredb-options';
export * from './eventstoredb-event-store';
export type { FeedAttempt, FeedItem, LiveFeed, RetryNotice } from './resubscribing-subscription';
export * from './event-store-settings';

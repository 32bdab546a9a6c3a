import { RecordedEvent } from './envelope';
import { SubscriptionFilter } from './event-store';

export function matchesFilter(filter: SubscriptionFilter | undefined, event: RecordedEvent): boolean {
  if (!filter) return true;
  const { streamPrefixes, eventTypes } = filter;
  if (streamPrefixes && !streamPrefixes.some((prefix) => event.streamId.startsWith(prefix))) return false;
  if (eventTypes && !eventTypes.includes(event.type)) return false;
  return true;
}

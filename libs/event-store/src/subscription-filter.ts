import { RecordedEvent } from './envelope';
import { SubscriptionFilter } from './event-store';

/** Only the stream and the type count, so a stored event's text (not parsed) can be matched too. */
export function matchesFilter(
  filter: SubscriptionFilter | undefined,
  event: Pick<RecordedEvent, 'streamId' | 'type'>,
): boolean {
  if (!filter) return true;
  const { streamPrefixes, eventTypes } = filter;
  if (streamPrefixes && !streamPrefixes.some((prefix) => event.streamId.startsWith(prefix))) return false;
  if (eventTypes && !eventTypes.includes(event.type)) return false;
  return true;
}

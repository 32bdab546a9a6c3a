import { eventTypeFilter, excludeSystemEvents, Filter, streamNameFilter } from '@eventstore/db-client';
import { SubscriptionFilter } from '@licensing/event-store';

/** EventStoreDB's own streams and events ($stats, $metadata, $> links, projections) start with '$'. */
export function isSystemEvent(streamId: string, type: string): boolean {
  return streamId.startsWith('$') || type.startsWith('$');
}

/** The .NET regex for "exactly one of these strings". */
export function exactAlternatives(values: readonly string[]): string {
  return `^(?:${values.map(escapeRegex).join('|')})$`;
}

function escapeRegex(value: string): string {
  return value.replace(/[\\^$.|?*+()[\]{}#\s-]/g, (char) => `\\${char}`);
}

/** Matches nothing: an empty list of prefixes lets no event through, as in the port. */
const NOTHING = '^(?!)';

/**
 * The server-side part of the port's filter. The server filters on one
 * attribute only, so with both parts it filters by stream prefix (the
 * narrower in this system: one aggregate category) and the subscription
 * checks event types on its side (`matchesFilter`). Without a filter the
 * server still drops system events. The adapter always re-checks the whole
 * port filter, so this is purely a bandwidth saving.
 */
export function toServerFilter(filter: SubscriptionFilter | undefined): Filter {
  const prefixes = filter?.streamPrefixes;
  if (prefixes) {
    if (prefixes.length === 0) return streamNameFilter({ regex: NOTHING });
    // A '$'-prefixed entry cannot match: system streams never reach handlers.
    return streamNameFilter({ prefixes: [...prefixes] });
  }
  const types = filter?.eventTypes;
  if (types)
    return types.length === 0
      ? eventTypeFilter({ regex: NOTHING })
      : eventTypeFilter({ regex: exactAlternatives(types) });
  return excludeSystemEvents();
}

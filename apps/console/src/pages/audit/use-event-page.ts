import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { AllEventsPage, EventEnvelope, StreamEventsPage } from './audit-types';
import { CATEGORY_PREFIXES, type EventFilter } from './event-filter';

export interface EventPage {
  readonly events: readonly EventEnvelope[];
  /** Where the next page starts (a position, or a revision of the stream); null at the end. */
  readonly next: string | null;
}

/**
 * One page of `$all` (filtered by the API) or of one stream. The API has no
 * upper position: the page is cut at `toPosition` here, which only ends the
 * paging early (the API scopes what anyone may read, not this).
 */
async function readPage(filter: EventFilter, cursor: string | null): Promise<EventPage> {
  const limit = Number(filter.limit);
  if (filter.source === 'stream') {
    const page = await api<StreamEventsPage>(`/audit/streams/${encodeURIComponent(filter.streamId)}/events`, {
      query: { direction: filter.direction, fromRevision: cursor, limit },
    });
    return { events: page.events, next: page.nextRevision === null ? null : String(page.nextRevision) };
  }
  const page = await api<AllEventsPage>('/audit/events', {
    query: {
      fromPosition: cursor ?? filter.fromPosition,
      limit,
      streamPrefix: filter.category === '' ? undefined : CATEGORY_PREFIXES[filter.category],
      eventType: filter.eventType,
    },
  });
  if (filter.toPosition === '') return { events: page.events, next: page.nextPosition };
  const to = BigInt(filter.toPosition);
  const events = page.events.filter((event) => BigInt(event.position) <= to);
  const next = page.nextPosition !== null && BigInt(page.nextPosition) <= to ? page.nextPosition : null;
  return { events, next };
}

export function useEventPage(filter: EventFilter, cursor: string | null) {
  return useQuery({
    queryKey: ['audit-events', filter, cursor],
    queryFn: () => readPage(filter, cursor),
    placeholderData: keepPreviousData,
  });
}

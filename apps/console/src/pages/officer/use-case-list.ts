import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { readFresh } from './case-read';
import { useCaseFilters } from './case-list-filters';
import { useCursorPages } from '../../paging/cursor-pager';

const PAGE_SIZE = 50;

/**
 * A page of GET /applications or /licenses under the address's filters. The
 * API scopes the answer to the reader (an exporter gets its own cases): the
 * console filters nothing itself.
 */
export function useCaseList<Item>(resource: 'applications' | 'licenses') {
  const filters = useCaseFilters();
  const pages = useCursorPages(JSON.stringify(filters));
  const answer = useQuery({
    queryKey: ['cases', resource, filters, pages.cursor],
    queryFn: async ({ signal }) => {
      const page = await readFresh<Record<string, unknown> & { nextCursor: string | null }>(`/${resource}`, {
        query: { ...filters, limit: PAGE_SIZE, cursor: pages.cursor },
        signal,
      });
      return { items: page[resource] as Item[], nextCursor: page.nextCursor };
    },
    placeholderData: keepPreviousData,
  });
  return { answer, pages };
}

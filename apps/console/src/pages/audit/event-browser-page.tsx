import { Alert, Button, Group, Loader, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EventFilterForm } from './event-filter-form';
import { type EventFilter, filterFromSearch, searchFromFilter } from './event-filter';
import { EVENT_COLUMNS, EventRow } from './event-row';
import { useEventPage } from './use-event-page';

/**
 * The auditor's event browser: `$all` filtered or one stream, a page at a
 * time (the API's cursors), each event's integrity checked in the browser.
 * The filter lives in the address, so a view can be linked to.
 */
export function EventBrowserPage() {
  const { t } = useTranslation('audit');
  const [search, setSearch] = useSearchParams();
  const filter = filterFromSearch(search);
  // The starts of the pages read so far ("previous" goes back through them), for the filter in the address now.
  const view = search.toString();
  const [paging, setPaging] = useState<{ view: string; cursors: (string | null)[] }>({ view, cursors: [null] });
  const cursors = paging.view === view ? paging.cursors : [null];
  const setCursors = (next: (string | null)[]) => setPaging({ view, cursors: next });
  const cursor = cursors[cursors.length - 1] ?? null;
  const page = useEventPage(filter, cursor);

  const apply = (next: EventFilter) => setSearch(searchFromFilter(next));

  return (
    <Stack>
      <Title order={1}>{t('events.title')}</Title>
      <Text>{t('events.lead')}</Text>
      <EventFilterForm key={search.toString()} filter={filter} onApply={apply} />
      {page.isError && (
        <Alert role="alert" color="red.9" title={t('problem')}>
          {page.error.message}
        </Alert>
      )}
      {page.isPending && <Loader aria-label={t('loading')} />}
      {page.data && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover aria-label={t('events.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>
                  <VisuallyHidden>{t('events.details')}</VisuallyHidden>
                </Table.Th>
                <Table.Th>{t('events.position')}</Table.Th>
                <Table.Th>{t('events.stream')}</Table.Th>
                <Table.Th>{t('events.revision')}</Table.Th>
                <Table.Th>{t('events.type')}</Table.Th>
                <Table.Th>{t('events.recordedAt')}</Table.Th>
                <Table.Th>{t('events.actor')}</Table.Th>
                <Table.Th>{t('events.integrity.column')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {page.data.events.map((event) => (
                <EventRow key={event.id} event={event} />
              ))}
              {page.data.events.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={EVENT_COLUMNS}>
                    {page.data.next === null ? t('events.none') : t('events.noneHereYet')}
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group>
        <Button variant="default" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
          {t('events.previous')}
        </Button>
        <Button
          variant="default"
          disabled={!page.data?.next || page.isPlaceholderData}
          onClick={() => page.data?.next && setCursors([...cursors, page.data.next])}
        >
          {t('events.next')}
        </Button>
      </Group>
    </Stack>
  );
}

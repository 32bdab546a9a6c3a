import { Loader, NumberInput, Stack } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readFresh } from './case-read';
import { ApplicationTable, LicenseTable } from './case-tables';
import type { ApplicationView, CasePage, LicenseView } from './case-views';
import { CursorPager, useCursorPages } from '../../paging/cursor-pager';
import { ProblemAlert } from './problem-alert';
import type { WorkQueue } from './work-queues';

const PAGE_SIZE = 50;

/** One queue, a page at a time, with its own window (days, percent) where it takes one. */
export function WorkQueueTable({ queue, asOf }: { readonly queue: WorkQueue; readonly asOf: string }) {
  const { t } = useTranslation('officer');
  const [windowValue, setWindowValue] = useState<number | string>(queue.window?.initial ?? '');
  const [settledWindow] = useDebouncedValue(windowValue, 400);
  const windowQuery =
    queue.window && typeof settledWindow === 'number' ? { [queue.window.parameter]: settledWindow } : {};
  const pages = useCursorPages(JSON.stringify([queue.name, asOf, windowQuery]));
  const answer = useQuery({
    queryKey: ['cases', 'work-queue', queue.name, asOf, windowQuery, pages.cursor],
    queryFn: ({ signal }) =>
      readFresh<CasePage<ApplicationView | LicenseView>>(`/work-queues/${queue.name}`, {
        query: { limit: PAGE_SIZE, cursor: pages.cursor, asOf, ...windowQuery },
        signal,
      }),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack data-testid={`queue-${queue.name}`}>
      {queue.window && (
        <NumberInput
          label={t(`workQueues.${queue.window.parameter}`)}
          value={windowValue}
          onChange={setWindowValue}
          min={0}
          max={queue.window.max}
          maw={280}
        />
      )}
      <ProblemAlert error={answer.error} />
      {answer.isPending && <Loader aria-label={t('common:loading')} />}
      {answer.data &&
        (queue.kind === 'application' ? (
          <ApplicationTable applications={answer.data.items as ApplicationView[]} />
        ) : (
          <LicenseTable licenses={answer.data.items as LicenseView[]} />
        ))}
      <CursorPager
        page={pages.page}
        nextCursor={answer.data?.nextCursor}
        onNext={pages.next}
        onPrevious={pages.previous}
      />
    </Stack>
  );
}

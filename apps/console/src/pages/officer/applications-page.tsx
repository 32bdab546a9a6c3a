import { Loader, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApplicationTable } from './case-tables';
import { APPLICATION_STATUSES, type ApplicationView } from './case-views';
import { CaseListFilters } from './case-list-filters';
import { CursorPager } from '../../paging/cursor-pager';
import { ProblemAlert } from './problem-alert';
import { useCaseList } from './use-case-list';

/** Applications the reader may see (an exporter its own, a reviewer those assigned to them), filtered, a page at a time. */
export function ApplicationsPage() {
  const { t } = useTranslation('officer');
  const { answer, pages } = useCaseList<ApplicationView>('applications');
  return (
    <Stack>
      <Title order={1}>{t('lists.applicationsTitle')}</Title>
      <CaseListFilters statuses={APPLICATION_STATUSES} statusNames="applicationStatus" />
      <ProblemAlert error={answer.error} />
      {answer.isPending && <Loader aria-label={t('common:loading')} />}
      {answer.data && <ApplicationTable applications={answer.data.items} />}
      <CursorPager
        page={pages.page}
        nextCursor={answer.data?.nextCursor}
        onNext={pages.next}
        onPrevious={pages.previous}
      />
    </Stack>
  );
}

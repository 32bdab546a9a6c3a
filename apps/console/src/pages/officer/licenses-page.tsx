import { Loader, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LicenseTable } from './case-tables';
import { LICENSE_STATUSES, type LicenseView } from './case-views';
import { CaseListFilters } from './case-list-filters';
import { CursorPager } from '../../paging/cursor-pager';
import { ProblemAlert } from './problem-alert';
import { useCaseList } from './use-case-list';

/** Licenses the reader may see (an exporter its own), filtered, a page at a time. */
export function LicensesPage() {
  const { t } = useTranslation('officer');
  const { answer, pages } = useCaseList<LicenseView>('licenses');
  return (
    <Stack>
      <Title order={1}>{t('lists.licensesTitle')}</Title>
      <CaseListFilters statuses={LICENSE_STATUSES} statusNames="licenseStatus" />
      <ProblemAlert error={answer.error} />
      {answer.isPending && <Loader aria-label={t('common:loading')} />}
      {answer.data && <LicenseTable licenses={answer.data.items} />}
      <CursorPager
        page={pages.page}
        nextCursor={answer.data?.nextCursor}
        onNext={pages.next}
        onPrevious={pages.previous}
      />
    </Stack>
  );
}

import { legalDateAt } from '@licensing/domain';
import { Alert, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatInstant } from '../../format/formats';
import { PageLoader } from '../../layout/page-loader';
import { AnnouncementsList } from './announcements-list';
import { ChangesFeed } from './changes-feed';
import { KnownAtControl } from './known-at-control';
import { measureLabelsOf } from './measure-labels';
import { useAnnouncements, useKnownMeasures, useMeasureHistories } from './rule-history-api';
import { bandsOf } from './timeline-bands';
import { TimelineChart } from './timeline-chart';
import { TimelineTable } from './timeline-table';

/**
 * The policy officer's picture of the law over time: every measure's bands
 * as known at an instant (the address keeps it, `?knownAt=`, so a picture
 * can be shared), the changes that made them, the announcements behind them.
 */
export function RuleTimelinePage() {
  const { t, i18n } = useTranslation('policy');
  const language = i18n.resolvedLanguage ?? 'en';
  const [params, setParams] = useSearchParams();
  const knownAt = params.get('knownAt') ?? undefined;
  // "Now" is fixed when the page opens, so the queries keyed on it stay put.
  const [openedAt] = useState(() => new Date().toISOString());
  const asOf = knownAt ?? openedAt;
  const setKnownAt = (value: string | undefined) =>
    setParams(value ? { knownAt: value } : {}, { replace: true, preventScrollReset: true });

  const measures = useKnownMeasures(knownAt);
  const measureLabels = useMemo(() => measureLabelsOf(measures.data?.measures, language), [measures.data, language]);
  const { histories, loaded, error: historyError } = useMeasureHistories([...measureLabels.keys()], knownAt);
  const announcements = useAnnouncements();
  const bands = useMemo(() => bandsOf(histories), [histories]);
  const failure = measures.error ?? historyError ?? announcements.error;

  return (
    <Stack>
      <Title order={1}>{t('timeline.title')}</Title>
      <Text>{t('timeline.lead')}</Text>
      <KnownAtControl knownAt={knownAt} onChange={setKnownAt} />
      <Text fw={500} data-testid="known-at-caption">
        {knownAt ? t('timeline.asKnownAt', { knownAt: formatInstant(knownAt, language) }) : t('timeline.asKnownNow')}
      </Text>
      {failure && (
        <Alert color="red" role="alert" title={t('common:problem.title')}>
          {failure.message}
        </Alert>
      )}
      {(measures.isPending || !loaded) && !failure && <PageLoader />}
      {measures.isSuccess && measureLabels.size === 0 && <Text>{t('timeline.noMeasures')}</Text>}
      {loaded && measureLabels.size > 0 && (
        <>
          <div style={{ overflowX: 'auto' }}>
            <TimelineChart bands={bands} measureLabels={measureLabels} today={legalDateAt(openedAt)} />
          </div>
          <TimelineTable bands={bands} measureLabels={measureLabels} />
        </>
      )}
      <ChangesFeed
        knownAt={asOf}
        measureLabels={measureLabels}
        announcements={announcements.data?.announcements ?? []}
      />
      {announcements.isSuccess && (
        <AnnouncementsList
          // As known at the instant above: announcements recorded later were not known then.
          announcements={announcements.data.announcements.filter(
            (announcement) => Date.parse(announcement.recordedAt) <= Date.parse(asOf),
          )}
        />
      )}
    </Stack>
  );
}

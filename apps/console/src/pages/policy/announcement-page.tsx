import { Alert, Anchor, Stack, Table, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatAnnouncementNumber, formatInstant, formatLegalDate } from '../../format/formats';
import { PageLoader } from '../../layout/page-loader';
import { AnnouncementActsTable } from './announcement-acts-table';
import { measureLabelsOf } from './measure-labels';
import { useAnnouncement, useKnownMeasures } from './rule-history-api';

/** One announcement: what it is, and each act it orders on a measure with whether it was applied. */
export function AnnouncementPage() {
  const { t, i18n } = useTranslation('policy');
  const language = i18n.resolvedLanguage ?? 'en';
  const { announcementId = '' } = useParams();
  const announcement = useAnnouncement(announcementId);
  const measures = useKnownMeasures(undefined);
  const measureLabels = useMemo(() => measureLabelsOf(measures.data?.measures, language), [measures.data, language]);
  const back = (
    <Anchor component={Link} to="/rule-timeline">
      {t('announcement.backToTimeline')}
    </Anchor>
  );

  if (announcement.isPending) return <PageLoader />;
  if (announcement.isError) {
    return (
      <Stack>
        <Title order={1}>{announcementId}</Title>
        <Alert color="red" role="alert" title={t('common:problem.title')}>
          {announcement.error.message}
        </Alert>
        {back}
      </Stack>
    );
  }
  const { data } = announcement;
  const facts: [string, string][] = [
    [t('announcement.issuer'), data.issuer],
    [t('announcement.publishedOn'), formatLegalDate(data.publishedOn, language)],
    [t('announcement.textRef'), data.textRef],
    [t('announcement.recordedAt'), formatInstant(data.recordedAt, language)],
  ];
  return (
    <Stack>
      {back}
      <Title order={1}>{formatAnnouncementNumber(data.issuer, data.number, language)}</Title>
      <Table withTableBorder variant="vertical" maw={720}>
        <Table.Tbody>
          {facts.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" w={200}>
                {label}
              </Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={2} id="acts-title">
        {t('announcement.acts')}
      </Title>
      <AnnouncementActsTable acts={data.acts} measureLabels={measureLabels} />
    </Stack>
  );
}

import { Alert, Anchor, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatAnnouncementNumber, formatInstant } from '../../format/formats';
import { actDates } from './act-dates';
import { type Announcement, usePolicyChanges } from './rule-history-api';

const WINDOW_MS = 2 * 365 * 24 * 3600 * 1000;

/** What was learned in the two years up to `knownAt`, newest first, each change linked to the announcement that ordered it. */
export function ChangesFeed({
  knownAt,
  measureLabels,
  announcements,
}: {
  readonly knownAt: string;
  readonly measureLabels: ReadonlyMap<string, string>;
  readonly announcements: readonly Announcement[];
}) {
  const { t, i18n } = useTranslation('policy');
  const language = i18n.resolvedLanguage ?? 'en';
  const from = new Date(Date.parse(knownAt) - WINDOW_MS).toISOString();
  const changes = usePolicyChanges(from, knownAt);
  const byId = new Map(announcements.map((announcement) => [announcement.announcementId, announcement]));
  const rows = [...(changes.data?.changes ?? [])].reverse();

  return (
    <>
      <Title order={2} id="changes-title">
        {t('changes.title')}
      </Title>
      <Text>{t('changes.lead')}</Text>
      {changes.isError && (
        <Alert color="red" role="alert">
          {changes.error.message}
        </Alert>
      )}
      {changes.isSuccess && rows.length === 0 && <Text>{t('changes.none')}</Text>}
      {rows.length > 0 && (
        <Table striped withTableBorder aria-labelledby="changes-title" data-testid="changes-feed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('changes.recordedAt')}</Table.Th>
              <Table.Th scope="col">{t('changes.measure')}</Table.Th>
              <Table.Th scope="col">{t('changes.change')}</Table.Th>
              <Table.Th scope="col">{t('changes.announcement')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((change) => {
              const announcement = change.announcement ? byId.get(change.announcement.announcementId) : undefined;
              return (
                <Table.Tr
                  key={`${change.measureId}#${change.revision}`}
                  data-measure={change.measureId}
                  data-type={change.event.type}
                >
                  <Table.Td>{formatInstant(change.recordedAt, language)}</Table.Td>
                  <Table.Td>{measureLabels.get(change.measureId) ?? change.measureId}</Table.Td>
                  <Table.Td>
                    {t(`changes.types.${change.event.type}` as 'changes.types.MeasurePublished', {
                      defaultValue: change.event.type,
                    })}{' '}
                    {actDates(change.event.data, t, language)}
                  </Table.Td>
                  <Table.Td>
                    {change.announcement && (
                      <Anchor
                        component={Link}
                        to={`/announcements/${encodeURIComponent(change.announcement.announcementId)}`}
                      >
                        {announcement
                          ? formatAnnouncementNumber(announcement.issuer, announcement.number, language)
                          : change.announcement.announcementId}
                      </Anchor>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}

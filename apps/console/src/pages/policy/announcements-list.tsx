import { Anchor, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatAnnouncementNumber, formatLegalDate } from '../../format/formats';
import type { Announcement } from './rule-history-api';

/** Every recorded announcement, newest publication first, each linked to its page. */
export function AnnouncementsList({ announcements }: { readonly announcements: readonly Announcement[] }) {
  const { t, i18n } = useTranslation('policy');
  const language = i18n.resolvedLanguage ?? 'en';
  return (
    <>
      <Title order={2} id="announcements-title">
        {t('announcements.title')}
      </Title>
      {announcements.length === 0 ? (
        <Text>{t('announcements.none')}</Text>
      ) : (
        <Table striped withTableBorder aria-labelledby="announcements-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('announcements.number')}</Table.Th>
              <Table.Th scope="col">{t('announcements.publishedOn')}</Table.Th>
              <Table.Th scope="col">{t('announcements.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {announcements.map((announcement) => (
              <Table.Tr key={announcement.announcementId}>
                <Table.Td>
                  <Anchor component={Link} to={`/announcements/${encodeURIComponent(announcement.announcementId)}`}>
                    {formatAnnouncementNumber(announcement.issuer, announcement.number, language)}
                  </Anchor>
                </Table.Td>
                <Table.Td>{formatLegalDate(announcement.publishedOn, language)}</Table.Td>
                <Table.Td>{t(`announcements.statuses.${announcement.status}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}

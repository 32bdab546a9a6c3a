import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatLegalDate, formatQuantity } from '../../format/formats';
import type { ApplicationView, LicenseView } from './case-views';
import { ApplicationStatusBadge, LicenseStatusBadge } from './status-badges';

/** A legal date for the reader, or a dash when there is none yet. */
export function LegalDateText({ date }: { readonly date: string | null }) {
  const { t, i18n } = useTranslation('officer');
  return <>{date === null ? t('application.notYet') : formatLegalDate(date, i18n.resolvedLanguage ?? 'en')}</>;
}

function EmptyRow({ columns }: { readonly columns: number }) {
  const { t } = useTranslation('officer');
  return (
    <Table.Tr>
      <Table.Td colSpan={columns}>
        <Text size="sm">{t('lists.empty')}</Text>
      </Table.Td>
    </Table.Tr>
  );
}

export function ApplicationTable({ applications }: { readonly applications: readonly ApplicationView[] }) {
  const { t } = useTranslation('officer');
  return (
    <Table striped highlightOnHover data-testid="application-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('columns.application')}</Table.Th>
          <Table.Th scope="col">{t('columns.exporter')}</Table.Th>
          <Table.Th scope="col">{t('columns.status')}</Table.Th>
          <Table.Th scope="col">{t('columns.submittedOn')}</Table.Th>
          <Table.Th scope="col">{t('columns.reviewDeadline')}</Table.Th>
          <Table.Th scope="col">{t('columns.reviewer')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {applications.length === 0 && <EmptyRow columns={6} />}
        {applications.map((application) => (
          <Table.Tr key={application.id}>
            <Table.Td>
              <Anchor component={Link} to={`/applications/${encodeURIComponent(application.id)}`}>
                {application.id}
              </Anchor>
            </Table.Td>
            <Table.Td>{application.exporterId}</Table.Td>
            <Table.Td>
              <ApplicationStatusBadge status={application.status} />
            </Table.Td>
            <Table.Td>
              <LegalDateText date={application.submittedOn} />
            </Table.Td>
            <Table.Td>
              <LegalDateText date={application.reviewDeadline} />
            </Table.Td>
            <Table.Td>{application.reviewerId ?? t('application.notYet')}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function LicenseTable({ licenses }: { readonly licenses: readonly LicenseView[] }) {
  const { t, i18n } = useTranslation('officer');
  const language = i18n.resolvedLanguage ?? 'en';
  return (
    <Table striped highlightOnHover data-testid="license-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('columns.license')}</Table.Th>
          <Table.Th scope="col">{t('columns.exporter')}</Table.Th>
          <Table.Th scope="col">{t('columns.status')}</Table.Th>
          <Table.Th scope="col">{t('columns.validFrom')}</Table.Th>
          <Table.Th scope="col">{t('columns.validUntil')}</Table.Th>
          <Table.Th scope="col">{t('columns.remaining')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {licenses.length === 0 && <EmptyRow columns={6} />}
        {licenses.map((license) => (
          <Table.Tr key={license.id}>
            <Table.Td>
              <Anchor component={Link} to={`/licenses/${encodeURIComponent(license.id)}`}>
                {license.id}
              </Anchor>
            </Table.Td>
            <Table.Td>{license.exporterId}</Table.Td>
            <Table.Td>
              <LicenseStatusBadge status={license.status} />
            </Table.Td>
            <Table.Td>
              <LegalDateText date={license.validFrom} />
            </Table.Td>
            <Table.Td>
              <LegalDateText date={license.validUntil} />
            </Table.Td>
            <Table.Td>
              {license.items
                .map((line) => `${line.lineId}: ${formatQuantity(line.remaining, line.unit, language)}`)
                .join(' · ')}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

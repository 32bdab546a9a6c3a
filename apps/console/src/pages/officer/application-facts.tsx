import { Anchor, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatLegalDate, formatQuantity } from '../../format/formats';
import { LegalDateText } from './case-tables';
import type { ApplicationView } from './case-views';

export function Fact({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <div>
      <Text size="sm" fw={700}>
        {label}
      </Text>
      <Text>{children}</Text>
    </div>
  );
}

/** What the application asks for and where it stands. */
export function ApplicationFacts({ application }: { readonly application: ApplicationView }) {
  const { t, i18n } = useTranslation('officer');
  const language = i18n.resolvedLanguage ?? 'en';
  const pending = application.pendingDocuments;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="application-facts">
      <Stack>
        <Title order={2} id="application-facts">
          {t('application.facts')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact label={t('application.exporter')}>{application.exporterId}</Fact>
          <Fact label={t('application.licenseType')}>{t(`licenseType.${application.licenseType}`)}</Fact>
          <Fact label={t('application.destination')}>{application.destination}</Fact>
          <Fact label={t(application.endUsers.length > 1 ? 'application.endUsers' : 'application.endUser')}>
            {application.endUsers.map((party) => `${party.name} (${party.country})`).join('; ')}
          </Fact>
          <Fact label={t('application.submittedOn')}>
            <LegalDateText date={application.submittedOn} />
          </Fact>
          <Fact label={t('application.reviewDeadline')}>
            <LegalDateText date={application.reviewDeadline} />
          </Fact>
          <Fact label={t('application.reviewer')}>{application.reviewerId ?? t('application.noReviewer')}</Fact>
          {application.licenseId !== null && (
            <Fact label={t('application.license')}>
              <Anchor component={Link} to={`/licenses/${encodeURIComponent(application.licenseId)}`}>
                {application.licenseId}
              </Anchor>
            </Fact>
          )}
        </SimpleGrid>
        {pending !== null && (
          <Text>
            {t('application.pendingDocuments', {
              date: formatLegalDate(pending.requestedOn, language),
              documents: pending.documents.join(', '),
              reason: pending.reason,
            })}
          </Text>
        )}
        <Table captionSide="top">
          <Table.Caption c="gray.8" ta="left" fw={700}>
            {t('application.items')}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('application.line')}</Table.Th>
              <Table.Th scope="col">{t('application.controlCode')}</Table.Th>
              <Table.Th scope="col">{t('application.description')}</Table.Th>
              <Table.Th scope="col">{t('application.quantity')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {application.items.map((item) => (
              <Table.Tr key={item.lineId}>
                <Table.Td>{item.lineId}</Table.Td>
                <Table.Td>{item.controlCode}</Table.Td>
                <Table.Td>{item.description}</Table.Td>
                <Table.Td>{formatQuantity(item.quantity.amount, item.quantity.unit, language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}

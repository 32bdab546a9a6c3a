import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatLegalDate, formatQuantity } from '../../format/formats';
import type { LicenseView } from './case-views';

/** Suspension, revocation and end users: what limits the license on the date read. */
export function LicenseStanding({ license }: { readonly license: LicenseView }) {
  const { t, i18n } = useTranslation('officer');
  const language = i18n.resolvedLanguage ?? 'en';
  const { suspension, revocation } = license;
  return (
    <Stack gap="xs">
      <Title order={3}>{t('license.suspension')}</Title>
      {suspension === null ? (
        <Text>{t('license.noSuspension')}</Text>
      ) : (
        <Text data-testid="license-suspension">
          {suspension.until === null
            ? t('license.suspendedIndefinitely', {
                date: formatLegalDate(suspension.suspendedOn, language),
                reason: suspension.reason,
              })
            : t('license.suspended', {
                date: formatLegalDate(suspension.suspendedOn, language),
                until: formatLegalDate(suspension.until, language),
                reason: suspension.reason,
              })}{' '}
          {t(suspension.inEffect ? 'license.suspensionInEffect' : 'license.suspensionLapsed')}
        </Text>
      )}
      {revocation !== null && (
        <Text>
          {t('license.revoked', { date: formatLegalDate(revocation.revokedOn, language), reason: revocation.reason })}
        </Text>
      )}
      <Title order={3}>{t('license.endUsers')}</Title>
      <Text>{license.endUsers.map((party) => `${party.name} (${party.country})`).join('; ')}</Text>
    </Stack>
  );
}

export function LicenseLines({ license }: { readonly license: LicenseView }) {
  const { t, i18n } = useTranslation('officer');
  const language = i18n.resolvedLanguage ?? 'en';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="license-lines">
      <Title order={2} id="license-lines">
        {t('license.lines')}
      </Title>
      <Table data-testid="license-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('license.line')}</Table.Th>
            <Table.Th scope="col">{t('license.controlCode')}</Table.Th>
            <Table.Th scope="col">{t('license.description')}</Table.Th>
            <Table.Th scope="col">{t('license.licensed')}</Table.Th>
            <Table.Th scope="col">{t('license.shipped')}</Table.Th>
            <Table.Th scope="col">{t('license.remaining')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {license.items.map((line) => (
            <Table.Tr key={line.lineId}>
              <Table.Td>{line.lineId}</Table.Td>
              <Table.Td>{line.controlCode}</Table.Td>
              <Table.Td>{line.description}</Table.Td>
              <Table.Td>{formatQuantity(line.licensed, line.unit, language)}</Table.Td>
              <Table.Td>{formatQuantity(line.shipped, line.unit, language)}</Table.Td>
              <Table.Td fw={700}>{formatQuantity(line.remaining, line.unit, language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

export function LicenseShipments({ license }: { readonly license: LicenseView }) {
  const { t, i18n } = useTranslation('officer');
  const language = i18n.resolvedLanguage ?? 'en';
  const unitOf = new Map(license.items.map((line) => [line.lineId, line.unit]));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="license-shipments">
      <Title order={2} id="license-shipments">
        {t('license.shipments')}
      </Title>
      {license.shipments.length === 0 ? (
        <Text>{t('license.noShipments')}</Text>
      ) : (
        <Table data-testid="license-shipments">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('license.shipment')}</Table.Th>
              <Table.Th scope="col">{t('license.shippedOn')}</Table.Th>
              <Table.Th scope="col">{t('license.customsRef')}</Table.Th>
              <Table.Th scope="col">{t('license.shipmentLines')}</Table.Th>
              <Table.Th scope="col">{t('license.shipmentStatus')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {license.shipments.map((shipment) => (
              <Table.Tr key={shipment.shipmentId}>
                <Table.Td>{shipment.shipmentId}</Table.Td>
                <Table.Td>{formatLegalDate(shipment.shippedOn, language)}</Table.Td>
                <Table.Td>{shipment.customsDeclarationRef}</Table.Td>
                <Table.Td>
                  {shipment.lines
                    .map(
                      (line) =>
                        `${line.lineId}: ${formatQuantity(line.quantity, unitOf.get(line.lineId) ?? '', language)}`,
                    )
                    .join(' · ')}
                </Table.Td>
                <Table.Td>
                  {t(`license.shipmentStatuses.${shipment.status}`)}
                  {shipment.changes
                    .map((change) => ` · ${formatLegalDate(change.on, language)}: ${change.reason}`)
                    .join('')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

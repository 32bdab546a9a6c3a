import { Alert, Badge, Card, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format/formats';
import { ConsumerLagChart } from './consumer-lag-chart';
import { POLL_MS, useConsumerLag } from './use-consumer-lag';
import { STATUS_COLOURS } from '../audit/status-colours';

/** Every consumer of the event log in the service, its lag over time and as it stands now. */
export function ConsumersPage() {
  const { t, i18n } = useTranslation('ops');
  const language = i18n.resolvedLanguage ?? 'en';
  const reading = useConsumerLag();
  const lagOf = (name: string) => reading.data?.readiness.details.readModels.models[name];
  const relay = reading.data?.consumers.relay;
  const samples = reading.data?.samples ?? [];

  return (
    <Stack>
      <Title order={1}>{t('consumers.title')}</Title>
      <Text>{t('consumers.lead', { seconds: POLL_MS / 1000 })}</Text>
      {reading.isError && (
        <Alert role="alert" color="red.9" title={t('problem')}>
          {reading.error.message}
        </Alert>
      )}
      <Card withBorder component="section" aria-labelledby="lag-chart-title">
        <Title order={2} size="h3" id="lag-chart-title" mb="sm">
          {t('consumers.chartTitle')}
        </Title>
        {samples.length === 0 ? <Loader aria-label={t('loading')} /> : <ConsumerLagChart samples={samples} />}
      </Card>
      {reading.data && (
        <Table striped withTableBorder>
          <Table.Caption c="gray.9">{t('consumers.tableCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('consumers.name')}</Table.Th>
              <Table.Th>{t('consumers.version')}</Table.Th>
              <Table.Th>{t('consumers.position')}</Table.Th>
              <Table.Th>{t('consumers.lag')}</Table.Th>
              <Table.Th>{t('consumers.state')}</Table.Th>
              <Table.Th>{t('consumers.lastError')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reading.data.consumers.readModels.map((model) => {
              const lag = lagOf(model.name);
              return (
                <Table.Tr key={model.name} data-consumer={model.name}>
                  <Table.Td>{model.name}</Table.Td>
                  <Table.Td>{model.version}</Table.Td>
                  <Table.Td>{model.position === null ? '—' : formatNumber(model.position, language)}</Table.Td>
                  <Table.Td>
                    {lag === undefined
                      ? '—'
                      : t(lag.lagExact ? 'consumers.lagExact' : 'consumers.lagAtLeast', {
                          events: formatNumber(lag.lagEvents, language),
                        })}
                  </Table.Td>
                  <Table.Td>
                    <Badge miw="max-content" color={model.caughtUp ? STATUS_COLOURS.good : STATUS_COLOURS.warning}>
                      {t(model.caughtUp ? 'consumers.caughtUp' : 'consumers.catchingUp')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{model.lastError ?? '—'}</Table.Td>
                </Table.Tr>
              );
            })}
            {relay?.enabled && (
              <Table.Tr data-consumer={relay.relayName}>
                <Table.Td>{relay.relayName}</Table.Td>
                <Table.Td>—</Table.Td>
                <Table.Td>
                  {relay.publishedPosition === null ? '—' : formatNumber(relay.publishedPosition, language)}
                </Table.Td>
                <Table.Td>
                  {t(relay.lagExact ? 'consumers.lagExact' : 'consumers.lagAtLeast', {
                    events: formatNumber(relay.lagEvents, language),
                  })}
                </Table.Td>
                <Table.Td>
                  <Badge miw="max-content" color="gray.8">
                    {relay.state}
                  </Badge>
                </Table.Td>
                <Table.Td>{relay.lastError ?? '—'}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      )}
      {relay && !relay.enabled && <Text>{t('consumers.noRelay')}</Text>}
    </Stack>
  );
}

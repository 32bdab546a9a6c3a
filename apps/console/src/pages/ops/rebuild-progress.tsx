import { Badge, Card, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatInstant, formatNumber } from '../../format/formats';
import type { Rebuild } from './ops-types';
import { STATUS_COLOURS } from '../audit/status-colours';

const STATE_COLOURS: Record<Rebuild['state'], string> = {
  running: 'blue.9',
  completed: STATUS_COLOURS.good,
  failed: 'red.9',
};

const percentOf = (done: number, total: number) => (total === 0 ? 100 : Math.min(100, (100 * done) / total));

/** One rebuild: its state, rate and time left, and a bar per read model until each is swapped in. */
export function RebuildProgress({ rebuild }: { readonly rebuild: Rebuild }) {
  const { t, i18n } = useTranslation('ops');
  const language = i18n.resolvedLanguage ?? 'en';
  const n = (value: number) => formatNumber(value, language);
  return (
    <Card withBorder component="article" aria-labelledby={`rebuild-${rebuild.id}`} data-rebuild={rebuild.id}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4" id={`rebuild-${rebuild.id}`}>
            {t('rebuilds.rebuild', { id: rebuild.id })}
          </Title>
          <Badge miw="max-content" color={STATE_COLOURS[rebuild.state]} data-state={rebuild.state}>
            {t(`rebuilds.states.${rebuild.state}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {t('rebuilds.started', { at: formatInstant(rebuild.startedAt, language) })}
          {rebuild.finishedAt && ` · ${t('rebuilds.finished', { at: formatInstant(rebuild.finishedAt, language) })}`}
          {` · ${t('rebuilds.rate', { rate: formatNumber(rebuild.eventsPerSecond, language, 0) })}`}
          {rebuild.etaSeconds !== null && ` · ${t('rebuilds.eta', { seconds: n(Math.ceil(rebuild.etaSeconds)) })}`}
        </Text>
        {rebuild.error && <Text c="red.9">{rebuild.error}</Text>}
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={200}>{t('rebuilds.readModel')}</Table.Th>
              <Table.Th>{t('rebuilds.progress')}</Table.Th>
              <Table.Th w={160}>{t('rebuilds.events')}</Table.Th>
              <Table.Th w={140}>{t('rebuilds.swap')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rebuild.readModels.map((model) => (
              <Table.Tr key={model.name}>
                <Table.Td>{model.name}</Table.Td>
                <Table.Td>
                  <Progress
                    value={model.swapped ? 100 : percentOf(model.doneEvents, model.totalEvents)}
                    color={model.swapped ? STATUS_COLOURS.good : 'blue.9'}
                    aria-label={t('rebuilds.progressOf', { name: model.name })}
                    size="lg"
                  />
                </Table.Td>
                <Table.Td>{`${n(model.doneEvents)} / ${n(model.totalEvents)}`}</Table.Td>
                <Table.Td>{t(model.swapped ? 'rebuilds.swapped' : 'rebuilds.notSwapped')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
}

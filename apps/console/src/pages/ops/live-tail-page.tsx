import { Alert, Badge, Button, Group, MultiSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant, formatNumber } from '../../format/formats';
import { CATEGORIES } from '../audit/event-filter';
import { KEPT_EVENTS, type TailState, useLiveTail } from './use-live-tail';
import { STATUS_COLOURS } from '../audit/status-colours';

const STATE_COLOURS: Record<TailState, string> = {
  connecting: 'gray.8',
  live: STATUS_COLOURS.good,
  paused: STATUS_COLOURS.warning,
  refused: 'red.9',
};

/** New events of the log as they are committed, newest first, with pause/resume and a category filter. */
export function LiveTailPage() {
  const { t, i18n } = useTranslation('ops');
  const language = i18n.resolvedLanguage ?? 'en';
  const [categories, setCategories] = useState<string[]>([]);
  const [paused, setPaused] = useState(false);
  const tail = useLiveTail({ categories, paused });

  return (
    <Stack>
      <Title order={1}>{t('tail.title')}</Title>
      <Text>{t('tail.lead', { kept: KEPT_EVENTS })}</Text>
      <Group align="flex-end">
        <MultiSelect
          label={t('tail.categories')}
          placeholder={categories.length === 0 ? t('tail.allCategories') : undefined}
          data={CATEGORIES.map((category) => ({ value: category, label: t(`tail.categoryNames.${category}`) }))}
          value={categories}
          onChange={setCategories}
          clearable
          w={360}
        />
        <Button variant="default" onClick={() => setPaused(!paused)}>
          {paused ? t('tail.resume') : t('tail.pause')}
        </Button>
        <Button variant="default" onClick={tail.clear}>
          {t('tail.clear')}
        </Button>
        <Badge miw="max-content" color={STATE_COLOURS[tail.state]} size="lg" data-state={tail.state} aria-live="polite">
          {t(`tail.states.${tail.state}`)}
        </Badge>
      </Group>
      {tail.problem && (
        <Alert role="alert" color="red.9" title={t('problem')}>
          {tail.problem}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={800}>
        <Table striped aria-label={t('tail.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('tail.position')}</Table.Th>
              <Table.Th>{t('tail.recordedAt')}</Table.Th>
              <Table.Th>{t('tail.stream')}</Table.Th>
              <Table.Th>{t('tail.type')}</Table.Th>
              <Table.Th>{t('tail.actor')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tail.events.map((event) => (
              <Table.Tr key={event.position} data-event-type={event.type} data-stream={event.streamId}>
                <Table.Td>{formatNumber(event.position, language)}</Table.Td>
                <Table.Td>
                  {event.metadata.recordedAt === undefined ? '' : formatInstant(event.metadata.recordedAt, language)}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {event.streamId}
                  </Text>
                </Table.Td>
                <Table.Td>{event.type}</Table.Td>
                <Table.Td>{event.metadata.actor ?? ''}</Table.Td>
              </Table.Tr>
            ))}
            {tail.events.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>{t('tail.waiting')}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

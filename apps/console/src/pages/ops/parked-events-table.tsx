import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatInstant, formatNumber } from '../../format/formats';
import { STATUS_COLOURS } from '../audit/status-colours';
import type { ParkedEvent, ParkedState } from './ops-types';
import type { ParkedAction } from './parked-event-decision';

const STATE_COLOURS: Record<ParkedState, string> = {
  parked: STATUS_COLOURS.warning,
  resolved: STATUS_COLOURS.good,
  skipped: 'gray.8',
};

interface Props {
  readonly parkedEvents: readonly ParkedEvent[];
  /** Null for a role that may only read the list (auditors): no action column. */
  readonly onDecide: ((event: ParkedEvent, action: ParkedAction) => void) | null;
}

/** Where each event was parked, why, how often it failed, its state; retry and skip while it is parked. */
export function ParkedEventsTable({ parkedEvents, onDecide }: Props) {
  const { t, i18n } = useTranslation('ops');
  const language = i18n.resolvedLanguage ?? 'en';
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table striped>
        <Table.Caption c="gray.9">{t('parked.caption', { count: parkedEvents.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('parked.where')}</Table.Th>
            <Table.Th>{t('parked.position')}</Table.Th>
            <Table.Th>{t('parked.event')}</Table.Th>
            <Table.Th>{t('parked.error')}</Table.Th>
            <Table.Th>{t('parked.attempts')}</Table.Th>
            <Table.Th>{t('parked.lastFailedAt')}</Table.Th>
            <Table.Th>{t('parked.state')}</Table.Th>
            {onDecide && <Table.Th>{t('parked.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {parkedEvents.map((event) => (
            <Table.Tr key={event.id} data-parked-id={event.id}>
              <Table.Td>{event.where}</Table.Td>
              <Table.Td>{formatNumber(event.position, language)}</Table.Td>
              <Table.Td>
                <Text size="sm">{event.eventType}</Text>
                <Text size="sm" ff="monospace">
                  {event.streamId}
                </Text>
              </Table.Td>
              <Table.Td maw={360}>
                <Text size="sm" lineClamp={4} title={event.error}>
                  {event.error}
                </Text>
              </Table.Td>
              <Table.Td>{formatNumber(event.attempts, language)}</Table.Td>
              <Table.Td>{formatInstant(event.lastFailedAt, language)}</Table.Td>
              <Table.Td>
                <Badge miw="max-content" color={STATE_COLOURS[event.state]}>
                  {t(`parked.states.${event.state}`)}
                </Badge>
              </Table.Td>
              {onDecide && (
                <Table.Td>
                  {event.state === 'parked' && (
                    <Group gap="xs" wrap="nowrap">
                      {(['retry', 'skip'] as const).map((action) => (
                        <Button
                          key={action}
                          size="xs"
                          variant="default"
                          onClick={() => onDecide(event, action)}
                          aria-label={t(`parked.${action}Title`, { id: event.id })}
                        >
                          {t(`parked.${action}`)}
                        </Button>
                      ))}
                    </Group>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
          {parkedEvents.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={onDecide ? 8 : 7}>{t('parked.none')}</Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

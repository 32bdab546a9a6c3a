import { ActionIcon, Anchor, Badge, Code, Loader, Table, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant, formatNumber } from '../../format/formats';
import type { EventEnvelope } from './audit-types';
import { type IntegrityStatus, useEventIntegrity } from './use-event-integrity';
import { STATUS_COLOURS } from './status-colours';

const INTEGRITY_COLOURS: Record<IntegrityStatus, string> = {
  verified: STATUS_COLOURS.good,
  altered: 'red.9',
  not_in_log: 'red.9',
  unproved: STATUS_COLOURS.warning,
};

export const EVENT_COLUMNS = 8;

/** The browser's verdict on one event: its own hash and its leaf in a signed tree head. */
function IntegrityBadge({ event }: { readonly event: EventEnvelope }) {
  const { t, i18n } = useTranslation('audit');
  const integrity = useEventIntegrity(event);
  if (integrity.isPending) return <Loader size="xs" aria-label={t('events.integrity.checking')} />;
  if (integrity.isError)
    return (
      <Badge miw="max-content" color="gray.8" variant="outline" title={integrity.error.message}>
        {t('events.integrity.unknown')}
      </Badge>
    );
  const { status, leafIndex, treeSize } = integrity.data;
  const where =
    leafIndex === null || treeSize === null
      ? (integrity.data.detail ?? '')
      : t('events.integrity.where', {
          leaf: formatNumber(leafIndex, i18n.resolvedLanguage ?? 'en'),
          size: formatNumber(treeSize, i18n.resolvedLanguage ?? 'en'),
        });
  return (
    <Tooltip label={where} disabled={where === ''}>
      <Badge miw="max-content" color={INTEGRITY_COLOURS[status]} data-integrity={status}>
        {t(`events.integrity.${status}`)}
      </Badge>
    </Tooltip>
  );
}

/** One event: its place, stream, type, when and by whom, its integrity; the whole envelope on demand. */
export function EventRow({ event }: { readonly event: EventEnvelope }) {
  const { t, i18n } = useTranslation('audit');
  const language = i18n.resolvedLanguage ?? 'en';
  const [open, setOpen] = useState(false);
  const recordedAt = event.metadata.recordedAt;
  return (
    <>
      <Table.Tr data-event-id={event.id}>
        <Table.Td>
          <ActionIcon
            variant="subtle"
            aria-expanded={open}
            aria-label={t(open ? 'events.collapse' : 'events.expand', { position: event.position })}
            onClick={() => setOpen(!open)}
          >
            {open ? '−' : '+'}
          </ActionIcon>
        </Table.Td>
        <Table.Td>{formatNumber(event.position, language)}</Table.Td>
        <Table.Td>
          <Anchor
            component={Link}
            to={`/events?source=stream&streamId=${encodeURIComponent(event.streamId)}`}
            size="sm"
            ff="monospace"
          >
            {event.streamId}
          </Anchor>
        </Table.Td>
        <Table.Td>{formatNumber(event.revision, language)}</Table.Td>
        <Table.Td>{event.type}</Table.Td>
        <Table.Td>{recordedAt === undefined ? '' : formatInstant(recordedAt, language)}</Table.Td>
        <Table.Td>{event.metadata.actor ?? ''}</Table.Td>
        <Table.Td>
          <IntegrityBadge event={event} />
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={EVENT_COLUMNS}>
            <Code block>{JSON.stringify(event, null, 2)}</Code>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../format/formats';
import { actDates } from './act-dates';
import type { AnnouncementAct } from './rule-history-api';

const STATE_COLOURS: Record<AnnouncementAct['state'], string> = { pending: 'yellow', applied: 'green', refused: 'red' };

/** The acts an announcement orders, in the order they are applied, and how each went. */
export function AnnouncementActsTable({
  acts,
  measureLabels,
}: {
  readonly acts: readonly AnnouncementAct[];
  readonly measureLabels: ReadonlyMap<string, string>;
}) {
  const { t, i18n } = useTranslation('policy');
  const language = i18n.resolvedLanguage ?? 'en';
  return (
    <Table striped withTableBorder aria-labelledby="acts-title" data-testid="announcement-acts">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('announcement.act')}</Table.Th>
          <Table.Th scope="col">{t('announcement.kind')}</Table.Th>
          <Table.Th scope="col">{t('announcement.measure')}</Table.Th>
          <Table.Th scope="col">{t('announcement.details')}</Table.Th>
          <Table.Th scope="col">{t('announcement.state')}</Table.Th>
          <Table.Th scope="col">{t('announcement.settledAt')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {acts.map(({ act, state, refusal, settledAt }) => (
          <Table.Tr key={act.actId} data-act={act.actId} data-state={state}>
            <Table.Td>{act.actId}</Table.Td>
            <Table.Td>
              {t(`announcement.kinds.${act.kind}` as 'announcement.kinds.suspend', { defaultValue: act.kind })}
            </Table.Td>
            <Table.Td>{measureLabels.get(act.measureId) ?? act.measureId}</Table.Td>
            <Table.Td>{actDates(act, t, language)}</Table.Td>
            <Table.Td>
              <Badge color={STATE_COLOURS[state]} variant="dot" miw="max-content">
                {t(`announcement.actStates.${state}`)}
              </Badge>
              {refusal && <Text size="sm">{t('announcement.refusedBecause', { reason: refusal.reason })}</Text>}
            </Table.Td>
            <Table.Td>{settledAt ? formatInstant(settledAt, language) : ''}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

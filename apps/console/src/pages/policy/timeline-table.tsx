import { Badge, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatLegalDate } from '../../format/formats';
import type { Band } from './timeline-bands';

const BADGE_COLOURS: Record<string, string> = {
  not_yet_in_force: 'blue',
  in_force: 'green',
  suspended: 'orange',
  repealed: 'gray',
};

/** The chart's bands as a table: what screen readers (and tests) read. */
export function TimelineTable({
  bands,
  measureLabels,
}: {
  readonly bands: readonly Band[];
  readonly measureLabels: ReadonlyMap<string, string>;
}) {
  const { t, i18n } = useTranslation('policy');
  const language = i18n.resolvedLanguage ?? 'en';
  return (
    <>
      <Title order={2} id="timeline-table-title">
        {t('timeline.tableTitle')}
      </Title>
      <Table striped withTableBorder aria-labelledby="timeline-table-title" data-testid="rule-timeline-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('timeline.measure')}</Table.Th>
            <Table.Th scope="col">{t('timeline.state')}</Table.Th>
            <Table.Th scope="col">{t('timeline.from')}</Table.Th>
            <Table.Th scope="col">{t('timeline.until')}</Table.Th>
            <Table.Th scope="col">{t('timeline.suspendedBy')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {bands.map((band) => (
            <Table.Tr
              key={`${band.measureId}-${band.from ?? ''}`}
              data-measure={band.measureId}
              data-state={band.status}
              data-from={band.from ?? ''}
              data-until={band.until ?? ''}
            >
              <Table.Th scope="row">{measureLabels.get(band.measureId) ?? band.measureId}</Table.Th>
              <Table.Td>
                <Badge color={BADGE_COLOURS[band.status]} variant="dot" miw="max-content">
                  {t(`states.${band.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{band.from === null ? '' : formatLegalDate(band.from, language)}</Table.Td>
              <Table.Td>
                {band.until === null ? t('timeline.openEnded') : formatLegalDate(band.until, language)}
              </Table.Td>
              <Table.Td>{band.suspendedBy.join(', ')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

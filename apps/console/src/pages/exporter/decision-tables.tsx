import type { DecisionRecord } from '@licensing/domain';
import { Badge, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const OUTCOME_COLOURS: Record<DecisionRecord['outcomes'][number]['outcome'], string> = {
  not_applicable: 'gray',
  pass: 'green',
  license_required: 'orange',
  case_by_case: 'yellow',
  deny: 'red',
};

/** Every measure the evaluation looked at: its state on the date and whether it controls this export. */
export function DecisionMeasuresTable({ decision }: { readonly decision: DecisionRecord }) {
  const { t } = useTranslation('exporter');
  return (
    <>
      <Title order={4}>{t('decision.measures')}</Title>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('decision.measure')}</Table.Th>
            <Table.Th scope="col">{t('decision.status')}</Table.Th>
            <Table.Th scope="col">{t('decision.applies')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {decision.measures.map((measure) => (
            <Table.Tr key={measure.measureId} data-measure={measure.measureId}>
              <Table.Td>
                {measure.title} ({measure.measureId})
              </Table.Td>
              <Table.Td>{t(`decision.statuses.${measure.status}`)}</Table.Td>
              <Table.Td>{measure.applies ? t('decision.yes') : t('decision.no')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

/** Each rule's outcome and its reason, the line it is about where it is about one. */
export function DecisionOutcomesTable({ decision }: { readonly decision: DecisionRecord }) {
  const { t } = useTranslation('exporter');
  return (
    <>
      <Title order={4}>{t('decision.outcomesTitle')}</Title>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('decision.rule')}</Table.Th>
            <Table.Th scope="col">{t('decision.line')}</Table.Th>
            <Table.Th scope="col">{t('decision.outcome')}</Table.Th>
            <Table.Th scope="col">{t('decision.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {decision.outcomes.map((outcome, index) => (
            <Table.Tr key={`${outcome.rule}-${outcome.measureId ?? ''}-${outcome.lineId ?? ''}-${index}`}>
              <Table.Td>
                {outcome.rule}
                {outcome.measureId ? ` (${outcome.measureId})` : ''}
              </Table.Td>
              <Table.Td>{outcome.lineId ?? ''}</Table.Td>
              <Table.Td>
                <Badge color={OUTCOME_COLOURS[outcome.outcome]} variant="dot" miw="max-content">
                  {t(`decision.outcomes.${outcome.outcome}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{outcome.reason}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

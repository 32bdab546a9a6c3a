import type { DecisionRecord } from '@licensing/domain';
import { Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function MeasuresTable({ measures }: { readonly measures: DecisionRecord['measures'] }) {
  const { t } = useTranslation('officer');
  // The measures that applied first: they are why a license was needed.
  const ordered = [...measures].sort((a, b) => Number(b.applies) - Number(a.applies));
  return (
    <>
      <Title order={3} size="h5">
        {t('decision.measuresApplied')}
      </Title>
      <Table data-testid="decision-measures">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('decision.measure')}</Table.Th>
            <Table.Th scope="col">{t('decision.version')}</Table.Th>
            <Table.Th scope="col">{t('decision.measureStatus')}</Table.Th>
            <Table.Th scope="col">{t('decision.applies')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ordered.map((measure) => (
            <Table.Tr key={measure.measureId} fw={measure.applies ? 700 : undefined}>
              <Table.Td>{measure.title}</Table.Td>
              <Table.Td>{measure.version}</Table.Td>
              <Table.Td>{t(`decision.measureStatuses.${measure.status}`)}</Table.Td>
              <Table.Td>{t(measure.applies ? 'decision.yes' : 'decision.no')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

/** Every rule's outcome and the evaluator's reason, the rules that decided something first. */
export function RuleOutcomesTable({ outcomes }: { readonly outcomes: DecisionRecord['outcomes'] }) {
  const { t } = useTranslation('officer');
  const decisive = outcomes.filter((outcome) => outcome.outcome !== 'not_applicable');
  const rest = outcomes.filter((outcome) => outcome.outcome === 'not_applicable');
  return (
    <>
      <Title order={3} size="h5">
        {t('decision.outcomes')}
      </Title>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('decision.rule')}</Table.Th>
            <Table.Th scope="col">{t('decision.ruleOutcome')}</Table.Th>
            <Table.Th scope="col">{t('decision.ruleReason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...decisive, ...rest].map((outcome, index) => (
            <Table.Tr key={index}>
              <Table.Td>
                {outcome.rule}
                {outcome.lineId === undefined ? '' : ` (${outcome.lineId})`}
              </Table.Td>
              <Table.Td>{t(`decision.ruleOutcomes.${outcome.outcome}`)}</Table.Td>
              <Table.Td>{outcome.reason}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

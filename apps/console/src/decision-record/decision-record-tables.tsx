import type { DecisionRecord } from '@licensing/domain';
import { Badge, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HeadingOrder } from './decision-record-details';

const OUTCOME_COLOURS: Record<DecisionRecord['outcomes'][number]['outcome'], string> = {
  not_applicable: 'gray',
  pass: 'green',
  license_required: 'orange',
  case_by_case: 'yellow',
  deny: 'red',
};

/** Every measure the evaluation looked at, those that applied first: they are why a license was needed. */
export function MeasuresTable({
  measures,
  headingOrder,
}: {
  readonly measures: DecisionRecord['measures'];
  readonly headingOrder: HeadingOrder;
}) {
  const { t } = useTranslation('decision');
  const ordered = [...measures].sort((a, b) => Number(b.applies) - Number(a.applies));
  return (
    <>
      <Title order={headingOrder} size="h5">
        {t('measures')}
      </Title>
      <Table striped withTableBorder data-testid="decision-measures">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('measure')}</Table.Th>
            <Table.Th scope="col">{t('version')}</Table.Th>
            <Table.Th scope="col">{t('measureStatus')}</Table.Th>
            <Table.Th scope="col">{t('applies')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ordered.map((measure) => (
            <Table.Tr key={measure.measureId} data-measure={measure.measureId} fw={measure.applies ? 700 : undefined}>
              <Table.Td>
                {measure.title} ({measure.measureId})
              </Table.Td>
              <Table.Td>{measure.version}</Table.Td>
              <Table.Td>{t(`measureStatuses.${measure.status}`)}</Table.Td>
              <Table.Td>{t(measure.applies ? 'yes' : 'no')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

/** Every rule's outcome and the evaluator's reason, the rules that decided something first. */
export function RuleOutcomesTable({
  outcomes,
  headingOrder,
}: {
  readonly outcomes: DecisionRecord['outcomes'];
  readonly headingOrder: HeadingOrder;
}) {
  const { t } = useTranslation('decision');
  const decisive = outcomes.filter((outcome) => outcome.outcome !== 'not_applicable');
  const rest = outcomes.filter((outcome) => outcome.outcome === 'not_applicable');
  return (
    <>
      <Title order={headingOrder} size="h5">
        {t('outcomes')}
      </Title>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('rule')}</Table.Th>
            <Table.Th scope="col">{t('line')}</Table.Th>
            <Table.Th scope="col">{t('ruleOutcome')}</Table.Th>
            <Table.Th scope="col">{t('ruleReason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...decisive, ...rest].map((outcome, index) => (
            <Table.Tr key={index}>
              <Table.Td>
                {outcome.rule}
                {outcome.measureId ? ` (${outcome.measureId})` : ''}
              </Table.Td>
              <Table.Td>{outcome.lineId ?? ''}</Table.Td>
              <Table.Td>
                <Badge color={OUTCOME_COLOURS[outcome.outcome]} variant="dot" miw="max-content">
                  {t(`ruleOutcomes.${outcome.outcome}`)}
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

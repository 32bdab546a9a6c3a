import { Badge, Code, Stack, Table, Text, Title } from '@mantine/core';
import type { ComparisonChange, DecisionComparison } from '@licensing/domain';
import { useTranslation } from 'react-i18next';
import { STATUS_COLOURS } from './status-colours';

const CHANGE_COLOURS: Record<ComparisonChange, string> = {
  added: STATUS_COLOURS.good,
  removed: 'red.9',
  changed: STATUS_COLOURS.warning,
};

function ChangeBadge({ change }: { readonly change: ComparisonChange }) {
  const { t } = useTranslation('audit');
  return (
    <Badge color={CHANGE_COLOURS[change]} miw="max-content">
      {t(`decisions.changes.${change}`)}
    </Badge>
  );
}

interface Props {
  readonly comparison: DecisionComparison;
  readonly title: string;
  readonly testId: string;
}

/** The recorded decision against a re-evaluation, rule by rule, then measure by measure and field by field. */
export function DecisionDifferences({ comparison, title, testId }: Props) {
  const { t } = useTranslation('audit');
  const outcome = (side: { outcome: string; reason: string } | null) =>
    side === null ? (
      '—'
    ) : (
      <Stack gap={2}>
        <Text fw={700} size="sm">
          {t(`decisions.outcomes.${side.outcome}`)}
        </Text>
        <Text size="sm">{side.reason}</Text>
      </Stack>
    );

  return (
    <Stack data-testid={testId}>
      <Title order={2} size="h3">
        {title}
      </Title>
      {comparison.same && <Text>{t('decisions.noDifference')}</Text>}
      {comparison.outcomes.length > 0 && (
        <Table withTableBorder striped>
          <Table.Caption c="gray.9">{t('decisions.rulesCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('decisions.rule')}</Table.Th>
              <Table.Th>{t('decisions.measure')}</Table.Th>
              <Table.Th>{t('decisions.recorded')}</Table.Th>
              <Table.Th>{t('decisions.reevaluated')}</Table.Th>
              <Table.Th>{t('decisions.change')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {comparison.outcomes.map((row, index) => (
              <Table.Tr key={`${row.rule}-${row.measureId}-${row.lineId}-${index}`} data-rule={row.rule}>
                <Table.Td>
                  <Code>{row.rule}</Code>
                  {row.lineId !== null && <Text size="sm">{t('decisions.line', { line: row.lineId })}</Text>}
                </Table.Td>
                <Table.Td>{row.measureId ?? '—'}</Table.Td>
                <Table.Td>{outcome(row.before)}</Table.Td>
                <Table.Td>{outcome(row.after)}</Table.Td>
                <Table.Td>
                  <ChangeBadge change={row.change} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {comparison.measures.length > 0 && (
        <Table withTableBorder striped>
          <Table.Caption c="gray.9">{t('decisions.measuresCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('decisions.measure')}</Table.Th>
              <Table.Th>{t('decisions.recorded')}</Table.Th>
              <Table.Th>{t('decisions.reevaluated')}</Table.Th>
              <Table.Th>{t('decisions.change')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {comparison.measures.map((row) => (
              <Table.Tr key={row.measureId}>
                <Table.Td>{row.measureId}</Table.Td>
                {[row.before, row.after].map((side, index) => (
                  <Table.Td key={index}>
                    {side === null
                      ? '—'
                      : t('decisions.measureSide', {
                          status: t(`decisions.statuses.${side.status}`),
                          version: side.version,
                          applies: t(side.applies ? 'decisions.applies' : 'decisions.doesNotApply'),
                        })}
                  </Table.Td>
                ))}
                <Table.Td>
                  <ChangeBadge change={row.change} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {comparison.otherFields.length > 0 && (
        <Table withTableBorder>
          <Table.Caption c="gray.9">{t('decisions.fieldsCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('decisions.field')}</Table.Th>
              <Table.Th>{t('decisions.recorded')}</Table.Th>
              <Table.Th>{t('decisions.reevaluated')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {comparison.otherFields.map((row) => (
              <Table.Tr key={row.path}>
                <Table.Td>
                  <Code>{row.path}</Code>
                </Table.Td>
                <Table.Td>
                  <Code>{JSON.stringify(row.recorded)}</Code>
                </Table.Td>
                <Table.Td>
                  <Code>{JSON.stringify(row.replayed)}</Code>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

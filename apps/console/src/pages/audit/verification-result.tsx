import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format/formats';
import type { VerificationReport } from './audit-types';
import { STATUS_COLOURS } from './status-colours';

/** The outcome: green when every event and head verified, red naming the first bad event. */
export function VerificationResult({ report }: { readonly report: VerificationReport }) {
  const { t, i18n } = useTranslation('audit');
  const language = i18n.resolvedLanguage ?? 'en';
  const n = (value: number) => formatNumber(value, language);

  if (report.ok)
    return (
      <Alert
        role="status"
        color={STATUS_COLOURS.good}
        variant="filled"
        title={t('verification.passed')}
        data-outcome="passed"
      >
        {t('verification.passedDetail', {
          events: n(report.checkedEvents),
          heads: n(report.checkedTreeHeads),
          size: n(report.treeSize),
        })}
      </Alert>
    );

  const problem = report.firstProblem;
  return (
    <Alert role="alert" color="red.9" variant="filled" title={t('verification.failed')} data-outcome="failed">
      <Text>{t('verification.failedDetail', { problems: n(report.problems), events: n(report.checkedEvents) })}</Text>
      {problem && (
        <List mt="xs" data-testid="first-problem">
          <List.Item>{t('verification.problem.kind', { kind: t(`verification.kinds.${problem.kind}`) })}</List.Item>
          <List.Item>{t('verification.problem.leaf', { leaf: n(problem.leafIndex) })}</List.Item>
          {problem.position !== undefined && (
            <List.Item>{t('verification.problem.position', { position: n(Number(problem.position)) })}</List.Item>
          )}
          {problem.streamId !== undefined && (
            <List.Item>
              {t('verification.problem.stream', { stream: problem.streamId, revision: problem.revision ?? '—' })}
            </List.Item>
          )}
          {problem.eventId !== undefined && (
            <List.Item>{t('verification.problem.event', { eventId: problem.eventId })}</List.Item>
          )}
          <List.Item>{problem.message}</List.Item>
        </List>
      )}
    </Alert>
  );
}

import type { DecisionRecord } from '@licensing/domain';
import { List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatInstant, formatLegalDate } from '../../format/formats';
import type { DecisionView } from './case-views';
import { MeasuresTable, RuleOutcomesTable } from './decision-tables';

/** The decision in readable form: who decided, the verdict and why, the measures applied, denial grounds, general-license eligibility. */
export function DecisionRecordView({ decision }: { readonly decision: DecisionView | null }) {
  const { t, i18n } = useTranslation('officer');
  const language = i18n.resolvedLanguage ?? 'en';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="decision-record">
      <Stack>
        <Title order={2} id="decision-record">
          {t('decision.title')}
        </Title>
        {decision === null ? (
          <Text>{t('decision.none')}</Text>
        ) : (
          <>
            <Text fw={700} data-testid="decision-outcome">
              {t('decision.decidedBy', {
                outcome: t(`decision.outcome.${decision.outcome}`),
                date: formatLegalDate(decision.decidedOn, language),
                approver: decision.approverId,
              })}
            </Text>
            <ReasonList title={t('decision.reasons')} reasons={decision.reasons} />
            {decision.record === null ? (
              <Text>{t('decision.noRecord')}</Text>
            ) : (
              <RecordDetails record={decision.record} />
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function ReasonList({ title, reasons }: { readonly title: string; readonly reasons: readonly string[] }) {
  if (reasons.length === 0) return null;
  return (
    <div>
      <Title order={3} size="h5">
        {title}
      </Title>
      <List>
        {reasons.map((reason, index) => (
          <List.Item key={index}>{reason}</List.Item>
        ))}
      </List>
    </div>
  );
}

function RecordDetails({ record }: { readonly record: DecisionRecord }) {
  const { t, i18n } = useTranslation('officer');
  const language = i18n.resolvedLanguage ?? 'en';
  const yesNo = (value: boolean) => t(value ? 'decision.yes' : 'decision.no');
  return (
    <Stack>
      <Text>
        {t('decision.verdict')}:{' '}
        <strong data-testid="decision-verdict">{t(`decision.verdicts.${record.verdict}`)}</strong>
      </Text>
      <Text size="sm">
        {t('decision.validOn', {
          date: formatLegalDate(record.validOn, language),
          knownAt: formatInstant(record.knownAt, language),
        })}
      </Text>
      <MeasuresTable measures={record.measures} />
      <Title order={3} size="h5">
        {t('decision.denialGrounds')}
      </Title>
      {record.denialGrounds.length === 0 ? (
        <Text size="sm">{t('decision.noDenialGrounds')}</Text>
      ) : (
        <List>
          {record.denialGrounds.map((ground, index) => (
            <List.Item key={index}>
              {t(`decision.grounds.${ground.ground}`)} ({ground.measureId}): {ground.reason}
            </List.Item>
          ))}
        </List>
      )}
      <ReasonList
        title={t('decision.caseByCase')}
        reasons={record.caseByCaseReview.map((review) => `${review.measureId}: ${review.reason}`)}
      />
      <Title order={3} size="h5">
        {t('decision.generalLicense')}
      </Title>
      <Text size="sm">
        {t('decision.generalRequested', {
          requested: yesNo(record.generalLicense.requested),
          eligible: yesNo(record.generalLicense.eligible),
        })}
      </Text>
      {record.generalLicense.reasons.length > 0 && (
        <List size="sm">
          {record.generalLicense.reasons.map((reason, index) => (
            <List.Item key={index}>{reason}</List.Item>
          ))}
        </List>
      )}
      <RuleOutcomesTable outcomes={record.outcomes} />
    </Stack>
  );
}

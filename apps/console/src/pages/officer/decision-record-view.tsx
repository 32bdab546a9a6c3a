import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DecisionRecordDetails, Reasons } from '../../decision-record/decision-record-details';
import { formatLegalDate } from '../../format/formats';
import type { DecisionView } from './case-views';

/** The decision in readable form: who decided and on what reasons, then the decision record the approval carries. */
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
            <Reasons title={t('decision.reasons')} reasons={decision.reasons} headingOrder={3} />
            {decision.record === null ? (
              <Text>{t('decision.noRecord')}</Text>
            ) : (
              <DecisionRecordDetails record={decision.record} headingOrder={3} withReasons={false} />
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

import type { DecisionRecord } from '@licensing/domain';
import { Alert, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatInstant, formatLegalDate } from '../../format/formats';
import { DecisionMeasuresTable, DecisionOutcomesTable } from './decision-tables';

const VERDICT_COLOURS: Record<DecisionRecord['verdict'], string> = {
  not_controlled: 'green',
  license_required: 'orange',
  deny: 'red',
};

/** A decision record as a person reads it: the verdict first, then why. */
export function DecisionRecordView({ decision }: { readonly decision: DecisionRecord }) {
  const { t, i18n } = useTranslation('exporter');
  const language = i18n.resolvedLanguage ?? 'en';
  return (
    <Stack data-testid="decision-record">
      <Title order={3}>{t('decision.title')}</Title>
      <Alert
        color={VERDICT_COLOURS[decision.verdict]}
        title={t('decision.verdict')}
        data-testid="verdict"
        // The tinted title is too pale for AA contrast; the colour stays in the background.
        styles={{ title: { color: 'var(--mantine-color-text)' } }}
      >
        <Text fw={700}>{t(`decision.verdicts.${decision.verdict}`)}</Text>
        <Text size="sm">
          {t('decision.evaluatedAt', {
            validOn: formatLegalDate(decision.validOn, language),
            knownAt: formatInstant(decision.knownAt, language),
          })}
        </Text>
      </Alert>
      {decision.reasons.length > 0 && (
        <>
          <Title order={4}>{t('decision.reasons')}</Title>
          <List>
            {decision.reasons.map((reason) => (
              <List.Item key={reason}>{reason}</List.Item>
            ))}
          </List>
        </>
      )}
      <Title order={4}>{t('decision.denialGrounds')}</Title>
      {decision.denialGrounds.length === 0 ? (
        <Text>{t('decision.noDenialGrounds')}</Text>
      ) : (
        <List>
          {decision.denialGrounds.map((ground) => (
            <List.Item key={`${ground.ground}-${ground.measureId}`}>
              {t(`decision.grounds.${ground.ground}`)} ({ground.measureId}): {ground.reason}
            </List.Item>
          ))}
        </List>
      )}
      {decision.caseByCaseReview.length > 0 && (
        <>
          <Title order={4}>{t('decision.caseByCase')}</Title>
          <List>
            {decision.caseByCaseReview.map((review) => (
              <List.Item key={`${review.measureId}-${review.reason}`}>
                {review.measureId}: {review.reason}
              </List.Item>
            ))}
          </List>
        </>
      )}
      <Title order={4}>{t('decision.generalLicense')}</Title>
      <Text>{decision.generalLicense.eligible ? t('decision.generalEligible') : t('decision.generalNotEligible')}</Text>
      <List>
        {decision.generalLicense.reasons.map((reason) => (
          <List.Item key={reason}>{reason}</List.Item>
        ))}
      </List>
      <DecisionMeasuresTable decision={decision} />
      <DecisionOutcomesTable decision={decision} />
    </Stack>
  );
}

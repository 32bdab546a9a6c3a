import type { DecisionRecord } from '@licensing/domain';
import { Alert, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatInstant, formatLegalDate } from '../format/formats';
import { MeasuresTable, RuleOutcomesTable } from './decision-record-tables';
import { GeneralLicenseEligibility } from './general-license-eligibility';

/** The level of the record's own headings, one below the heading it sits under. */
export type HeadingOrder = 3 | 4;

const VERDICT_COLOURS: Record<DecisionRecord['verdict'], string> = {
  not_controlled: 'green',
  license_required: 'orange',
  deny: 'red',
};

/**
 * A decision record as a person reads it, wherever one is shown (a
 * pre-check, an application, a license): the verdict first, then general-
 * license eligibility, then why — denial grounds, case-by-case reviews,
 * the measures evaluated and each rule's outcome.
 */
export function DecisionRecordDetails({
  record,
  headingOrder,
  withReasons = true,
}: {
  readonly record: DecisionRecord;
  readonly headingOrder: HeadingOrder;
  /** False where the decision's own reasons are shown already: an approval carries the record's. */
  readonly withReasons?: boolean;
}) {
  const { t, i18n } = useTranslation('decision');
  const language = i18n.resolvedLanguage ?? 'en';
  return (
    <Stack>
      <Alert
        color={VERDICT_COLOURS[record.verdict]}
        title={t('verdict')}
        // The tinted title is too pale for AA contrast; the colour stays in the background.
        styles={{ title: { color: 'var(--mantine-color-text)' } }}
      >
        <Text fw={700} data-testid="decision-verdict">
          {t(`verdicts.${record.verdict}`)}
        </Text>
        <Text size="sm">
          {t('validOn', {
            date: formatLegalDate(record.validOn, language),
            knownAt: formatInstant(record.knownAt, language),
          })}
        </Text>
      </Alert>
      <GeneralLicenseEligibility eligibility={record.generalLicense} headingOrder={headingOrder} />
      {withReasons && <Reasons title={t('reasons')} reasons={record.reasons} headingOrder={headingOrder} />}
      <Title order={headingOrder} size="h5">
        {t('denialGrounds')}
      </Title>
      {record.denialGrounds.length === 0 ? (
        <Text size="sm">{t('noDenialGrounds')}</Text>
      ) : (
        <List>
          {record.denialGrounds.map((ground) => (
            <List.Item key={`${ground.ground}-${ground.measureId}`}>
              {t(`grounds.${ground.ground}`)} ({ground.measureId}): {ground.reason}
            </List.Item>
          ))}
        </List>
      )}
      <Reasons
        title={t('caseByCase')}
        reasons={record.caseByCaseReview.map((review) => `${review.measureId}: ${review.reason}`)}
        headingOrder={headingOrder}
      />
      <MeasuresTable measures={record.measures} headingOrder={headingOrder} />
      <RuleOutcomesTable outcomes={record.outcomes} headingOrder={headingOrder} />
    </Stack>
  );
}

/** A titled list of reasons, nothing when there are none. */
export function Reasons({
  title,
  reasons,
  headingOrder,
}: {
  readonly title: string;
  readonly reasons: readonly string[];
  readonly headingOrder: HeadingOrder;
}) {
  if (reasons.length === 0) return null;
  return (
    <div>
      <Title order={headingOrder} size="h5">
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

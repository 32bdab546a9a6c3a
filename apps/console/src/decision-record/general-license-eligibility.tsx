import type { DecisionRecord } from '@licensing/domain';
import { Alert, List, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HeadingOrder } from './decision-record-details';

/** Green when a general license may be granted, orange when one was asked for and may not, grey when none was asked for. */
function colourOf({ requested, eligible }: DecisionRecord['generalLicense']): string {
  if (eligible) return 'green';
  return requested ? 'orange' : 'gray';
}

/** Whether a general license was requested, whether the exporter may have one, and the evaluator's reasons. */
export function GeneralLicenseEligibility({
  eligibility,
  headingOrder,
}: {
  readonly eligibility: DecisionRecord['generalLicense'];
  readonly headingOrder: HeadingOrder;
}) {
  const { t } = useTranslation('decision');
  return (
    <div data-testid="general-license">
      <Title order={headingOrder} size="h5" mb="xs">
        {t('general.title')}
      </Title>
      <Alert color={colourOf(eligibility)}>
        <Text>{t(eligibility.requested ? 'general.requested' : 'general.notRequested')}</Text>
        <Text fw={700} data-testid="general-license-eligibility">
          {t(eligibility.eligible ? 'general.eligible' : 'general.notEligible')}
        </Text>
        {eligibility.reasons.length > 0 && (
          <List size="sm" mt="xs">
            {eligibility.reasons.map((reason, index) => (
              <List.Item key={index}>{reason}</List.Item>
            ))}
          </List>
        )}
      </Alert>
    </div>
  );
}

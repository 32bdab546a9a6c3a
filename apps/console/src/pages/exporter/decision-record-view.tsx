import type { DecisionRecord } from '@licensing/domain';
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DecisionRecordDetails } from '../../decision-record/decision-record-details';

/** The pre-check's decision record, under the pre-check's own heading. */
export function DecisionRecordView({ decision }: { readonly decision: DecisionRecord }) {
  const { t } = useTranslation('exporter');
  return (
    <Stack data-testid="decision-record">
      <Title order={3}>{t('decision.title')}</Title>
      <DecisionRecordDetails record={decision} headingOrder={4} />
    </Stack>
  );
}

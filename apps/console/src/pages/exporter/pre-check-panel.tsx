import type { DecisionRecord } from '@licensing/domain';
import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { type DraftCommand, preCheckBody } from './application-form-model';
import { DecisionRecordView } from './decision-record-view';
import { READABLE_HINTS } from './form-fields';

interface PreCheckAnswer {
  readonly validOn: string;
  readonly knownAt: string;
  readonly stored: false;
  readonly decision: DecisionRecord;
}

/**
 * Asks the service whether the export on the form would need a license,
 * before anything is drafted. `validated` checks the form first (field
 * errors show under the fields) and gives its body, or null.
 */
export function PreCheckPanel({ validated }: { readonly validated: () => Promise<DraftCommand | null> }) {
  const { t } = useTranslation('exporter');
  const [validOn, setValidOn] = useState('');
  const preCheck = useMutation({
    mutationFn: (command: DraftCommand) =>
      api<PreCheckAnswer>('/pre-checks', { method: 'POST', body: preCheckBody(command, validOn) }),
  });
  const run = async () => {
    const command = await validated();
    if (command) preCheck.mutate(command);
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="pre-check-title">
      <Stack>
        <Title order={2} id="pre-check-title">
          {t('preCheck.title')}
        </Title>
        <Text>{t('preCheck.lead')}</Text>
        <Group align="flex-end">
          <TextInput
            type="date"
            label={t('preCheck.validOn')}
            description={t('preCheck.validOnHint')}
            styles={READABLE_HINTS}
            value={validOn}
            onChange={(event) => setValidOn(event.currentTarget.value)}
          />
          <Button variant="outline" onClick={() => void run()} loading={preCheck.isPending}>
            {t('preCheck.run')}
          </Button>
        </Group>
        {preCheck.isError && (
          <Alert color="red" role="alert" title={t('common:problem.title')}>
            {preCheck.error.message}
          </Alert>
        )}
        {preCheck.data && <DecisionRecordView decision={preCheck.data.decision} />}
      </Stack>
    </Paper>
  );
}

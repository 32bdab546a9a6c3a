import { Alert, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { isAllowed } from '@licensing/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useSession } from '../../auth/require-session';
import { STATUS_COLOURS } from '../audit/status-colours';
import type { ParkedEvent, ParkedState } from './ops-types';
import { type ParkedAction, ParkedEventDecision } from './parked-event-decision';
import { ParkedEventsTable } from './parked-events-table';

const REFRESH_MS = 5_000;

/** Events the read models and the relay parked to go on; ops retry them after a fix or skip them for good. */
export function ParkedEventsPage() {
  const { t } = useTranslation('ops');
  const { role } = useSession();
  const [state, setState] = useState<ParkedState | 'all'>('parked');
  const [deciding, setDeciding] = useState<{ parked: ParkedEvent; action: ParkedAction } | null>(null);
  const [outcome, setOutcome] = useState<ParkedEvent | null>(null);
  const parked = useQuery({
    queryKey: ['parked-events', state],
    queryFn: () =>
      api<{ parkedEvents: ParkedEvent[] }>('/ops/parked-events', {
        query: { state: state === 'all' ? undefined : state },
      }),
    // Consumers park events as they meet them: the list follows without a reload.
    refetchInterval: REFRESH_MS,
  });
  const mayDecide = isAllowed('RetryParkedEvent', role);

  return (
    <Stack>
      <Title order={1}>{t('parked.title')}</Title>
      <Text>{t('parked.lead')}</Text>
      <SegmentedControl
        aria-label={t('parked.stateFilter')}
        value={state}
        onChange={setState}
        data={(['parked', 'resolved', 'skipped', 'all'] as const).map((value) => ({
          value,
          label: t(`parked.states.${value}`),
        }))}
        w="fit-content"
      />
      {outcome && (
        <Alert
          role="status"
          color={outcome.state === 'parked' ? STATUS_COLOURS.warning : STATUS_COLOURS.good}
          variant="filled"
          withCloseButton
          onClose={() => setOutcome(null)}
          closeButtonLabel={t('parked.dismiss')}
        >
          {t(`parked.outcome.${outcome.state}`, { id: outcome.id, error: outcome.error })}
        </Alert>
      )}
      {parked.isError && (
        <Alert role="alert" color="red.9" title={t('problem')}>
          {parked.error.message}
        </Alert>
      )}
      {parked.isPending && <Loader aria-label={t('loading')} />}
      {parked.data && (
        <ParkedEventsTable
          parkedEvents={parked.data.parkedEvents}
          onDecide={mayDecide ? (event, action) => setDeciding({ parked: event, action }) : null}
        />
      )}
      {deciding && (
        <ParkedEventDecision
          parked={deciding.parked}
          action={deciding.action}
          onClose={(after) => {
            setDeciding(null);
            if (after) setOutcome(after);
          }}
        />
      )}
    </Stack>
  );
}

import { Alert, Button, Card, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { isAllowed } from '@licensing/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useSession } from '../../auth/require-session';
import type { Consumers, Rebuild } from './ops-types';
import { RebuildProgress } from './rebuild-progress';

const ALL = '*';
/** While a rebuild runs its bars move every second; otherwise the list is read now and then. */
const RUNNING_POLL_MS = 1_000;
const IDLE_POLL_MS = 10_000;

/** Read-model rebuilds in shadow storage: start one, and follow each until it is swapped in. */
export function RebuildsPage() {
  const { t } = useTranslation('ops');
  const { role } = useSession();
  const queries = useQueryClient();
  const [readModel, setReadModel] = useState<string>(ALL);
  const rebuilds = useQuery({
    queryKey: ['ops-rebuilds'],
    queryFn: () => api<{ rebuilds: Rebuild[] }>('/ops/rebuilds'),
    refetchInterval: (query) =>
      query.state.data?.rebuilds.some((rebuild) => rebuild.state === 'running') ? RUNNING_POLL_MS : IDLE_POLL_MS,
  });
  // The read models' names, as the service runs them.
  const consumers = useQuery({ queryKey: ['ops-consumers'], queryFn: () => api<Consumers>('/ops/consumers') });
  const start = useMutation({
    mutationFn: () =>
      api<Rebuild>('/admin/read-models/rebuild', {
        method: 'POST',
        query: { readModel: readModel === ALL ? undefined : readModel },
      }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['ops-rebuilds'] }),
  });

  const choices = [
    { value: ALL, label: t('rebuilds.allReadModels') },
    ...(consumers.data?.readModels ?? []).map((model) => ({ value: model.name, label: model.name })),
  ];
  return (
    <Stack>
      <Title order={1}>{t('rebuilds.title')}</Title>
      <Text>{t('rebuilds.lead')}</Text>
      {isAllowed('RebuildReadModels', role) && (
        <Card withBorder component="section" aria-labelledby="start-rebuild-title">
          <Title order={2} size="h3" id="start-rebuild-title" mb="sm">
            {t('rebuilds.startTitle')}
          </Title>
          <Group align="flex-end">
            <Select
              label={t('rebuilds.readModel')}
              data={choices}
              value={readModel}
              onChange={(value) => setReadModel(value ?? ALL)}
              allowDeselect={false}
              w={260}
            />
            <Button onClick={() => start.mutate()} loading={start.isPending}>
              {t('rebuilds.start')}
            </Button>
          </Group>
        </Card>
      )}
      {(start.isError || rebuilds.isError) && (
        <Alert role="alert" color="red.9" title={t('problem')}>
          {(start.error ?? rebuilds.error)?.message}
        </Alert>
      )}
      <Title order={2} size="h3">
        {t('rebuilds.listTitle')}
      </Title>
      {rebuilds.isPending && <Loader aria-label={t('loading')} />}
      {rebuilds.data?.rebuilds.length === 0 && <Text>{t('rebuilds.none')}</Text>}
      {rebuilds.data?.rebuilds.map((rebuild) => (
        <RebuildProgress key={rebuild.id} rebuild={rebuild} />
      ))}
    </Stack>
  );
}

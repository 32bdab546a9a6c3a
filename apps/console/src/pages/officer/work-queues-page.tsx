import { isAllowed } from '@licensing/domain';
import { Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../../auth/require-session';
import { WorkQueueTable } from './work-queue-table';
import { WORK_QUEUES } from './work-queues';

/** The queues the signed-in role works (the permissions table decides), as tabs; the open one is in the address. */
export function WorkQueuesPage() {
  const { t } = useTranslation('officer');
  const { role } = useSession();
  const [search, setSearch] = useSearchParams();
  const [asOf, setAsOf] = useState('');
  const queues = WORK_QUEUES.filter((queue) => isAllowed(queue.operation, role));
  const open = queues.find((queue) => queue.name === search.get('queue')) ?? queues[0];

  return (
    <Stack>
      <Title order={1}>{t('workQueues.title')}</Title>
      <Text>{t('workQueues.lead')}</Text>
      <TextInput
        type="date"
        label={t('workQueues.asOf')}
        value={asOf}
        onChange={(event) => setAsOf(event.currentTarget.value)}
        maw={220}
      />
      {open && (
        <Tabs
          value={open.name}
          onChange={(name) => name && setSearch({ queue: name }, { replace: true })}
          keepMounted={false}
        >
          <Tabs.List>
            {queues.map((queue) => (
              <Tabs.Tab key={queue.name} value={queue.name}>
                {t(`workQueues.queues.${queue.name}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {queues.map((queue) => (
            <Tabs.Panel key={queue.name} value={queue.name} pt="md">
              <WorkQueueTable queue={queue} asOf={asOf} />
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </Stack>
  );
}

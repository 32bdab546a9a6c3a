import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { RetryParkedEventData, SkipParkedEventData } from '@licensing/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { ParkedEvent } from './ops-types';

export type ParkedAction = 'retry' | 'skip';

/** The same reason fields the service's commands hold (optional for a retry, required to skip). */
const REASONS = {
  retry: RetryParkedEventData.pick({ reason: true }),
  skip: SkipParkedEventData.pick({ reason: true }),
} as const;

interface Props {
  readonly parked: ParkedEvent;
  readonly action: ParkedAction;
  readonly onClose: (after: ParkedEvent | null) => void;
}

/** Retry or skip one parked event, with the reason recorded in the log beside who decided. */
export function ParkedEventDecision({ parked, action, onClose }: Props) {
  const { t } = useTranslation('ops');
  const queries = useQueryClient();
  const { register, handleSubmit, formState } = useForm<{ reason?: string }>({
    resolver: zodResolver(REASONS[action]),
    defaultValues: {},
  });
  const decide = useMutation({
    mutationFn: (body: { reason?: string }) =>
      api<{ parkedEvent: ParkedEvent | null }>(`/ops/parked-events/${encodeURIComponent(parked.id)}/${action}`, {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': crypto.randomUUID() },
      }),
    onSuccess: async (answer) => {
      await queries.invalidateQueries({ queryKey: ['parked-events'] });
      onClose(answer.parkedEvent);
    },
  });
  const submit = handleSubmit(({ reason }) => decide.mutate(reason === '' || reason === undefined ? {} : { reason }));

  return (
    <Modal opened onClose={() => onClose(null)} title={t(`parked.${action}Title`, { id: parked.id })}>
      <form onSubmit={(event) => void submit(event)}>
        <Stack>
          <Text size="sm">
            {t('parked.about', { type: parked.eventType, stream: parked.streamId, where: parked.where })}
          </Text>
          <Textarea
            label={t(action === 'skip' ? 'parked.reasonRequired' : 'parked.reasonOptional')}
            {...register('reason', {
              setValueAs: (value: string) => (value === '' && action === 'retry' ? undefined : value),
            })}
            error={formState.errors.reason && t('parked.reasonError')}
            autosize
            minRows={2}
          />
          {decide.isError && (
            <Alert role="alert" color="red.9" title={t('problem')}>
              {decide.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => onClose(null)}>
              {t('parked.cancel')}
            </Button>
            <Button type="submit" color={action === 'skip' ? 'red.9' : undefined} loading={decide.isPending}>
              {t(`parked.${action}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

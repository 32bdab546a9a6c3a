import { IssueLicenseData, RejectApplicationData } from '@licensing/domain';
import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ApplicationView } from './case-views';
import { readableErrors, useDomainResolver } from './domain-form';
import { ProblemAlert } from './problem-alert';
import { useCaseCommand } from './use-case-command';

// The bodies as the API's routes read them (apps/licensing-service/src/commands).
const RejectBody = RejectApplicationData.pick({ reasons: true });
const IssueBody = IssueLicenseData.pick({ validFrom: true, validUntil: true });

const path = (application: ApplicationView, action: string) =>
  `/applications/${encodeURIComponent(application.id)}/${action}`;

/** Approve (the service evaluates and records the rules in force today) or reject with reasons. */
export function DecideActions({ application }: { readonly application: ApplicationView }) {
  const { t } = useTranslation('officer');
  const approve = useCaseCommand<object>(path(application, 'approve'), application.revision);
  const reject = useCaseCommand(path(application, 'reject'), application.revision);
  const [reasonCount, setReasonCount] = useState(1);
  const form = useForm({ resolver: useDomainResolver(RejectBody), defaultValues: { reasons: [''] } });
  const reasonErrors = form.formState.errors.reasons;

  return (
    <Stack gap="xs">
      <Title order={3}>{t('actions.decide')}</Title>
      {application.recordedStatus === 'reviewed' && (
        <>
          <Text size="sm">{t('actions.approveLead')}</Text>
          <ProblemAlert error={approve.error} />
          <Group>
            <Button color="teal.9" loading={approve.isPending} onClick={() => approve.mutate({})}>
              {t('actions.approve')}
            </Button>
          </Group>
        </>
      )}
      <form
        style={readableErrors}
        onSubmit={(event) => void form.handleSubmit((body) => reject.mutate(body))(event)}
        aria-label={t('actions.reject')}
        noValidate
      >
        <Stack gap="xs">
          <Text fw={700}>{t('actions.reasons')}</Text>
          {Array.from({ length: reasonCount }, (_, index) => (
            <TextInput
              key={index}
              label={t('actions.reason', { n: index + 1 })}
              {...form.register(`reasons.${index}`)}
              error={reasonErrors?.[index]?.message}
            />
          ))}
          {reasonErrors?.message && <Text c="red.9">{reasonErrors.message}</Text>}
          <ProblemAlert error={reject.error} />
          <Group>
            <Button variant="default" onClick={() => setReasonCount(reasonCount + 1)}>
              {t('actions.addReason')}
            </Button>
            <Button type="submit" color="red.9" loading={reject.isPending}>
              {t('actions.reject')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

/** The license of an approved application (POST /licenses; its id is L-<application id>). */
export function IssueLicenseForm({ application }: { readonly application: ApplicationView }) {
  const { t } = useTranslation('officer');
  const issue = useCaseCommand('/licenses');
  const form = useForm({ resolver: useDomainResolver(IssueBody), defaultValues: { validFrom: '', validUntil: '' } });
  const errors = form.formState.errors;
  return (
    <form
      style={readableErrors}
      onSubmit={(event) =>
        void form.handleSubmit((dates) => issue.mutate({ applicationId: application.id, ...dates }))(event)
      }
      aria-label={t('actions.issue')}
      noValidate
    >
      <Stack gap="xs">
        <Title order={3}>{t('actions.issue')}</Title>
        <Group align="flex-start">
          <TextInput
            type="date"
            label={t('actions.validFrom')}
            {...form.register('validFrom')}
            error={errors.validFrom?.message}
          />
          <TextInput
            type="date"
            label={t('actions.validUntil')}
            {...form.register('validUntil')}
            error={errors.validUntil?.message}
          />
        </Group>
        <ProblemAlert error={issue.error} />
        <Group>
          <Button type="submit" loading={issue.isPending}>
            {t('actions.issueSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

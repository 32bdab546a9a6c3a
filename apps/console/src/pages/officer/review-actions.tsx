import { AssignReviewerData, CompleteReviewData } from '@licensing/domain';
import { Button, Group, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ApplicationView } from './case-views';
import { readableErrors, useDomainResolver } from './domain-form';
import { ProblemAlert } from './problem-alert';
import { useCaseCommand } from './use-case-command';

// The command bodies as the API reads them: the domain's command data without the id the path carries.
const AssignReviewerBody = AssignReviewerData.omit({ applicationId: true });
const CompleteReviewBody = CompleteReviewData.omit({ applicationId: true });

const path = (application: ApplicationView, action: string) =>
  `/applications/${encodeURIComponent(application.id)}/${action}`;

export function AcceptAction({ application }: { readonly application: ApplicationView }) {
  const { t } = useTranslation('officer');
  const accept = useCaseCommand<object>(path(application, 'accept'), application.revision);
  return (
    <Stack gap="xs">
      <Title order={3}>{t('actions.accept')}</Title>
      <Text size="sm">{t('actions.acceptLead')}</Text>
      <ProblemAlert error={accept.error} />
      <Group>
        <Button loading={accept.isPending} onClick={() => accept.mutate({})}>
          {t('actions.accept')}
        </Button>
      </Group>
    </Stack>
  );
}

export function AssignReviewerForm({ application }: { readonly application: ApplicationView }) {
  const { t } = useTranslation('officer');
  const assign = useCaseCommand(path(application, 'assign-reviewer'), application.revision);
  const form = useForm({ resolver: useDomainResolver(AssignReviewerBody), defaultValues: { reviewerId: '' } });
  const heading = application.reviewerId === null ? t('actions.assignReviewer') : t('actions.reassignReviewer');
  return (
    <form
      style={readableErrors}
      onSubmit={(event) =>
        void form.handleSubmit((body) => assign.mutate(body, { onSuccess: () => form.reset() }))(event)
      }
      aria-label={heading}
      noValidate
    >
      <Stack gap="xs">
        <Title order={3}>{heading}</Title>
        <TextInput
          label={t('actions.reviewerId')}
          {...form.register('reviewerId')}
          error={form.formState.errors.reviewerId?.message}
          maw={320}
        />
        <ProblemAlert error={assign.error} />
        <Group>
          <Button type="submit" loading={assign.isPending}>
            {t('actions.assign')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function CompleteReviewForm({ application }: { readonly application: ApplicationView }) {
  const { t } = useTranslation('officer');
  const review = useCaseCommand(path(application, 'complete-review'), application.revision);
  const form = useForm({
    resolver: useDomainResolver(CompleteReviewBody),
    defaultValues: { recommendation: 'approve' as const, notes: '' },
  });
  return (
    <form
      style={readableErrors}
      onSubmit={(event) => void form.handleSubmit((body) => review.mutate(body))(event)}
      aria-label={t('actions.review')}
      noValidate
    >
      <Stack gap="xs">
        <Title order={3}>{t('actions.review')}</Title>
        <Controller
          control={form.control}
          name="recommendation"
          render={({ field, fieldState }) => (
            <Radio.Group label={t('actions.recommendation')} {...field} error={fieldState.error?.message}>
              <Group mt="xs">
                <Radio value="approve" label={t('actions.recommend.approve')} />
                <Radio value="reject" label={t('actions.recommend.reject')} />
              </Group>
            </Radio.Group>
          )}
        />
        <Textarea
          label={t('actions.notes')}
          autosize
          minRows={3}
          {...form.register('notes')}
          error={form.formState.errors.notes?.message}
        />
        <ProblemAlert error={review.error} />
        <Group>
          <Button type="submit" loading={review.isPending}>
            {t('actions.submitReview')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

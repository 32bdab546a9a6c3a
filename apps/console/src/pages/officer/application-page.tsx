import { Group, Loader, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { readFresh } from './case-read';
import { ApplicationActions } from './application-actions';
import { ApplicationFacts } from './application-facts';
import { CaseTimeline } from './case-timeline';
import type { ApplicationView } from './case-views';
import { DecisionRecordView } from './decision-record-view';
import { ProblemAlert } from './problem-alert';
import { ApplicationStatusBadge } from './status-badges';

/** One application: its facts, what the reader may do now, the decision record and the timeline of its events. */
export function ApplicationPage() {
  const { t } = useTranslation('officer');
  const id = useParams()['id'] ?? '';
  const answer = useQuery({
    queryKey: ['cases', 'application', id],
    queryFn: ({ signal }) => readFresh<ApplicationView>(`/applications/${encodeURIComponent(id)}`, { signal }),
  });
  const application = answer.data;

  return (
    <Stack>
      <Group>
        <Title order={1}>{t('application.title', { id })}</Title>
        {application && <ApplicationStatusBadge status={application.status} />}
      </Group>
      <ProblemAlert error={answer.error} />
      {answer.isPending && <Loader aria-label={t('common:loading')} />}
      {application && (
        <>
          <ApplicationFacts application={application} />
          <ApplicationActions application={application} />
          <DecisionRecordView decision={application.decision} />
          <CaseTimeline streamId={`application-${application.id}`} history={application.history} />
        </>
      )}
    </Stack>
  );
}

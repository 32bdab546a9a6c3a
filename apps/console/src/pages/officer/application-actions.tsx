import { isAllowed } from '@licensing/domain';
import { Divider, Paper, Stack, Text, Title } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/require-session';
import type { ApplicationView } from './case-views';
import { DecideActions, IssueLicenseForm } from './decide-actions';
import { AcceptAction, AssignReviewerForm, CompleteReviewForm } from './review-actions';

/**
 * The actions this role may take on the application in its present state:
 * the permissions table (isAllowed) says who, the recorded status says when,
 * as the deciders do. The API still decides; a refusal shows as a problem.
 */
function actionsFor(application: ApplicationView, role: ReturnType<typeof useSession>['role'], subject: string) {
  const status = application.recordedStatus;
  const actions: [string, ReactNode][] = [];
  if (isAllowed('AcceptApplication', role) && status === 'submitted' && application.pendingDocuments === null)
    actions.push(['accept', <AcceptAction application={application} />]);
  if (isAllowed('AssignReviewer', role) && (status === 'accepted' || status === 'under_review'))
    actions.push(['assign', <AssignReviewerForm application={application} />]);
  if (isAllowed('CompleteReview', role) && status === 'under_review' && application.reviewerId === subject)
    actions.push(['review', <CompleteReviewForm application={application} />]);
  const decides = isAllowed('ApproveApplication', role) || isAllowed('RejectApplication', role);
  if (decides && (status === 'under_review' || status === 'reviewed'))
    actions.push(['decide', <DecideActions application={application} />]);
  if (isAllowed('IssueLicense', role) && status === 'approved' && application.licenseId === null)
    actions.push(['issue', <IssueLicenseForm application={application} />]);
  return actions;
}

export function ApplicationActions({ application }: { readonly application: ApplicationView }) {
  const { t } = useTranslation('officer');
  const { role, subject } = useSession();
  const actions = actionsFor(application, role, subject);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="application-actions">
      <Stack>
        <Title order={2} id="application-actions">
          {t('actions.title')}
        </Title>
        {actions.length === 0 && <Text>{t('actions.none')}</Text>}
        {actions.map(([key, action], index) => (
          <Fragment key={key}>
            {index > 0 && <Divider />}
            {action}
          </Fragment>
        ))}
      </Stack>
    </Paper>
  );
}

import { Alert, Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { DraftCommand } from './application-form-model';

/** Drafts the application, then submits it: two commands, as the API has them. */
export async function draftAndSubmit(command: DraftCommand): Promise<string> {
  const id = command.applicationId;
  // The key makes a repeated click store one draft, not fail on the second.
  await api('/applications', { method: 'POST', body: command, headers: { 'Idempotency-Key': `draft-${id}` } });
  try {
    await api(`/applications/${encodeURIComponent(id)}/submit`, { method: 'POST' });
  } catch (error) {
    throw new DraftedNotSubmitted(id, error);
  }
  return id;
}

/** The draft is stored, its submission was refused: the draft's page is where to go on. */
class DraftedNotSubmitted extends Error {
  constructor(
    readonly applicationId: string,
    readonly reason: unknown,
  ) {
    super(reason instanceof Error ? reason.message : String(reason));
  }
}

/** Why submitting failed, in the service's words; a stored draft is linked. */
export function SubmitFailure({ error }: { readonly error: Error }) {
  const { t } = useTranslation('exporter');
  return (
    <Alert color="red" role="alert" title={t('common:problem.title')}>
      {error.message}
      {error instanceof DraftedNotSubmitted && (
        <Text mt="xs">
          {t('form.draftedNotSubmitted', { id: error.applicationId })}{' '}
          <Anchor component={Link} to={`/applications/${encodeURIComponent(error.applicationId)}`}>
            {t('form.openDraft')}
          </Anchor>
        </Text>
      )}
    </Alert>
  );
}

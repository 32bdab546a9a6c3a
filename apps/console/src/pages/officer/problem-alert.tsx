import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../../api/client';

/** A refusal from the API, in the service's own words (its `detail`); 403 and 404 get a title that says what they mean. */
export function ProblemAlert({ error }: { readonly error: unknown }) {
  const { t } = useTranslation('officer');
  if (error === null || error === undefined) return null;
  const status = error instanceof ProblemError ? error.status : undefined;
  const title = status === 404 ? t('problem.notFound') : status === 403 ? t('problem.forbidden') : t('problem.refused');
  const detail = error instanceof Error ? error.message : title;
  return (
    <Alert role="alert" color="red" title={title}>
      {detail}
    </Alert>
  );
}

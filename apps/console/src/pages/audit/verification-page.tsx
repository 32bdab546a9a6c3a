import { Alert, Button, Card, Progress, Stack, Text, Title } from '@mantine/core';
import { isAllowed } from '@licensing/domain';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/require-session';
import { formatNumber } from '../../format/formats';
import { TreeHeadCard } from './tree-head-card';
import { useVerificationRun } from './use-verification-run';
import { VerificationResult } from './verification-result';

/**
 * The latest signed tree head (its signature checked in the browser) and a
 * verification of the whole store against every head, run by the service
 * and followed line by line as it streams.
 */
export function VerificationPage() {
  const { t, i18n } = useTranslation('audit');
  const language = i18n.resolvedLanguage ?? 'en';
  const { role } = useSession();
  const { run, start } = useVerificationRun(t('verification.cutShort'));
  const progress = run.phase === 'running' ? run.progress : null;
  const percent =
    progress === null || progress.recordedLeaves === 0
      ? 0
      : Math.min(100, (100 * progress.checkedEvents) / progress.recordedLeaves);

  return (
    <Stack>
      <Title order={1}>{t('verification.title')}</Title>
      <Text>{t('verification.lead')}</Text>
      <TreeHeadCard />
      {/* Every person may read the heads; verifying costs the service work, so only auditors and ops may ask. */}
      {isAllowed('VerifyLog', role) && (
        <Card withBorder component="section" aria-labelledby="verification-run-title">
          <Stack>
            <Title order={2} id="verification-run-title" size="h3">
              {t('verification.runTitle')}
            </Title>
            <Button onClick={() => void start()} loading={run.phase === 'running'} w="fit-content">
              {run.phase === 'idle' ? t('verification.run') : t('verification.runAgain')}
            </Button>
            {run.phase === 'running' && (
              <Stack gap={4}>
                <Progress
                  value={percent}
                  animated={progress === null}
                  aria-label={t('verification.progressLabel')}
                  size="lg"
                />
                <Text size="sm" aria-live="polite">
                  {progress === null
                    ? t('verification.starting')
                    : t('verification.progress', {
                        checked: formatNumber(progress.checkedEvents, language),
                        total: formatNumber(progress.recordedLeaves, language),
                      })}
                </Text>
              </Stack>
            )}
            {run.phase === 'done' && <VerificationResult report={run.report} />}
            {run.phase === 'error' && (
              <Alert role="alert" color="red.9" title={t('problem')}>
                {run.message}
              </Alert>
            )}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}

import { Alert, Anchor, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { DecisionDifferences } from './decision-differences';
import { ReplaySide, WhatIfSide } from './decision-sides';
import { decisionApi, subjectOf } from './decision-subject';
import type { DecisionReplay, DecisionWhatIf } from './decision-types';
import { WhatIfForm, WhatIfPosition } from './what-if-form';

/**
 * One application's recorded decision, replayed from the log beside a
 * what-if at another legal date or knowledge time (kept in the address),
 * with the rule-by-rule difference of each against the record.
 */
export function DecisionPage() {
  const { t } = useTranslation('audit');
  const subject = subjectOf(useParams()) ?? { kind: 'application', applicationId: '' };
  const [search, setSearch] = useSearchParams();
  const parsed = WhatIfPosition.safeParse({
    validOn: search.get('validOn') ?? '',
    knownAt: search.get('knownAt') ?? '',
  });
  const position = parsed.success ? parsed.data : { validOn: '', knownAt: '' };
  const { base, query } = decisionApi(subject);
  const replay = useQuery({
    queryKey: ['decision-replay', subject],
    queryFn: () => api<DecisionReplay>(`${base}/decision-replay`, { query }),
  });
  const whatIf = useQuery({
    queryKey: ['decision-what-if', subject, position],
    queryFn: () => api<DecisionWhatIf>(`${base}/what-if`, { query: { ...query, ...position } }),
  });
  const apply = (next: WhatIfPosition) =>
    setSearch(Object.fromEntries(Object.entries(next).filter(([, value]) => value !== '')));

  const problem = replay.error ?? whatIf.error;
  return (
    <Stack>
      <Anchor component={Link} to="/decisions">
        {t('decisions.back')}
      </Anchor>
      <Title order={1}>
        {subject.kind === 'application'
          ? t('decisions.title', { applicationId: subject.applicationId })
          : t('decisions.amendmentTitle', subject)}
      </Title>
      <Text>{t('decisions.lead')}</Text>
      <WhatIfForm key={search.toString()} position={position} onApply={apply} />
      {problem && (
        <Alert role="alert" color="red.9" title={t('problem')}>
          {problem.message}
        </Alert>
      )}
      {(replay.isPending || whatIf.isPending) && <Loader aria-label={t('loading')} />}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {replay.data && <ReplaySide replay={replay.data} />}
        {whatIf.data && <WhatIfSide whatIf={whatIf.data} />}
      </SimpleGrid>
      {replay.data && (
        <DecisionDifferences
          comparison={replay.data.differences}
          title={t('decisions.replayDifferences')}
          testId="replay-differences"
        />
      )}
      {whatIf.data && (
        <DecisionDifferences
          comparison={whatIf.data.differences}
          title={t('decisions.whatIfDifferences')}
          testId="what-if-differences"
        />
      )}
    </Stack>
  );
}

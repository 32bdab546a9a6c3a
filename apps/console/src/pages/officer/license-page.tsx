import { Anchor, Button, Group, Loader, Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { readFresh } from './case-read';
import { formatLegalDate } from '../../format/formats';
import { Fact } from './application-facts';
import { CaseTimeline } from './case-timeline';
import type { LicenseView } from './case-views';
import { DecisionRecordView } from './decision-record-view';
import { LicenseLines, LicenseShipments, LicenseStanding } from './license-sections';
import { ProblemAlert } from './problem-alert';
import { LicenseStatusBadge } from './status-badges';

/** One license as it stands on a date (today unless the reader picks one: `?asOf=`, as the API takes it). */
export function LicensePage() {
  const { t, i18n } = useTranslation('officer');
  const language = i18n.resolvedLanguage ?? 'en';
  const id = useParams()['id'] ?? '';
  const [search, setSearch] = useSearchParams();
  const asOf = search.get('asOf') ?? '';
  const answer = useQuery({
    queryKey: ['cases', 'license', id, asOf],
    queryFn: ({ signal }) => readFresh<LicenseView>(`/licenses/${encodeURIComponent(id)}`, { query: { asOf }, signal }),
    placeholderData: keepPreviousData,
  });
  const license = answer.data;

  return (
    <Stack>
      <Group>
        <Title order={1}>{t('license.title', { id })}</Title>
        {license && <LicenseStatusBadge status={license.status} />}
      </Group>
      <Group align="flex-end">
        <TextInput
          type="date"
          label={t('license.onDate')}
          value={asOf || (license?.asOf ?? '')}
          onChange={(event) => setSearch(event.currentTarget.value ? { asOf: event.currentTarget.value } : {})}
        />
        <Button variant="default" onClick={() => setSearch({})} disabled={asOf === ''}>
          {t('license.today')}
        </Button>
      </Group>
      <ProblemAlert error={answer.error} />
      {answer.isPending && <Loader aria-label={t('common:loading')} />}
      {license && (
        <>
          <Paper withBorder p="md" component="section" aria-labelledby="license-validity">
            <Stack>
              <Title order={2} id="license-validity">
                {t('license.standing')}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Fact label={t('license.validity')}>
                  {t('license.validRange', {
                    from: formatLegalDate(license.validFrom, language),
                    until: formatLegalDate(license.validUntil, language),
                  })}
                </Fact>
                <Fact label={t('license.exporter')}>{license.exporterId}</Fact>
                <Fact label={t('license.application')}>
                  <Anchor component={Link} to={`/applications/${encodeURIComponent(license.applicationId)}`}>
                    {license.applicationId}
                  </Anchor>
                </Fact>
              </SimpleGrid>
              <LicenseStanding license={license} />
            </Stack>
          </Paper>
          <LicenseLines license={license} />
          <LicenseShipments license={license} />
          <DecisionRecordView decision={license.decision} />
          <CaseTimeline streamId={`license-${license.id}`} history={license.history} />
        </>
      )}
    </Stack>
  );
}

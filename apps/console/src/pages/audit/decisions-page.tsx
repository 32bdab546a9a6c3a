import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IdInput, LegalDate } from '@licensing/domain';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { DecisionsUsingMeasureTable } from './decisions-using-measure';

const OpenDecision = z.object({ applicationId: IdInput });
const DecidedOn = z.union([z.literal(''), LegalDate]);
const FindByMeasure = z.object({ measureId: IdInput, from: DecidedOn, to: DecidedOn });

/**
 * The endpoint answers every decision of the period at once (it has no
 * pages), so the finder asks for a period: by default the last seven days.
 */
function weekAgo(): string {
  return new Date(Date.now() + 8 * 3600_000 - 7 * 86_400_000).toISOString().slice(0, 10);
}

/** Where an auditor starts: a decision by its application, or every decision that relied on a measure. */
export function DecisionsPage() {
  const { t } = useTranslation('audit');
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const measureId = search.get('measureId') ?? '';
  const from = search.get('from') ?? weekAgo();
  const to = search.get('to') ?? '';
  const open = useForm<z.infer<typeof OpenDecision>>({
    resolver: zodResolver(OpenDecision),
    defaultValues: { applicationId: '' },
  });
  const find = useForm<z.infer<typeof FindByMeasure>>({
    resolver: zodResolver(FindByMeasure),
    defaultValues: { measureId, from, to },
  });

  return (
    <Stack>
      <Title order={1}>{t('decisions.indexTitle')}</Title>
      <Text>{t('decisions.indexLead')}</Text>
      <Card withBorder component="section" aria-labelledby="open-decision-title">
        <Title order={2} size="h3" id="open-decision-title" mb="sm">
          {t('decisions.openTitle')}
        </Title>
        <form
          onSubmit={(event) =>
            void open.handleSubmit(({ applicationId }) => navigate(`/decisions/${encodeURIComponent(applicationId)}`))(
              event,
            )
          }
        >
          <Group align="flex-end">
            <TextInput
              label={t('decisions.applicationId')}
              {...open.register('applicationId')}
              error={open.formState.errors.applicationId && t('decisions.invalidId')}
              w={280}
            />
            <Button type="submit">{t('decisions.open')}</Button>
          </Group>
        </form>
      </Card>
      <Card withBorder component="section" aria-labelledby="by-measure-title">
        <Title order={2} size="h3" id="by-measure-title" mb="sm">
          {t('decisions.byMeasureTitle')}
        </Title>
        <form onSubmit={(event) => void find.handleSubmit((values) => setSearch(values))(event)}>
          <Group align="flex-end">
            <TextInput
              label={t('decisions.measureId')}
              placeholder="no-18-2025"
              {...find.register('measureId')}
              error={find.formState.errors.measureId && t('decisions.invalidId')}
              w={220}
            />
            <TextInput
              type="date"
              label={t('decisions.decidedFrom')}
              {...find.register('from')}
              error={find.formState.errors.from && t('decisions.invalidDate')}
            />
            <TextInput
              type="date"
              label={t('decisions.decidedTo')}
              {...find.register('to')}
              error={find.formState.errors.to && t('decisions.invalidDate')}
            />
            <Button type="submit">{t('decisions.find')}</Button>
          </Group>
        </form>
        {measureId !== '' && <DecisionsUsingMeasureTable measureId={measureId} from={from} to={to} />}
      </Card>
    </Stack>
  );
}

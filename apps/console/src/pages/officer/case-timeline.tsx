import { isAllowed } from '@licensing/domain';
import { Button, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { readFresh } from './case-read';
import { useSession } from '../../auth/require-session';
import { formatInstant, formatLegalDate } from '../../format/formats';
import type { HistoryEntry, RecordedEvent } from './case-views';
import { ProblemAlert } from './problem-alert';

interface TimelineEntry {
  readonly key: string;
  readonly type: string;
  readonly actor: string;
  readonly role: string;
  readonly recordedAt: string;
  readonly details: readonly string[];
}

const DETAIL_FIELDS = ['reviewerId', 'recommendation', 'notes', 'reviewDeadline', 'reason', 'reasons'] as const;

/**
 * A case's events, oldest first. Officers and auditors read the stream
 * itself from the event log (what each event said: the reviewer, the
 * recommendation, the reasons); other roles may not, and see the case's own
 * history (who did what, when).
 */
export function CaseTimeline({
  streamId,
  history,
}: {
  readonly streamId: string;
  readonly history: readonly HistoryEntry[];
}) {
  const { t, i18n } = useTranslation('officer');
  const language = i18n.resolvedLanguage ?? 'en';
  const { role } = useSession();
  const readsLog = isAllowed('ReadEventLog', role);
  const log = useInfiniteQuery({
    queryKey: ['cases', 'stream-events', streamId],
    queryFn: ({ pageParam, signal }) =>
      readFresh<{ events: RecordedEvent[]; nextRevision: number | null }>(
        `/audit/streams/${encodeURIComponent(streamId)}/events`,
        { query: { limit: 100, fromRevision: pageParam }, signal },
      ),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => page.nextRevision ?? undefined,
    enabled: readsLog,
  });

  const detailsOf = (data: Record<string, unknown>) =>
    DETAIL_FIELDS.filter((field) => data[field] !== undefined && data[field] !== '').map((field) => {
      const raw = data[field];
      const value =
        field === 'reviewDeadline'
          ? formatLegalDate(String(raw), language)
          : field === 'recommendation'
            ? t(`actions.recommend.${String(raw)}`)
            : Array.isArray(raw)
              ? raw.join('; ')
              : String(raw);
      return t(`timeline.details.${field}`, { value });
    });
  const entries: TimelineEntry[] = readsLog
    ? (log.data?.pages ?? []).flatMap((page) =>
        page.events.map((event) => ({
          key: event.id,
          type: event.type,
          actor: event.metadata.actor,
          role: event.metadata.role,
          recordedAt: event.metadata.recordedAt,
          details: detailsOf(event.data),
        })),
      )
    : history.map((entry) => ({ key: String(entry.revision), ...entry, details: [] }));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`timeline-${streamId}`}>
      <Stack>
        <Title order={2} id={`timeline-${streamId}`}>
          {t('timeline.title')}
        </Title>
        <ProblemAlert error={log.error} />
        <Timeline active={entries.length - 1} bulletSize={14} lineWidth={2} data-testid="case-timeline">
          {entries.map((entry) => (
            <Timeline.Item key={entry.key} title={t(`timeline.events.${entry.type}`, { defaultValue: entry.type })}>
              <Text size="sm">
                {t('timeline.by', {
                  actor: entry.actor,
                  role: t(`common:roles.${entry.role}`, { defaultValue: entry.role }),
                  at: formatInstant(entry.recordedAt, language),
                })}
              </Text>
              {entry.details.map((detail) => (
                <Text size="sm" key={detail}>
                  {detail}
                </Text>
              ))}
            </Timeline.Item>
          ))}
        </Timeline>
        {log.hasNextPage && (
          <Button variant="default" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
            {t('timeline.loadMore')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

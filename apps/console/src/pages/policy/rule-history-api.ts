import type { MeasureInterval, MeasureStatusOnDate } from '@licensing/domain';
import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { api } from '../../api/client';

/*
 * The rule-history and announcement answers the policy pages read (see the
 * README's "rule history" and "Announcements as one act"). Policy is a
 * handful of measures and announcements a year, so these lists are whole.
 */

export interface MeasureSummary {
  readonly measureId: string;
  readonly title: string;
  readonly announcementNumber: string;
  readonly issuer: string;
  readonly publishedOn: string;
  readonly status: MeasureStatusOnDate;
}

export interface AnnouncementLink {
  readonly announcementId: string;
  readonly actId: string;
}

export interface PolicyChange {
  readonly measureId: string;
  readonly revision: number;
  readonly recordedAt: string;
  readonly event: { readonly type: string; readonly data: Record<string, unknown> };
  readonly announcement: AnnouncementLink | null;
}

export interface MeasureHistory {
  readonly measureId: string;
  readonly knownAt: string;
  readonly intervals: readonly MeasureInterval[];
}

export interface AnnouncementAct {
  readonly act: { readonly kind: string; readonly actId: string; readonly measureId: string } & Record<string, unknown>;
  readonly state: 'pending' | 'applied' | 'refused';
  readonly measureEvent: { readonly eventId: string; readonly type: string; readonly revision: number } | null;
  readonly refusal: { readonly code: string; readonly reason: string } | null;
  readonly settledAt: string | null;
}

export interface Announcement {
  readonly announcementId: string;
  readonly number: string;
  readonly issuer: string;
  readonly publishedOn: string;
  readonly textRef: string;
  readonly recordedAt: string;
  readonly acts: readonly AnnouncementAct[];
  readonly status: 'pending' | 'settled';
}

/** Every measure known at `knownAt` (default: now). */
export function useKnownMeasures(knownAt: string | undefined) {
  return useQuery({
    queryKey: ['rule-history', 'measures', knownAt ?? 'now'],
    queryFn: ({ signal }) =>
      api<{ measures: MeasureSummary[] }>('/rule-history/measures', { query: { knownAt }, signal }),
  });
}

/** The histories once every one has arrived (then in the order asked), and the first failure. */
function allHistories(results: readonly UseQueryResult<MeasureHistory>[]) {
  const loaded = results.every((result) => result.isSuccess);
  return {
    histories: loaded ? results.map((result) => result.data) : [],
    loaded,
    error: results.find((result) => result.isError)?.error ?? null,
  };
}

/** Each measure's life over valid time as known at `knownAt`, one request per measure. */
export function useMeasureHistories(measureIds: readonly string[], knownAt: string | undefined) {
  return useQueries({
    combine: allHistories,
    queries: measureIds.map((measureId) => ({
      queryKey: ['rule-history', 'measure', measureId, knownAt ?? 'now'],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api<MeasureHistory>(`/rule-history/measures/${encodeURIComponent(measureId)}`, { query: { knownAt }, signal }),
    })),
  });
}

/** What was recorded in (from, to]. */
export function usePolicyChanges(from: string, to: string) {
  return useQuery({
    queryKey: ['rule-history', 'changes', from, to],
    queryFn: ({ signal }) => api<{ changes: PolicyChange[] }>('/rule-history/changes', { query: { from, to }, signal }),
  });
}

export function useAnnouncements() {
  return useQuery({
    queryKey: ['announcements'],
    queryFn: ({ signal }) => api<{ announcements: Announcement[] }>('/announcements', { signal }),
  });
}

export function useAnnouncement(announcementId: string) {
  return useQuery({
    queryKey: ['announcements', announcementId],
    queryFn: ({ signal }) => api<Announcement>(`/announcements/${encodeURIComponent(announcementId)}`, { signal }),
  });
}

import { formatAnnouncementNumber } from '../../format/formats';
import type { MeasureSummary } from './rule-history-api';

/** Each measure named as its issuer numbers it ("MOFCOM Announcement No. 57 of 2025"), oldest publication first. */
export function measureLabelsOf(
  measures: readonly MeasureSummary[] | undefined,
  language: string,
): Map<string, string> {
  const ordered = [...(measures ?? [])].sort(
    (a, b) => a.publishedOn.localeCompare(b.publishedOn) || a.measureId.localeCompare(b.measureId),
  );
  return new Map(
    ordered.map((measure) => [
      measure.measureId,
      formatAnnouncementNumber(measure.issuer, measure.announcementNumber, language),
    ]),
  );
}

import type { MeasureStatusOnDate } from '@licensing/domain';
import type { MeasureHistory } from './rule-history-api';

/** One stretch of legal dates over which a measure kept one state. */
export interface Band {
  readonly measureId: string;
  readonly status: MeasureStatusOnDate;
  /** First day; null: since ever. */
  readonly from: string | null;
  /** First day after (exclusive); null: open-ended. */
  readonly until: string | null;
  readonly suspendedBy: readonly string[];
}

/** The states the timeline draws, in legend order, and their colours (dark enough to read on white). */
export const DRAWN_STATES = ['not_yet_in_force', 'in_force', 'suspended', 'repealed'] as const;
export const STATE_COLOURS: Record<(typeof DRAWN_STATES)[number], string> = {
  not_yet_in_force: '#74c0fc',
  in_force: '#2f9e44',
  suspended: '#e8590c',
  repealed: '#868e96',
};

/** Before publication a measure is not law at all: nothing to draw. */
export function bandsOf(histories: readonly MeasureHistory[]): Band[] {
  return histories.flatMap((history) =>
    history.intervals
      .filter((interval) => interval.status !== 'not_yet_published')
      .map((interval) => ({
        measureId: history.measureId,
        status: interval.status,
        from: interval.from,
        until: interval.until,
        suspendedBy: interval.suspendedBy,
      })),
  );
}

export function legalDateToUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

const MONTH_MS = 30.5 * 24 * 3600 * 1000;

/**
 * The dates worth seeing: from a little before the earliest change of the
 * last few years to a year after the latest, so recent suspensions are
 * wide enough to read; older measures run in from the left edge.
 */
export function dateDomain(bands: readonly Band[], today: string): [Date, Date] {
  const boundaries = bands.flatMap((band) => [band.from, band.until]).filter((day): day is string => day !== null);
  const latest = Math.max(legalDateToUtc(today).getTime(), ...boundaries.map((day) => legalDateToUtc(day).getTime()));
  const window = latest - 30 * MONTH_MS;
  const recent = boundaries.map((day) => legalDateToUtc(day).getTime()).filter((time) => time >= window);
  const earliest = Math.min(latest, ...recent);
  return [new Date(earliest - 3 * MONTH_MS), new Date(latest + 12 * MONTH_MS)];
}

import { LegalDate } from '../shared/dates';
import { Instant } from '../shared/metadata';
import { MeasureStatusOnDate } from '../rules/decision-record';
import { knownMeasures, MeasureInSnapshot, policySnapshot, RecordedPolicyEvent } from './policy-snapshot';
import { measureOnDate, validTimeBoundaries } from './valid-time';

/** A stretch of valid time over which a measure's status and provisions in force did not change. */
export interface MeasureInterval {
  /** First day of the interval; `null`: since ever. */
  readonly from: LegalDate | null;
  /** First day after the interval (exclusive); `null`: open-ended. */
  readonly until: LegalDate | null;
  readonly status: MeasureStatusOnDate;
  readonly provisionIds: readonly string[];
  readonly suspendedBy: readonly string[];
}

/**
 * The measure's life over valid time as known at `knownAt`, for the rule
 * history read model. Lapsing suspensions show up as boundaries without any
 * event, because their end date is a boundary.
 */
export function measureTimeline(
  events: readonly RecordedPolicyEvent[],
  measureId: string,
  knownAt: Instant,
): MeasureInterval[] {
  const known = knownMeasures(events, knownAt).find((m) => m.measureId === measureId);
  if (known === undefined) return [];
  if (known.state.status === 'unpublished') {
    return [{ from: null, until: null, status: 'not_yet_published', provisionIds: [], suspendedBy: [] }];
  }
  const facts = known.state.facts;
  const intervals: MeasureInterval[] = [
    { from: null, until: facts.publishedOn, status: 'not_yet_published', provisionIds: [], suspendedBy: [] },
  ];
  for (const day of validTimeBoundaries(facts)) {
    if (day < facts.publishedOn) continue;
    const onDate = measureOnDate(facts, day);
    const interval: MeasureInterval = {
      from: day,
      until: null,
      status: onDate.status,
      provisionIds: onDate.provisionsInForce.map((p) => p.provisionId),
      suspendedBy: onDate.suspendedBy,
    };
    const last = intervals[intervals.length - 1]!;
    if (sameShape(last, interval)) continue;
    intervals[intervals.length - 1] = { ...last, until: day };
    intervals.push(interval);
  }
  return intervals;
}

function sameShape(a: MeasureInterval, b: MeasureInterval): boolean {
  return (
    a.status === b.status &&
    JSON.stringify(a.provisionIds) === JSON.stringify(b.provisionIds) &&
    JSON.stringify(a.suspendedBy) === JSON.stringify(b.suspendedBy)
  );
}

/** Measures in force on `validOn`, as known at `knownAt`. */
export function measuresInForce(
  events: readonly RecordedPolicyEvent[],
  validOn: LegalDate,
  knownAt: Instant,
): MeasureInSnapshot[] {
  return policySnapshot(events, { validOn, knownAt }).measures.filter((m) => m.status === 'in_force');
}

/** Events recorded in (t1, t2], in recorded order: what we learned between two instants. */
export function policyChangesBetween(
  events: readonly RecordedPolicyEvent[],
  t1: Instant,
  t2: Instant,
): RecordedPolicyEvent[] {
  const after = Date.parse(t1);
  const upTo = Date.parse(t2);
  return events
    .filter((e) => {
      const at = Date.parse(e.recordedAt);
      return at > after && at <= upTo;
    })
    .sort(
      (a, b) =>
        Date.parse(a.recordedAt) - Date.parse(b.recordedAt) ||
        (a.measureId < b.measureId ? -1 : a.measureId > b.measureId ? 1 : 0) ||
        a.revision - b.revision,
    );
}

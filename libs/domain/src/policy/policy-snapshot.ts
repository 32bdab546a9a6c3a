import { LegalDate } from '../shared/dates';
import { Instant } from '../shared/metadata';
import { MeasureStatusOnDate } from '../rules/decision-record';
import { ControlMeasureEvent } from './measure-events';
import { ControlMeasureState, evolveControlMeasure, initialControlMeasureState } from './measure-state';
import { Provision } from './provisions';
import { measureOnDate } from './valid-time';

/** A policy event as the bitemporal queries see it: which measure, where in its stream, and when we learned it. */
export interface RecordedPolicyEvent {
  readonly measureId: string;
  /** 0-based position in the measure's stream. */
  readonly revision: number;
  /** UTC instant the event was recorded (when we learned the fact). */
  readonly recordedAt: Instant;
  readonly event: ControlMeasureEvent;
}

export interface MeasureInSnapshot {
  readonly measureId: string;
  readonly title: string;
  readonly announcementNumber: string;
  readonly issuer: string;
  readonly publishedOn: LegalDate | null;
  /** Number of the measure's events known at the cut-off. */
  readonly version: number;
  readonly status: MeasureStatusOnDate;
  readonly provisionsInForce: readonly Provision[];
  readonly suspendedBy: readonly string[];
}

/** Policy as it applied on `validOn`, as known at `knownAt`. Measures are sorted by id, so equal inputs give equal snapshots. */
export interface PolicySnapshot {
  readonly validOn: LegalDate;
  readonly knownAt: Instant;
  readonly measures: readonly MeasureInSnapshot[];
}

export interface PolicyPosition {
  readonly validOn: LegalDate;
  readonly knownAt: Instant;
}

/** Instants are compared as times, not strings, so `...00Z` and `...00.000Z` agree. */
export function recordedBy(event: RecordedPolicyEvent, knownAt: Instant): boolean {
  return Date.parse(event.recordedAt) <= Date.parse(knownAt);
}

export interface KnownMeasure {
  readonly measureId: string;
  readonly version: number;
  readonly state: ControlMeasureState;
}

/** Folds each measure's stream up to the recorded-time cut-off, in stream order. */
export function knownMeasures(events: readonly RecordedPolicyEvent[], knownAt: Instant): KnownMeasure[] {
  const streams = new Map<string, RecordedPolicyEvent[]>();
  for (const e of events) {
    if (!recordedBy(e, knownAt)) continue;
    const stream = streams.get(e.measureId) ?? [];
    stream.push(e);
    streams.set(e.measureId, stream);
  }
  return [...streams.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([measureId, stream]) => {
      const ordered = [...stream].sort((a, b) => a.revision - b.revision);
      const state = ordered.reduce((s, e) => evolveControlMeasure(s, e.event), initialControlMeasureState);
      return { measureId, version: ordered.length, state };
    });
}

export function measureInSnapshot(known: KnownMeasure, validOn: LegalDate): MeasureInSnapshot {
  const { measureId, version, state } = known;
  if (state.status === 'unpublished') {
    return {
      measureId,
      title: measureId,
      announcementNumber: measureId,
      issuer: 'unknown',
      publishedOn: null,
      version,
      status: 'not_yet_published',
      provisionsInForce: [],
      suspendedBy: [],
    };
  }
  const { facts } = state;
  const onDate = measureOnDate(facts, validOn);
  return {
    measureId,
    title: facts.title,
    announcementNumber: facts.announcementNumber,
    issuer: facts.issuer,
    publishedOn: facts.publishedOn,
    version,
    status: onDate.status,
    provisionsInForce: onDate.provisionsInForce,
    suspendedBy: onDate.suspendedBy,
  };
}

/**
 * Which measures applied on `validOn`, as known at `knownAt`. Only events
 * recorded at or before `knownAt` count, so a correction changes "as known
 * now" and leaves "as known then" alone.
 */
export function policySnapshot(events: readonly RecordedPolicyEvent[], position: PolicyPosition): PolicySnapshot {
  return {
    validOn: position.validOn,
    knownAt: position.knownAt,
    measures: knownMeasures(events, position.knownAt).map((known) => measureInSnapshot(known, position.validOn)),
  };
}

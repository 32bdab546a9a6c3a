import { LegalDate } from '../shared/dates';
import { MeasureStatusOnDate } from '../rules/decision-record';
import { MeasureFacts, ProvisionHistory, SuspensionFacts } from './measure-state';
import { Provision } from './provisions';

/**
 * Valid-time reading of a measure's facts: what held in law on one calendar
 * date (China Standard Time).
 *
 * Suspension convention: a suspension covers the half-open window
 * [from, until). `until` is the first day the measure is back in force, and
 * the suspension lapses by itself on that day with no further event. So "No. 70
 * suspends No. 57 until 2026-11-10" means No. 57 is suspended on 2026-11-09 and
 * in force again on 2026-11-10, matching the design's "the suspension that
 * lapses on 2026-11-10". The Chinese text ("暂停实施至…") can also be read as
 * suspended through that day; if a policy officer confirms that reading, the
 * fix is a correction of `until` by one day, which is data, not code.
 * A lift works the same way: lifted `on` D means in force again on D.
 */
export function suspensionActiveOn(suspension: SuspensionFacts, date: LegalDate): boolean {
  if (date < suspension.from) return false;
  if (suspension.until !== undefined && date >= suspension.until) return false;
  return suspension.liftedOn === undefined || date < suspension.liftedOn;
}

/** The provision's text on `date` (the latest version already started), ignoring its own effective date. */
export function provisionTextOn(history: ProvisionHistory, date: LegalDate): Provision | null {
  let best: { from: LegalDate | null; provision: Provision | null } | undefined;
  for (const version of history.versions) {
    if (version.from !== null && version.from > date) continue;
    if (best === undefined || (version.from ?? '') >= (best.from ?? '')) best = version;
  }
  return best?.provision ?? null;
}

export interface MeasureOnDate {
  readonly status: MeasureStatusOnDate;
  readonly provisionsInForce: readonly Provision[];
  /** Measures that ordered the suspensions in effect that day (whole or partial). */
  readonly suspendedBy: readonly string[];
}

export function measureOnDate(facts: MeasureFacts, date: LegalDate): MeasureOnDate {
  if (date < facts.publishedOn) return { status: 'not_yet_published', provisionsInForce: [], suspendedBy: [] };
  if (facts.repealedOn !== undefined && date >= facts.repealedOn) {
    return { status: 'repealed', provisionsInForce: [], suspendedBy: [] };
  }
  const active = facts.suspensions.filter((s) => suspensionActiveOn(s, date));
  const suspendedBy = [...new Set(active.map((s) => s.orderedBy))];
  if (active.some((s) => s.provisionIds === undefined)) {
    return { status: 'suspended', provisionsInForce: [], suspendedBy };
  }
  // A measure with no provisions (one that only orders changes to others, e.g. No. 70) is in force from publication.
  if (facts.provisions.length === 0) return { status: 'in_force', provisionsInForce: [], suspendedBy };
  const suspendedProvisions = new Set(active.flatMap((s) => s.provisionIds ?? []));
  const effective = facts.provisions
    .map((history) => provisionTextOn(history, date))
    .filter((p): p is Provision => p !== null && p.effectiveFrom <= date);
  const inForce = effective.filter((p) => !suspendedProvisions.has(p.provisionId));
  if (effective.length === 0) return { status: 'not_yet_in_force', provisionsInForce: [], suspendedBy };
  if (inForce.length === 0) return { status: 'suspended', provisionsInForce: [], suspendedBy };
  return { status: 'in_force', provisionsInForce: inForce, suspendedBy };
}

/** Every date on which something about the measure may change in valid time, ascending. */
export function validTimeBoundaries(facts: MeasureFacts): LegalDate[] {
  const dates = new Set<LegalDate>([facts.publishedOn]);
  if (facts.repealedOn !== undefined) dates.add(facts.repealedOn);
  for (const history of facts.provisions) {
    for (const version of history.versions) {
      if (version.from !== null) dates.add(version.from);
      if (version.provision !== null) dates.add(version.provision.effectiveFrom);
    }
  }
  for (const s of facts.suspensions) {
    dates.add(s.from);
    if (s.until !== undefined) dates.add(s.until);
    if (s.liftedOn !== undefined) dates.add(s.liftedOn);
  }
  return [...dates].sort();
}

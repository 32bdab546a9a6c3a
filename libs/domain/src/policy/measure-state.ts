import { assertNever } from '../shared/decider';
import { LegalDate } from '../shared/dates';
import { ControlMeasureEvent, CorrectedFact } from './measure-events';
import { Provision } from './provisions';

/** One stretch of a provision's text: from an amendment's date (or publication, `null`); `null` provision = removed. */
export interface ProvisionVersion {
  readonly from: LegalDate | null;
  readonly provision: Provision | null;
}

export interface ProvisionHistory {
  readonly provisionId: string;
  readonly versions: readonly ProvisionVersion[];
}

export interface SuspensionFacts {
  readonly suspensionId: string;
  readonly orderedBy: string;
  readonly from: LegalDate;
  readonly until?: LegalDate;
  readonly provisionIds?: readonly string[];
  readonly liftedOn?: LegalDate;
}

/**
 * Everything recorded about a measure, in valid time. The decider reads it
 * to refuse commands; the bitemporal snapshot folds the events known at a
 * cut-off into it and asks what held on a date.
 */
export interface MeasureFacts {
  readonly measureId: string;
  readonly title: string;
  readonly issuer: string;
  readonly announcementNumber: string;
  readonly publishedOn: LegalDate;
  readonly provisions: readonly ProvisionHistory[];
  readonly suspensions: readonly SuspensionFacts[];
  readonly repealedOn?: LegalDate;
}

export type ControlMeasureState =
  | { readonly status: 'unpublished' }
  | { readonly status: 'published'; readonly facts: MeasureFacts }
  | { readonly status: 'repealed'; readonly facts: MeasureFacts };

export const initialControlMeasureState: ControlMeasureState = { status: 'unpublished' };

export function latestProvision(history: ProvisionHistory): Provision | null {
  return history.versions[history.versions.length - 1]?.provision ?? null;
}

function mapLatestProvision(
  facts: MeasureFacts,
  provisionId: string,
  change: (p: Provision) => Provision,
): MeasureFacts {
  return {
    ...facts,
    provisions: facts.provisions.map((history) => {
      const latest = latestProvision(history);
      if (history.provisionId !== provisionId || latest === null) return history;
      return {
        ...history,
        versions: [...history.versions.slice(0, -1), { ...history.versions.at(-1)!, provision: change(latest) }],
      };
    }),
  };
}

function mapSuspension(
  facts: MeasureFacts,
  suspensionId: string,
  change: (s: SuspensionFacts) => SuspensionFacts,
): MeasureFacts {
  return { ...facts, suspensions: facts.suspensions.map((s) => (s.suspensionId === suspensionId ? change(s) : s)) };
}

/** Corrections rewrite the latest version of a provision: earlier amended texts stand as recorded. */
export function applyCorrection(facts: MeasureFacts, correction: CorrectedFact): MeasureFacts {
  switch (correction.field) {
    case 'title':
      return { ...facts, title: correction.value };
    case 'publishedOn':
      return { ...facts, publishedOn: correction.value };
    case 'repealedOn':
      return { ...facts, repealedOn: correction.value };
    case 'provision.effectiveFrom':
      return mapLatestProvision(facts, correction.provisionId, (p) => ({ ...p, effectiveFrom: correction.value }));
    case 'provision.controls':
      return mapLatestProvision(facts, correction.provisionId, (p) => ({ ...p, controls: correction.value }));
    case 'provision.rules':
      return mapLatestProvision(facts, correction.provisionId, (p) => ({ ...p, rules: correction.value }));
    case 'suspension.from':
      return mapSuspension(facts, correction.suspensionId, (s) => ({ ...s, from: correction.value }));
    case 'suspension.until':
      return mapSuspension(facts, correction.suspensionId, ({ until: _dropped, ...rest }) =>
        correction.value === null ? rest : { ...rest, until: correction.value },
      );
    default:
      return assertNever(correction, 'corrected field');
  }
}

function amend(
  facts: MeasureFacts,
  effectiveOn: LegalDate,
  provisions: readonly Provision[],
  removed: readonly string[],
): MeasureFacts {
  const changed = new Map<string, Provision | null>(removed.map((id) => [id, null]));
  for (const p of provisions) changed.set(p.provisionId, p);
  const updated = facts.provisions.map((history) =>
    changed.has(history.provisionId)
      ? {
          ...history,
          versions: [...history.versions, { from: effectiveOn, provision: changed.get(history.provisionId) ?? null }],
        }
      : history,
  );
  const known = new Set(facts.provisions.map((h) => h.provisionId));
  const added = provisions
    .filter((p) => !known.has(p.provisionId))
    .map((p) => ({ provisionId: p.provisionId, versions: [{ from: effectiveOn, provision: p }] }));
  return { ...facts, provisions: [...updated, ...added] };
}

function evolveFacts(facts: MeasureFacts, event: ControlMeasureEvent): MeasureFacts {
  switch (event.type) {
    case 'MeasurePublished':
      return facts;
    case 'MeasureAmended':
      return amend(facts, event.data.effectiveOn, event.data.provisions, event.data.removedProvisionIds);
    case 'MeasureSuspended': {
      const { suspensionId, orderedBy, from, until, provisionIds } = event.data;
      const suspension: SuspensionFacts = {
        suspensionId,
        orderedBy,
        from,
        ...(until !== undefined ? { until } : {}),
        ...(provisionIds !== undefined ? { provisionIds } : {}),
      };
      return { ...facts, suspensions: [...facts.suspensions, suspension] };
    }
    case 'SuspensionExtended':
      return mapSuspension(facts, event.data.suspensionId, (s) => ({ ...s, until: event.data.until }));
    case 'SuspensionLifted':
      return mapSuspension(facts, event.data.suspensionId, (s) => ({ ...s, liftedOn: event.data.on }));
    case 'MeasureRepealed':
      return { ...facts, repealedOn: event.data.on };
    case 'CorrectionRecorded':
      return applyCorrection(facts, event.data.correction);
    default:
      return assertNever(event, 'control measure event');
  }
}

/** Total on purpose: a history read from storage never makes evolve throw; decide guards what gets in. */
export function evolveControlMeasure(state: ControlMeasureState, event: ControlMeasureEvent): ControlMeasureState {
  switch (state.status) {
    case 'unpublished': {
      if (event.type !== 'MeasurePublished') return state;
      const { provisions, ...rest } = event.data;
      const facts: MeasureFacts = {
        ...rest,
        provisions: provisions.map((p) => ({ provisionId: p.provisionId, versions: [{ from: null, provision: p }] })),
        suspensions: [],
      };
      return { status: 'published', facts };
    }
    case 'published': {
      const facts = evolveFacts(state.facts, event);
      return event.type === 'MeasureRepealed' ? { status: 'repealed', facts } : { status: 'published', facts };
    }
    case 'repealed':
      return { status: 'repealed', facts: evolveFacts(state.facts, event) };
    default:
      return assertNever(state, 'control measure state');
  }
}

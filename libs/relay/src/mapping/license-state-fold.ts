import type { LicenseLine, LicenseStateSnapshot, PartyRef } from '@licensing/contracts';
import {
  assertNever,
  type IssuedLicenseState,
  type LicenseEvent,
  licenseDecider,
  type LicenseRecord,
  type Party,
  remainingOf,
} from '@licensing/domain';
import type { RecordedEvent } from '@licensing/event-store';
import { MappingError } from './mapping-error';
import { parseLicenseEvent } from './parse-domain-event';

/**
 * What the relay remembers about one license. It holds the domain's own
 * license state, folded with `licenseDecider.evolve`, so the rules for
 * shipments, amendments and suspensions live in one place; the public
 * snapshot is derived from it.
 */
export interface RelayLicenseState {
  readonly license: IssuedLicenseState;
  readonly lastEventId: string;
  readonly lastPosition: bigint;
  /** Revision in the license stream of the last event folded in. */
  readonly revision: bigint;
}

/**
 * Folds one recorded license event into the relay's license state. Start
 * with `null` at revision 0. A redelivered event at or below the revision
 * already folded changes nothing (the relay re-reads after a crash); a gap
 * in revisions is a bug in the caller and throws.
 */
export function evolveLicenseState(previous: RelayLicenseState | null, event: RecordedEvent): RelayLicenseState {
  return evolveWith(previous, event, parseLicenseEvent(event));
}

/** Same as evolveLicenseState, for a caller that has already parsed the event. */
export function evolveWith(
  previous: RelayLicenseState | null,
  event: RecordedEvent,
  domainEvent: LicenseEvent,
): RelayLicenseState {
  if (previous !== null && event.revision <= previous.revision) return previous;
  const expected = previous === null ? 0n : previous.revision + 1n;
  if (event.revision !== expected) {
    throw new MappingError(
      event,
      `the license state holds revision ${previous?.revision ?? 'none'}, so the next event must be revision ${expected}. Rebuild it by folding the stream from revision 0.`,
    );
  }
  const license = licenseDecider.evolve(previous?.license ?? licenseDecider.initialState, domainEvent);
  if (license.status === 'none') throw new MappingError(event, 'the license is not issued after this event');
  return { license, lastEventId: event.id, lastPosition: event.position, revision: event.revision };
}

export function licenseLines(license: LicenseRecord): LicenseLine[] {
  return license.lines.map((line) => {
    const { lineId, controlCode, element, form, description, hsCode, quantity } = line.item;
    return {
      lineId,
      controlCode,
      element: element ?? null,
      form,
      description,
      hsCode: hsCode ?? null,
      authorised: { amount: quantity.amount, unit: quantity.unit },
      remaining: { amount: remainingOf(line), unit: quantity.unit },
    };
  });
}

/** Screening flags stay internal: the public contract names parties only. */
export function partyRefs(parties: readonly Party[]): PartyRef[] {
  return parties.map(({ name, country }) => ({ name, country }));
}

function suspensionAndEnd(state: IssuedLicenseState): Pick<LicenseStateSnapshot, 'suspension' | 'endedOn'> {
  switch (state.status) {
    case 'active':
      return { suspension: null, endedOn: null };
    case 'suspended':
      return { suspension: { ...state.suspension }, endedOn: null };
    case 'exhausted':
      return { suspension: null, endedOn: state.exhaustedOn };
    case 'revoked':
      return { suspension: null, endedOn: state.revokedOn };
    case 'expired':
      return { suspension: null, endedOn: state.expiredOn };
    default:
      return assertNever(state, 'license status');
  }
}

/** The public snapshot for the compacted topic. */
export function toLicenseStateSnapshot(state: RelayLicenseState): LicenseStateSnapshot {
  const { license } = state.license;
  return {
    licenseId: license.licenseId,
    applicationId: license.applicationId,
    exporterId: license.exporterId,
    licenseType: license.licenseType,
    status: state.license.status,
    validFrom: license.validFrom,
    validUntil: license.validUntil,
    lines: licenseLines(license),
    endUsers: partyRefs(license.endUsers),
    ...suspensionAndEnd(state.license),
    lastEventId: state.lastEventId,
    lastPosition: state.lastPosition.toString(),
    version: Number(state.revision),
  };
}

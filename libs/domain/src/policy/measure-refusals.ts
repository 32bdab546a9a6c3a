import { isAllowed } from '../authorization/permissions';
import { DomainError, ForbiddenError } from '../shared/errors';
import { Actor } from '../shared/metadata';
import { ControlMeasureCommand } from './measure-commands';
import { MeasureFacts, SuspensionFacts } from './measure-state';

/** Shared guards of the control-measure decider; each refusal has a stable code. */

/**
 * Who may record policy comes from the permissions table; the wording stays
 * this aggregate's own, since policy is a policy officer's job and the system
 * only records it when seeding the real history.
 */
export function requirePolicyRole(actor: Actor, command: ControlMeasureCommand['type']): void {
  if (!isAllowed(command, actor.role)) {
    throw new ForbiddenError(
      'control_measure.forbidden',
      `Only a policy officer may ${command}; ${actor.id} acts as ${actor.role}. Ask a policy officer to record it.`,
      { actorId: actor.id, role: actor.role },
    );
  }
}

export function requireSameMeasure(facts: MeasureFacts, measureId: string): void {
  if (facts.measureId !== measureId) {
    throw new DomainError(
      'control_measure.measure_id_mismatch',
      `The command names measure ${measureId} but the stream holds ${facts.measureId}. Send it to control-measure-${measureId}.`,
      { expected: facts.measureId, actual: measureId },
    );
  }
}

export function requireNotBeforePublication(facts: MeasureFacts, date: string, what: string): void {
  if (date < facts.publishedOn) {
    throw new DomainError(
      'control_measure.before_publication',
      `The ${what} (${date}) is before ${facts.announcementNumber} was published (${facts.publishedOn}). Check the date, or correct the publication date first.`,
      { date, publishedOn: facts.publishedOn },
    );
  }
}

export function requireKnownProvisions(facts: MeasureFacts, provisionIds: readonly string[]): void {
  const known = new Set(facts.provisions.map((p) => p.provisionId));
  const unknown = provisionIds.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new DomainError(
      'control_measure.unknown_provision',
      `${facts.announcementNumber} has no provision ${unknown.join(', ')}. Known provisions: ${[...known].join(', ') || 'none'}.`,
      { unknown },
    );
  }
}

export function requireUniqueProvisionIds(provisionIds: readonly string[]): void {
  const duplicates = provisionIds.filter((id, i) => provisionIds.indexOf(id) !== i);
  if (duplicates.length > 0) {
    throw new DomainError(
      'control_measure.duplicate_provision',
      `Provision ids must be unique within a measure; repeated: ${[...new Set(duplicates)].join(', ')}.`,
      { duplicates },
    );
  }
}

export function requireSuspensionWindow(from: string, until: string | undefined): void {
  if (until !== undefined && until <= from) {
    throw new DomainError(
      'control_measure.invalid_suspension_window',
      `A suspension must end after it starts: until ${until} is not after from ${from}. Give the first day the measure is back in force.`,
      { from, until },
    );
  }
}

export function findSuspension(facts: MeasureFacts, suspensionId: string): SuspensionFacts {
  const suspension = facts.suspensions.find((s) => s.suspensionId === suspensionId);
  if (suspension === undefined) {
    throw new DomainError(
      'control_measure.unknown_suspension',
      `${facts.announcementNumber} has no suspension ${suspensionId}. Record the suspension first, or use its id: ${facts.suspensions.map((s) => s.suspensionId).join(', ') || 'none recorded'}.`,
      { suspensionId },
    );
  }
  return suspension;
}

export function requireNotLifted(facts: MeasureFacts, suspension: SuspensionFacts): void {
  if (suspension.liftedOn !== undefined) {
    throw new DomainError(
      'control_measure.suspension_lifted',
      `Suspension ${suspension.suspensionId} of ${facts.announcementNumber} was lifted on ${suspension.liftedOn}. Record a new suspension instead.`,
      { suspensionId: suspension.suspensionId, liftedOn: suspension.liftedOn },
    );
  }
}

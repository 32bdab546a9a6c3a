import { DomainError } from '../shared/errors';
import { ExtendSuspension, LiftSuspension, SuspendMeasure } from './measure-commands';
import { MeasureSuspended, SuspensionExtended, SuspensionLifted } from './measure-events';
import {
  findSuspension,
  requireKnownProvisions,
  requireNotBeforePublication,
  requireNotLifted,
  requireSuspensionWindow,
} from './measure-refusals';
import { MeasureFacts } from './measure-state';

/** Suspensions have their own small life: suspended → (extended)* → lapsed by date, or lifted. */

export function decideSuspend(command: SuspendMeasure, facts: MeasureFacts): MeasureSuspended[] {
  const data = command.data;
  if (facts.suspensions.some((s) => s.suspensionId === data.suspensionId)) {
    throw new DomainError(
      'control_measure.duplicate_suspension',
      `${facts.announcementNumber} already has suspension ${data.suspensionId}. Extend it, or give the new suspension its own id.`,
      { suspensionId: data.suspensionId },
    );
  }
  requireSuspensionWindow(data.from, data.until);
  requireNotBeforePublication(facts, data.from, 'suspension start');
  if (data.provisionIds !== undefined) requireKnownProvisions(facts, data.provisionIds);
  return [{ type: 'MeasureSuspended', schemaVersion: 1, data }];
}

export function decideExtend(command: ExtendSuspension, facts: MeasureFacts): SuspensionExtended[] {
  const suspension = findSuspension(facts, command.data.suspensionId);
  requireNotLifted(facts, suspension);
  if (suspension.until === undefined || command.data.until <= suspension.until) {
    throw new DomainError(
      'control_measure.extension_not_later',
      suspension.until === undefined
        ? `Suspension ${suspension.suspensionId} of ${facts.announcementNumber} has no end date, so there is nothing to extend.`
        : `An extension must end later than the current end ${suspension.until}; got ${command.data.until}. To shorten a suspension, lift it or record a correction.`,
      {
        suspensionId: suspension.suspensionId,
        currentUntil: suspension.until ?? null,
        requestedUntil: command.data.until,
      },
    );
  }
  return [{ type: 'SuspensionExtended', schemaVersion: 1, data: command.data }];
}

export function decideLift(command: LiftSuspension, facts: MeasureFacts): SuspensionLifted[] {
  const suspension = findSuspension(facts, command.data.suspensionId);
  requireNotLifted(facts, suspension);
  const on = command.data.on;
  const active = on >= suspension.from && (suspension.until === undefined || on < suspension.until);
  if (!active) {
    throw new DomainError(
      'control_measure.suspension_not_active',
      `Suspension ${suspension.suspensionId} of ${facts.announcementNumber} runs from ${suspension.from}` +
        `${suspension.until ? ` until ${suspension.until}` : ''}, so it cannot be lifted on ${on}. Lift it on a day it is in effect.`,
      { suspensionId: suspension.suspensionId, from: suspension.from, until: suspension.until ?? null, on },
    );
  }
  return [{ type: 'SuspensionLifted', schemaVersion: 1, data: command.data }];
}

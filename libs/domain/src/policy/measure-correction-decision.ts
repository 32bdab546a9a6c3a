import { assertNever } from '../shared/decider';
import { DomainError } from '../shared/errors';
import { RecordCorrection } from './measure-commands';
import { CorrectionRecorded } from './measure-events';
import { findSuspension, requireKnownProvisions, requireSuspensionWindow } from './measure-refusals';
import { applyCorrection, latestProvision, MeasureFacts } from './measure-state';

/** The value the correction would replace, for the "changes nothing" check. */
function currentValue(facts: MeasureFacts, command: RecordCorrection): unknown {
  const c = command.data.correction;
  switch (c.field) {
    case 'title':
      return facts.title;
    case 'publishedOn':
      return facts.publishedOn;
    case 'repealedOn':
      if (facts.repealedOn === undefined) {
        throw new DomainError(
          'control_measure.not_repealed',
          `${facts.announcementNumber} has no recorded repeal, so its repeal date cannot be corrected. Record the repeal instead.`,
        );
      }
      return facts.repealedOn;
    case 'provision.effectiveFrom':
    case 'provision.controls':
    case 'provision.rules': {
      requireKnownProvisions(facts, [c.provisionId]);
      const history = facts.provisions.find((p) => p.provisionId === c.provisionId);
      const provision = history ? latestProvision(history) : null;
      if (provision === null) {
        throw new DomainError(
          'control_measure.unknown_provision',
          `Provision ${c.provisionId} of ${facts.announcementNumber} was removed by an amendment; correct the amendment's provisions instead.`,
          { unknown: [c.provisionId] },
        );
      }
      if (c.field === 'provision.effectiveFrom') return provision.effectiveFrom;
      return c.field === 'provision.controls' ? provision.controls : provision.rules;
    }
    case 'suspension.from':
    case 'suspension.until': {
      const suspension = findSuspension(facts, c.suspensionId);
      return c.field === 'suspension.from' ? suspension.from : (suspension.until ?? null);
    }
    default:
      return assertNever(c, 'corrected field');
  }
}

export function decideCorrection(command: RecordCorrection, facts: MeasureFacts): CorrectionRecorded[] {
  const correction = command.data.correction;
  const before = currentValue(facts, command);
  if (JSON.stringify(before) === JSON.stringify(correction.value)) {
    throw new DomainError(
      'control_measure.correction_changes_nothing',
      `${facts.announcementNumber} already records ${correction.field} as ${JSON.stringify(correction.value)}. Nothing to correct.`,
      { field: correction.field },
    );
  }
  if (correction.field === 'suspension.from' || correction.field === 'suspension.until') {
    const corrected = applyCorrection(facts, correction);
    const suspension = findSuspension(corrected, correction.suspensionId);
    requireSuspensionWindow(suspension.from, suspension.until);
  }
  return [{ type: 'CorrectionRecorded', schemaVersion: 1, data: command.data }];
}

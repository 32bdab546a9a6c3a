import { assertNever, Decider } from '../shared/decider';
import { DomainError, IllegalTransitionError } from '../shared/errors';
import { ControlMeasureCommand } from './measure-commands';
import { decideCorrection } from './measure-correction-decision';
import { ControlMeasureEvent } from './measure-events';
import {
  requireKnownProvisions,
  requireNotBeforePublication,
  requirePolicyRole,
  requireSameMeasure,
  requireUniqueProvisionIds,
} from './measure-refusals';
import { ControlMeasureState, evolveControlMeasure, initialControlMeasureState, MeasureFacts } from './measure-state';
import { decideExtend, decideLift, decideSuspend } from './measure-suspension-decisions';

/** One stream per measure, so EventStoreDB's `$by_category` groups all policy. */
export function controlMeasureStreamId(measureId: string): string {
  return `control-measure-${measureId}`;
}

const AGGREGATE = 'control_measure';

function requirePublished(state: ControlMeasureState, command: ControlMeasureCommand): MeasureFacts {
  switch (state.status) {
    case 'unpublished':
      throw new IllegalTransitionError(AGGREGATE, command.type, 'not published', 'Publish the measure first.');
    case 'repealed':
      throw new IllegalTransitionError(
        AGGREGATE,
        command.type,
        `repealed (on ${state.facts.repealedOn})`,
        'A repealed measure no longer changes; publish a new measure, or correct the repeal if it was recorded in error.',
      );
    case 'published':
      requireSameMeasure(state.facts, command.data.measureId);
      return state.facts;
    default:
      return assertNever(state, 'control measure state');
  }
}

function decide(command: ControlMeasureCommand, state: ControlMeasureState): ControlMeasureEvent[] {
  requirePolicyRole(command.metadata.actor, command.type);
  switch (command.type) {
    case 'PublishMeasure': {
      if (state.status !== 'unpublished') {
        throw new IllegalTransitionError(
          AGGREGATE,
          command.type,
          `already published (on ${state.facts.publishedOn})`,
          'Amend it, or record a correction if the publication was transcribed wrongly.',
        );
      }
      requireUniqueProvisionIds(command.data.provisions.map((p) => p.provisionId));
      return [{ type: 'MeasurePublished', schemaVersion: 1, data: command.data }];
    }
    case 'AmendMeasure': {
      const facts = requirePublished(state, command);
      const { provisions, removedProvisionIds, effectiveOn } = command.data;
      if (provisions.length === 0 && removedProvisionIds.length === 0) {
        throw new DomainError(
          'control_measure.empty_amendment',
          'An amendment must replace, add or remove at least one provision.',
        );
      }
      requireUniqueProvisionIds([...provisions.map((p) => p.provisionId), ...removedProvisionIds]);
      requireKnownProvisions(facts, removedProvisionIds);
      requireNotBeforePublication(facts, effectiveOn, 'amendment date');
      return [{ type: 'MeasureAmended', schemaVersion: 1, data: command.data }];
    }
    case 'SuspendMeasure':
      return decideSuspend(command, requirePublished(state, command));
    case 'ExtendSuspension':
      return decideExtend(command, requirePublished(state, command));
    case 'LiftSuspension':
      return decideLift(command, requirePublished(state, command));
    case 'RepealMeasure': {
      const facts = requirePublished(state, command);
      requireNotBeforePublication(facts, command.data.on, 'repeal date');
      return [{ type: 'MeasureRepealed', schemaVersion: 1, data: command.data }];
    }
    case 'RecordCorrection': {
      // Corrections stay possible after repeal: the record of a dead measure can still be wrong.
      if (state.status === 'unpublished') {
        throw new IllegalTransitionError(AGGREGATE, command.type, 'not published', 'Publish the measure first.');
      }
      requireSameMeasure(state.facts, command.data.measureId);
      return decideCorrection(command, state.facts);
    }
    default:
      return assertNever(command, 'control measure command');
  }
}

export const controlMeasureDecider: Decider<ControlMeasureCommand, ControlMeasureEvent, ControlMeasureState> = {
  initialState: initialControlMeasureState,
  evolve: evolveControlMeasure,
  decide,
};

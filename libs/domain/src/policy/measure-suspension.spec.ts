import { deciderSpec } from '../testing/decider-spec';
import { controlMeasureDecider } from './measure-decider';
import { ControlMeasureEvent } from './measure-events';
import { command, published, suspended } from './testing/measure-fixtures';

const spec = deciderSpec(controlMeasureDecider);
const measureId = 'no-57-2025';

describe('control measure decider: suspensions', () => {
  const suspend = {
    measureId,
    suspensionId: 'no-70-2025',
    orderedBy: 'no-70-2025',
    from: '2025-11-07',
    until: '2026-11-10',
  };

  it('suspends a published measure for a window, naming the measure that ordered it', () => {
    spec
      .given([published])
      .when(command('SuspendMeasure', suspend))
      .then([{ type: 'MeasureSuspended', schemaVersion: 1, data: suspend }]);
  });

  it('suspends only some provisions ("suspends part of")', () => {
    const data = { ...suspend, provisionIds: ['item-list'] };
    spec
      .given([published])
      .when(command('SuspendMeasure', data))
      .then([{ type: 'MeasureSuspended', schemaVersion: 1, data }]);
  });

  it('suspends with no end date (until lifted)', () => {
    const { until: _none, ...open } = suspend;
    spec
      .given([published])
      .when(command('SuspendMeasure', open))
      .then([{ type: 'MeasureSuspended', schemaVersion: 1, data: open }]);
  });

  it('refuses a window whose until is not after from', () => {
    spec
      .given([published])
      .when(command('SuspendMeasure', { ...suspend, until: '2025-11-07' }))
      .thenThrows('control_measure.invalid_suspension_window', /not after/);
    spec
      .given([published])
      .when(command('SuspendMeasure', { ...suspend, until: '2025-11-01' }))
      .thenThrows('control_measure.invalid_suspension_window');
  });

  it('refuses to reuse a suspension id, suspend before publication, or suspend unknown provisions', () => {
    spec
      .given([published, suspended()])
      .when(command('SuspendMeasure', suspend))
      .thenThrows('control_measure.duplicate_suspension');
    spec
      .given([published])
      .when(command('SuspendMeasure', { ...suspend, from: '2025-01-01' }))
      .thenThrows('control_measure.before_publication');
    spec
      .given([published])
      .when(command('SuspendMeasure', { ...suspend, provisionIds: ['clause-9'] }))
      .thenThrows('control_measure.unknown_provision');
  });

  it('refuses to suspend a measure that was never published', () => {
    spec
      .given([])
      .when(command('SuspendMeasure', suspend))
      .thenThrows('control_measure.illegal_transition', /not published/);
  });

  it('extends a suspension to a later date', () => {
    const data = { measureId, suspensionId: 'no-70-2025', orderedBy: 'no-90-2026', until: '2027-11-10' };
    spec
      .given([published, suspended()])
      .when(command('ExtendSuspension', data))
      .then([{ type: 'SuspensionExtended', schemaVersion: 1, data }]);
  });

  it('refuses to extend a suspension that does not exist', () => {
    const data = { measureId, suspensionId: 'no-70-2025', orderedBy: 'x', until: '2027-11-10' };
    spec.given([published]).when(command('ExtendSuspension', data)).thenThrows('control_measure.unknown_suspension');
  });

  it('refuses to extend to an earlier or equal date, or an open-ended suspension', () => {
    const data = { measureId, suspensionId: 'no-70-2025', orderedBy: 'x', until: '2026-11-10' };
    spec
      .given([published, suspended()])
      .when(command('ExtendSuspension', data))
      .thenThrows('control_measure.extension_not_later', /later than/);
    spec
      .given([published, suspended()])
      .when(command('ExtendSuspension', { ...data, until: '2026-01-01' }))
      .thenThrows('control_measure.extension_not_later');
    spec
      .given([published, suspended(null)])
      .when(command('ExtendSuspension', { ...data, until: '2028-01-01' }))
      .thenThrows('control_measure.extension_not_later', /no end date/);
  });

  it('lifts an active suspension early', () => {
    const data = { measureId, suspensionId: 'no-70-2025', orderedBy: 'no-80-2026', on: '2026-03-01' };
    spec
      .given([published, suspended()])
      .when(command('LiftSuspension', data))
      .then([{ type: 'SuspensionLifted', schemaVersion: 1, data }]);
  });

  it('refuses to lift a suspension on a day it is not in effect', () => {
    const data = { measureId, suspensionId: 'no-70-2025', orderedBy: 'x', on: '2026-11-10' };
    spec
      .given([published, suspended()])
      .when(command('LiftSuspension', data))
      .thenThrows('control_measure.suspension_not_active', /cannot be lifted/);
    spec
      .given([published, suspended()])
      .when(command('LiftSuspension', { ...data, on: '2025-11-01' }))
      .thenThrows('control_measure.suspension_not_active');
  });

  it('refuses to lift or extend a suspension that was already lifted', () => {
    const lifted: ControlMeasureEvent = {
      type: 'SuspensionLifted',
      schemaVersion: 1,
      data: { measureId, suspensionId: 'no-70-2025', orderedBy: 'x', on: '2026-03-01' },
    };
    spec
      .given([published, suspended(), lifted])
      .when(command('LiftSuspension', { ...lifted.data, on: '2026-04-01' }))
      .thenThrows('control_measure.suspension_lifted');
    spec
      .given([published, suspended(), lifted])
      .when(command('ExtendSuspension', { measureId, suspensionId: 'no-70-2025', orderedBy: 'x', until: '2028-01-01' }))
      .thenThrows('control_measure.suspension_lifted');
  });

  it('refuses suspension commands from a reviewer', () => {
    spec
      .given([published])
      .when(command('SuspendMeasure', suspend, 'reviewer'))
      .thenThrows('control_measure.forbidden');
  });
});

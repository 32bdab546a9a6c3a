import { deciderSpec } from '../testing/decider-spec';
import { fold } from '../shared/decider';
import { controlMeasureDecider, controlMeasureStreamId } from './measure-decider';
import { ControlMeasureEvent } from './measure-events';
import { command, holmiumProvision, published, repealed, suspended } from './testing/measure-fixtures';

const spec = deciderSpec(controlMeasureDecider);
const measureId = 'no-57-2025';

describe('control measure decider: publish, amend, repeal', () => {
  it('names its stream control-measure-<id>', () => {
    expect(controlMeasureStreamId('no-18-2025')).toBe('control-measure-no-18-2025');
  });

  it('publishes a measure with its provisions', () => {
    spec.given([]).when(command('PublishMeasure', published.data)).then([published]);
  });

  it('lets the seeding system publish', () => {
    spec
      .given([])
      .when(command('PublishMeasure', published.data, 'system'))
      .then([published]);
  });

  it('refuses anyone but a policy officer or the system', () => {
    spec
      .given([])
      .when(command('PublishMeasure', published.data, 'licensing_officer'))
      .thenThrows('control_measure.forbidden', /policy officer/);
  });

  it('refuses to publish twice', () => {
    spec
      .given([published])
      .when(command('PublishMeasure', published.data))
      .thenThrows('control_measure.illegal_transition', /already published/);
  });

  it('refuses duplicate provision ids in a publication', () => {
    const data = { ...published.data, provisions: [holmiumProvision, holmiumProvision] };
    spec.given([]).when(command('PublishMeasure', data)).thenThrows('control_measure.duplicate_provision');
  });

  it('amends: replaces a provision from a date', () => {
    const data = {
      measureId,
      orderedBy: 'no-80-2026',
      effectiveOn: '2026-12-01',
      provisions: [{ ...holmiumProvision, summary: 'Holmium, revised' }],
      removedProvisionIds: [],
    };
    spec
      .given([published])
      .when(command('AmendMeasure', data))
      .then([{ type: 'MeasureAmended', schemaVersion: 1, data }]);
  });

  it('amends: adds a new provision and removes another from a date', () => {
    const added = {
      ...holmiumProvision,
      provisionId: 'erbium',
      controls: [{ controlCode: '1C910', description: 'Erbium' }],
    };
    const data = {
      measureId,
      orderedBy: 'no-80-2026',
      effectiveOn: '2026-12-01',
      provisions: [added],
      removedProvisionIds: ['item-list'],
    };
    spec
      .given([published])
      .when(command('AmendMeasure', data))
      .then([{ type: 'MeasureAmended', schemaVersion: 1, data }]);
  });

  it('refuses to amend a measure that was never published', () => {
    const data = {
      measureId,
      orderedBy: 'x',
      effectiveOn: '2026-12-01',
      provisions: [holmiumProvision],
      removedProvisionIds: [],
    };
    spec
      .given([])
      .when(command('AmendMeasure', data))
      .thenThrows('control_measure.illegal_transition', /not published/);
  });

  it('refuses to amend a repealed measure', () => {
    const data = {
      measureId,
      orderedBy: 'x',
      effectiveOn: '2027-02-01',
      provisions: [holmiumProvision],
      removedProvisionIds: [],
    };
    spec
      .given([published, repealed])
      .when(command('AmendMeasure', data))
      .thenThrows('control_measure.illegal_transition', /repealed/);
  });

  it('refuses an empty amendment, removal of an unknown provision, and a date before publication', () => {
    const base = {
      measureId,
      orderedBy: 'x',
      effectiveOn: '2026-12-01',
      provisions: [],
      removedProvisionIds: [] as string[],
    };
    spec.given([published]).when(command('AmendMeasure', base)).thenThrows('control_measure.empty_amendment');
    spec
      .given([published])
      .when(command('AmendMeasure', { ...base, removedProvisionIds: ['nope'] }))
      .thenThrows('control_measure.unknown_provision');
    spec
      .given([published])
      .when(command('AmendMeasure', { ...base, effectiveOn: '2025-01-01', provisions: [holmiumProvision] }))
      .thenThrows('control_measure.before_publication');
  });

  it('refuses a command addressed to another measure', () => {
    const data = { measureId: 'no-18-2025', orderedBy: 'x', on: '2027-01-01' };
    spec.given([published]).when(command('RepealMeasure', data)).thenThrows('control_measure.measure_id_mismatch');
  });

  it('repeals on a date, and the state becomes repealed', () => {
    spec
      .given([published])
      .when(command('RepealMeasure', repealed.data as never))
      .then([repealed]);
    expect(fold(controlMeasureDecider, [published, repealed]).status).toBe('repealed');
  });

  it('refuses to repeal twice or before publication', () => {
    spec
      .given([published, repealed])
      .when(command('RepealMeasure', repealed.data as never))
      .thenThrows('control_measure.illegal_transition');
    spec
      .given([published])
      .when(command('RepealMeasure', { measureId, orderedBy: 'x', on: '2025-01-01' }))
      .thenThrows('control_measure.before_publication');
  });

  it('refuses to suspend a repealed measure', () => {
    const data = { measureId, suspensionId: 's', orderedBy: 'x', from: '2027-02-01', until: '2027-03-01' };
    spec
      .given([published, repealed])
      .when(command('SuspendMeasure', data))
      .thenThrows('control_measure.illegal_transition', /repealed/);
  });
});

describe('control measure decider: corrections', () => {
  const correct = (correction: unknown) =>
    command('RecordCorrection', { measureId, correction, reason: 'transcription error' } as never);

  it('records a corrected suspension end date', () => {
    const data = {
      measureId,
      correction: { field: 'suspension.until', suspensionId: 'no-70-2025', value: '2027-11-10' },
      reason: 'extension learned late',
      correctsRevision: 1,
    };
    spec
      .given([published, suspended()])
      .when(command('RecordCorrection', data as never))
      .then([{ type: 'CorrectionRecorded', schemaVersion: 1, data } as ControlMeasureEvent]);
  });

  it('records a corrected control code list and publication date', () => {
    const controls = [{ controlCode: '1C909.a', element: 'holmium', description: 'Holmium metal' }];
    spec
      .given([published])
      .when(correct({ field: 'provision.controls', provisionId: 'item-list', value: controls }))
      .then([
        {
          type: 'CorrectionRecorded',
          schemaVersion: 1,
          data: {
            measureId,
            correction: { field: 'provision.controls', provisionId: 'item-list', value: controls },
            reason: 'transcription error',
          },
        },
      ]);
    const afterCorrection = fold(controlMeasureDecider, [
      published,
      {
        type: 'CorrectionRecorded',
        schemaVersion: 1,
        data: { measureId, correction: { field: 'publishedOn', value: '2025-10-10' }, reason: 'x' },
      },
    ]);
    expect(afterCorrection.status === 'published' && afterCorrection.facts.publishedOn).toBe('2025-10-10');
  });

  it('still accepts corrections after repeal', () => {
    spec
      .given([published, repealed])
      .when(correct({ field: 'repealedOn', value: '2027-02-01' }))
      .then([
        {
          type: 'CorrectionRecorded',
          schemaVersion: 1,
          data: { measureId, correction: { field: 'repealedOn', value: '2027-02-01' }, reason: 'transcription error' },
        },
      ]);
  });

  it('refuses corrections that change nothing or name unknown facts', () => {
    spec
      .given([published])
      .when(correct({ field: 'publishedOn', value: '2025-10-09' }))
      .thenThrows('control_measure.correction_changes_nothing');
    spec
      .given([published])
      .when(correct({ field: 'provision.effectiveFrom', provisionId: 'nope', value: '2025-11-09' }))
      .thenThrows('control_measure.unknown_provision');
    spec
      .given([published])
      .when(correct({ field: 'suspension.until', suspensionId: 'nope', value: '2026-01-01' }))
      .thenThrows('control_measure.unknown_suspension');
    spec
      .given([published])
      .when(correct({ field: 'repealedOn', value: '2027-01-01' }))
      .thenThrows('control_measure.not_repealed');
    spec
      .given([])
      .when(correct({ field: 'publishedOn', value: '2025-10-10' }))
      .thenThrows('control_measure.illegal_transition');
  });

  it('refuses to correct a provision an amendment removed', () => {
    const removal: ControlMeasureEvent = {
      type: 'MeasureAmended',
      schemaVersion: 1,
      data: {
        measureId,
        orderedBy: 'x',
        effectiveOn: '2026-01-01',
        provisions: [],
        removedProvisionIds: ['item-list'],
      },
    };
    spec
      .given([published, removal])
      .when(correct({ field: 'provision.effectiveFrom', provisionId: 'item-list', value: '2025-11-09' }))
      .thenThrows('control_measure.unknown_provision', /removed by an amendment/);
  });

  it('refuses a correction that would make a suspension end before it starts', () => {
    spec
      .given([published, suspended()])
      .when(correct({ field: 'suspension.until', suspensionId: 'no-70-2025', value: '2025-11-01' }))
      .thenThrows('control_measure.invalid_suspension_window');
  });

  it('refuses corrections from an exporter', () => {
    spec
      .given([published])
      .when(
        command('RecordCorrection', { measureId, correction: { field: 'title', value: 'x' }, reason: 'r' }, 'exporter'),
      )
      .thenThrows('control_measure.forbidden');
  });
});

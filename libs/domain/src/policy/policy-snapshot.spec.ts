import { ControlMeasureEvent } from './measure-events';
import { policySnapshot, RecordedPolicyEvent } from './policy-snapshot';
import { measuresInForce, measureTimeline, policyChangesBetween } from './policy-timeline';
import { holmiumProvision, published, suspended } from './testing/measure-fixtures';

const measureId = 'no-57-2025';

/** Records events of no-57-2025 in order, each at the given instant. */
function recorded(...entries: Array<[string, ControlMeasureEvent]>): RecordedPolicyEvent[] {
  return entries.map(([recordedAt, event], revision) => ({ measureId, revision, recordedAt, event }));
}

const at = (events: RecordedPolicyEvent[], validOn: string, knownAt = '2030-01-01T00:00:00Z') =>
  policySnapshot(events, { validOn, knownAt }).measures.find((m) => m.measureId === measureId);

describe('policy snapshot: valid time', () => {
  const base = recorded(['2025-10-09T00:00:00Z', published], ['2025-11-07T00:00:00Z', suspended('2026-11-10')]);

  it('answers not yet published, not yet in force, in force, suspended, in force again after the lapse', () => {
    expect(at(base, '2025-10-08')?.status).toBe('not_yet_published');
    expect(at(base, '2025-10-09')?.status).toBe('not_yet_in_force');
    expect(at(base, '2025-11-07')).toMatchObject({
      status: 'suspended',
      suspendedBy: ['no-70-2025'],
      provisionsInForce: [],
    });
    expect(at(base, '2026-11-09')?.status).toBe('suspended');
    expect(at(base, '2026-11-10')).toMatchObject({ status: 'in_force', provisionsInForce: [holmiumProvision] });
  });

  it('a lift ends the suspension on the lift date', () => {
    const lifted = recorded(...base.map((e): [string, ControlMeasureEvent] => [e.recordedAt, e.event]), [
      '2026-03-01T00:00:00Z',
      {
        type: 'SuspensionLifted',
        schemaVersion: 1,
        data: { measureId, suspensionId: 'no-70-2025', orderedBy: 'no-80-2026', on: '2026-03-01' },
      },
    ]);
    expect(at(lifted, '2026-02-28')?.status).toBe('suspended');
    expect(at(lifted, '2026-03-01')?.status).toBe('in_force');
  });

  it('an extension moves the lapse date', () => {
    const extended = recorded(...base.map((e): [string, ControlMeasureEvent] => [e.recordedAt, e.event]), [
      '2026-11-01T00:00:00Z',
      {
        type: 'SuspensionExtended',
        schemaVersion: 1,
        data: { measureId, suspensionId: 'no-70-2025', orderedBy: 'no-90-2026', until: '2027-11-10' },
      },
    ]);
    expect(at(extended, '2026-11-10')?.status).toBe('suspended');
    expect(at(extended, '2027-11-10')?.status).toBe('in_force');
    expect(at(extended, '2026-11-10', '2026-10-31T00:00:00Z')?.status).toBe('in_force');
  });

  it('a partial suspension suspends only its provisions', () => {
    const second = {
      ...holmiumProvision,
      provisionId: 'erbium',
      controls: [{ controlCode: '1C910', description: 'Erbium' }],
    };
    const events = recorded(
      ['2025-10-09T00:00:00Z', { ...published, data: { ...published.data, provisions: [holmiumProvision, second] } }],
      [
        '2025-11-09T00:00:00Z',
        {
          type: 'MeasureSuspended',
          schemaVersion: 1,
          data: {
            measureId,
            suspensionId: 's',
            orderedBy: 'x',
            from: '2025-11-09',
            until: '2025-12-01',
            provisionIds: ['erbium'],
          },
        },
      ],
    );
    expect(at(events, '2025-11-10')?.provisionsInForce.map((p) => p.provisionId)).toEqual(['item-list']);
    expect(at(events, '2025-12-01')?.provisionsInForce.map((p) => p.provisionId)).toEqual(['item-list', 'erbium']);
  });

  it('an amendment changes a provision from its date and keeps the old text before it; repeal ends the measure', () => {
    const revised = { ...holmiumProvision, summary: 'Holmium, revised' };
    const events = recorded(
      ['2025-10-09T00:00:00Z', published],
      [
        '2026-01-01T00:00:00Z',
        {
          type: 'MeasureAmended',
          schemaVersion: 1,
          data: {
            measureId,
            orderedBy: 'x',
            effectiveOn: '2026-02-01',
            provisions: [revised],
            removedProvisionIds: [],
          },
        },
      ],
      [
        '2026-06-01T00:00:00Z',
        { type: 'MeasureRepealed', schemaVersion: 1, data: { measureId, orderedBy: 'y', on: '2026-07-01' } },
      ],
    );
    expect(at(events, '2026-01-31')?.provisionsInForce[0]?.summary).toBe('Holmium items');
    expect(at(events, '2026-02-01')?.provisionsInForce[0]?.summary).toBe('Holmium, revised');
    expect(at(events, '2026-07-01')?.status).toBe('repealed');
    expect(at(events, '2026-07-01', '2026-05-01T00:00:00Z')?.status).toBe('in_force');
  });
});

describe('policy snapshot: recorded time', () => {
  const correction: ControlMeasureEvent = {
    type: 'CorrectionRecorded',
    schemaVersion: 1,
    data: {
      measureId,
      correction: { field: 'provision.effectiveFrom', provisionId: 'item-list', value: '2025-11-15' },
      reason: 'misread date',
    },
  };
  const events = recorded(['2025-10-09T00:00:00Z', published], ['2025-11-20T00:00:00Z', correction]);

  it('applies a correction only from when it was recorded', () => {
    expect(at(events, '2025-11-10', '2025-11-19T23:59:59Z')?.status).toBe('in_force');
    expect(at(events, '2025-11-10', '2025-11-20T00:00:00Z')?.status).toBe('not_yet_in_force');
  });

  it('counts the version as events known at the cut-off and ignores measures not yet known', () => {
    expect(at(events, '2025-11-10', '2025-11-19T00:00:00Z')?.version).toBe(1);
    expect(at(events, '2025-11-10')?.version).toBe(2);
    expect(policySnapshot(events, { validOn: '2025-11-10', knownAt: '2025-10-01T00:00:00Z' }).measures).toEqual([]);
  });

  it('compares instants as times, whatever their precision', () => {
    expect(at(events, '2025-11-10', '2025-11-20T00:00:00.000Z')?.version).toBe(2);
  });
});

describe('timeline helpers', () => {
  const events = recorded(['2025-10-09T00:00:00Z', published], ['2025-11-07T00:00:00Z', suspended('2026-11-10')]);

  it('measureTimeline gives status intervals over valid time, with the lapse as a boundary', () => {
    expect(measureTimeline(events, measureId, '2030-01-01T00:00:00Z')).toEqual([
      { from: null, until: '2025-10-09', status: 'not_yet_published', provisionIds: [], suspendedBy: [] },
      { from: '2025-10-09', until: '2025-11-07', status: 'not_yet_in_force', provisionIds: [], suspendedBy: [] },
      { from: '2025-11-07', until: '2026-11-10', status: 'suspended', provisionIds: [], suspendedBy: ['no-70-2025'] },
      { from: '2026-11-10', until: null, status: 'in_force', provisionIds: ['item-list'], suspendedBy: [] },
    ]);
  });

  it('measureTimeline as known before the suspension shows the measure in force from 2025-11-08', () => {
    expect(measureTimeline(events, measureId, '2025-11-01T00:00:00Z').map((i) => [i.from, i.status])).toEqual([
      [null, 'not_yet_published'],
      ['2025-10-09', 'not_yet_in_force'],
      ['2025-11-08', 'in_force'],
    ]);
    expect(measureTimeline(events, 'unknown', '2030-01-01T00:00:00Z')).toEqual([]);
  });

  it('measuresInForce lists only measures in force that day', () => {
    expect(measuresInForce(events, '2025-11-08', '2025-11-01T00:00:00Z').map((m) => m.measureId)).toEqual([measureId]);
    expect(measuresInForce(events, '2025-11-08', '2030-01-01T00:00:00Z')).toEqual([]);
  });

  it('policyChangesBetween returns events recorded in (t1, t2]', () => {
    expect(policyChangesBetween(events, '2025-10-09T00:00:00Z', '2025-11-07T00:00:00Z').map((e) => e.revision)).toEqual(
      [1],
    );
    expect(policyChangesBetween(events, '2025-10-08T00:00:00Z', '2025-11-06T00:00:00Z').map((e) => e.revision)).toEqual(
      [0],
    );
  });
});

import { policySnapshot, RecordedPolicyEvent } from '../policy/policy-snapshot';
import { rareEarthPolicyHistory } from '../policy/seed/rare-earth-policy-history';
import { toRecordedPolicyEvents } from '../policy/seed/seed-policy-event';
import { DecisionRecord } from './decision-record';
import { evaluate } from './evaluate';
import { diffValues } from './record-diff';
import { replayDecision, whatIfDecision } from './replay';
import { application, experiencedExporter, holmiumMetal } from './testing/evaluation-fixtures';

const history = toRecordedPolicyEvents(rareEarthPolicyHistory());
const decidedAt = { validOn: '2026-03-01', knownAt: '2026-03-01T02:00:00Z' };
const record = evaluate(application([holmiumMetal]), experiencedExporter, policySnapshot(history, decidedAt));

/** A later fact: No. 57's suspension is lifted from 2026-02-01, learned on 2026-04-01. */
const lateLift: RecordedPolicyEvent = {
  measureId: 'no-57-2025',
  revision: 2,
  recordedAt: '2026-04-01T00:00:00Z',
  event: {
    type: 'SuspensionLifted',
    schemaVersion: 1,
    data: { measureId: 'no-57-2025', suspensionId: 'no-70-2025', orderedBy: 'test-only', on: '2026-02-01' },
  },
};

describe('replayDecision', () => {
  it('matches a decision replayed on the recorded policy log', () => {
    expect(record.verdict).toBe('not_controlled');
    expect(replayDecision(record, history)).toMatchObject({ matches: true, differences: [] });
  });

  it('still matches after later events and after a round trip through JSON storage', () => {
    const stored = DecisionRecord.parse(JSON.parse(JSON.stringify(record)));
    expect(replayDecision(stored, [...history, lateLift]).matches).toBe(true);
  });

  it('reports a tampered record', () => {
    const tampered = { ...record, verdict: 'license_required' as const };
    expect(replayDecision(tampered, history)).toMatchObject({
      matches: false,
      differences: [{ path: '$.verdict', recorded: 'license_required', replayed: 'not_controlled' }],
    });
  });

  it('reports altered policy events', () => {
    const altered = history.map((e) =>
      e.measureId === 'no-57-2025' && e.event.type === 'MeasureSuspended'
        ? { ...e, event: { ...e.event, data: { ...e.event.data, until: '2026-02-01' } } }
        : e,
    );
    const result = replayDecision(record, altered);
    expect(result.matches).toBe(false);
    expect(result.differences).toContainEqual({
      path: '$.verdict',
      recorded: 'not_controlled',
      replayed: 'license_required',
    });
  });
});

describe('whatIfDecision', () => {
  it('re-evaluates the recorded inputs as known now and lists what changes', () => {
    const result = whatIfDecision(record, [...history, lateLift], {
      validOn: '2026-03-01',
      knownAt: '2026-04-02T00:00:00Z',
    });
    expect(result.matches).toBe(false);
    expect(result.replayed).toMatchObject({
      verdict: 'license_required',
      licenseRequired: true,
      knownAt: '2026-04-02T00:00:00Z',
    });
    expect(result.differences).toContainEqual({ path: '$.licenseRequired', recorded: false, replayed: true });
  });

  it('re-evaluates on another valid date', () => {
    expect(
      whatIfDecision(record, history, { validOn: '2026-11-20', knownAt: '2026-11-23T00:00:00Z' }).replayed.verdict,
    ).toBe('license_required');
  });
});

describe('diffValues', () => {
  it('treats undefined properties as absent and reports array length differences', () => {
    expect(diffValues({ a: 1, b: undefined }, { a: 1 })).toEqual([]);
    expect(diffValues({ xs: [1] }, { xs: [1, 2] })).toEqual([{ path: '$.xs[1]', recorded: undefined, replayed: 2 }]);
  });
});

import { policySnapshot, rareEarthPolicyHistory, toRecordedPolicyEvents } from '@licensing/domain';
import type { RecordedEvent } from '@licensing/event-store';
import { ReadModelSchemaError } from '../parse-event';
import { applyProjection } from '../testing/apply-projection';
import { toRecorded } from '../testing/decided-events';
import { licensingStory } from '../testing/licensing-story';
import { seededPolicy } from '../testing/policy-seed';
import { ruleHistoryProjection } from './rule-history-projection';

const recorded = toRecorded([...seededPolicy(), ...licensingStory().events]);
const docs = () => applyProjection(ruleHistoryProjection, recorded);

describe('rule-history projection', () => {
  it('keeps one document per control measure and nothing for other streams', () => {
    expect([...docs().keys()].sort()).toEqual([
      'export-control-law',
      'no-18-2025',
      'no-46-2024',
      'no-55-2025',
      'no-56-2025',
      'no-57-2025',
      'no-58-2025',
      'no-61-2025',
      'no-62-2025',
      'no-70-2025',
      'no-72-2025',
      'state-council-order-792',
    ]);
  });

  it('stores each event as the domain recorded-policy event, with the envelope recordedAt as recorded time', () => {
    const expected = toRecordedPolicyEvents(rareEarthPolicyHistory());
    expect(docs().get('no-57-2025')).toEqual({
      measureId: 'no-57-2025',
      events: expected.filter((e) => e.measureId === 'no-57-2025'),
    });
    expect(
      docs()
        .get('no-57-2025')
        ?.events.map((e) => [e.revision, e.recordedAt, e.event.type]),
    ).toEqual([
      [0, '2025-10-08T16:00:00.000Z', 'MeasurePublished'],
      [1, '2025-11-06T16:00:00.000Z', 'MeasureSuspended'],
    ]);
  });

  it('gives the domain the same snapshot as the seed itself', () => {
    const stored = [...docs().values()].flatMap((d) => d.events);
    const position = { validOn: '2026-03-01', knownAt: '2026-11-23T00:00:00.000Z' };
    expect(policySnapshot(stored, position)).toEqual(
      policySnapshot(toRecordedPolicyEvents(rareEarthPolicyHistory()), position),
    );
  });

  it('applies an event it already holds only once', () => {
    const suspension = recorded.find(
      (e) => e.streamId === 'control-measure-no-57-2025' && e.revision === 1n,
    ) as RecordedEvent;
    const doc = docs().get('no-57-2025') ?? null;
    expect(ruleHistoryProjection.evolve(doc, suspension, 'no-57-2025')).toBe(doc);
  });

  it('stops with a clear error on a payload the domain schema rejects', () => {
    const published = recorded[0] as RecordedEvent;
    const broken = { ...published, data: { ...(published.data as object), publishedOn: '1 Dec 2020' } };
    expect(() => ruleHistoryProjection.evolve(null, broken, 'export-control-law')).toThrow(ReadModelSchemaError);
    expect(() => ruleHistoryProjection.evolve(null, broken, 'export-control-law')).toThrow(
      /\(MeasurePublished v1\) .*data\.publishedOn: Invalid ISO date/,
    );
  });
});

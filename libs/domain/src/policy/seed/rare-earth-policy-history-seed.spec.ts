import { fold } from '../../shared/decider';
import { ControlMeasureCommand } from '../measure-commands';
import { controlMeasureDecider } from '../measure-decider';
import { ControlMeasureEvent } from '../measure-events';
import { rareEarthPolicyHistory } from './rare-earth-policy-history';
import { deterministicUuid } from './seed-event-id';

const seed = rareEarthPolicyHistory();

const COMMAND_FOR: Record<ControlMeasureEvent['type'], ControlMeasureCommand['type']> = {
  MeasurePublished: 'PublishMeasure',
  MeasureAmended: 'AmendMeasure',
  MeasureSuspended: 'SuspendMeasure',
  SuspensionExtended: 'ExtendSuspension',
  SuspensionLifted: 'LiftSuspension',
  MeasureRepealed: 'RepealMeasure',
  CorrectionRecorded: 'RecordCorrection',
};

describe('rare-earth policy history seed', () => {
  it('derives the same event ids every time, so re-seeding is idempotent', () => {
    expect(rareEarthPolicyHistory().map((e) => e.eventId)).toEqual(seed.map((e) => e.eventId));
    expect(new Set(seed.map((e) => e.eventId)).size).toBe(seed.length);
    for (const e of seed)
      expect(e.eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deterministicUuid('a')).not.toBe(deterministicUuid('b'));
  });

  it('numbers each stream from revision 0 without gaps and names streams control-measure-<id>', () => {
    const byStream = new Map<string, number[]>();
    for (const e of seed) {
      expect(e.streamId).toBe(`control-measure-${e.measureId}`);
      byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e.revision]);
    }
    for (const revisions of byStream.values()) expect(revisions).toEqual(revisions.map((_, i) => i));
    expect(byStream.size).toBe(12);
  });

  it('records each fact at 00:00 China time on its publication date, by the seed system actor', () => {
    const no18 = seed.find((e) => e.measureId === 'no-18-2025')!;
    expect(no18.metadata).toMatchObject({
      actor: { id: 'seed', role: 'system' },
      occurredAt: '2025-04-03T16:00:00.000Z',
      recordedAt: '2025-04-03T16:00:00.000Z',
    });
    const no57Suspension = seed.find((e) => e.measureId === 'no-57-2025' && e.event.type === 'MeasureSuspended')!;
    expect(no57Suspension.metadata.recordedAt).toBe('2025-11-06T16:00:00.000Z');
  });

  it('suspends the six measures of the October package by No. 70 until 2026-11-10, and not No. 18', () => {
    const suspendedBy70 = seed
      .filter((e) => e.event.type === 'MeasureSuspended' && e.event.data.orderedBy === 'no-70-2025')
      .map((e) => e.measureId);
    expect(suspendedBy70).toEqual(['no-55-2025', 'no-56-2025', 'no-57-2025', 'no-58-2025', 'no-61-2025', 'no-62-2025']);
    expect(seed.filter((e) => e.measureId === 'no-18-2025')).toHaveLength(1);
  });

  it('holds the general-license conditions as unconfirmed data a policy officer can correct', () => {
    const order792 = seed.find((e) => e.measureId === 'state-council-order-792')!.event;
    expect(order792.type === 'MeasurePublished' && order792.data.provisions[0]?.rules[0]).toMatchObject({
      kind: 'general_license_conditions',
      conditions: {
        minDualUseExportYears: 2,
        penaltyFreeYears: 3,
        complianceProgrammeRequired: true,
        confirmed: false,
      },
    });
  });

  it('contains only events that pass the event schema and that the decider itself would emit', () => {
    const streams = new Map<string, ControlMeasureEvent[]>();
    for (const e of seed) {
      expect(ControlMeasureEvent.parse(e.event)).toEqual(e.event);
      const history = streams.get(e.streamId) ?? [];
      const command = {
        type: COMMAND_FOR[e.event.type],
        data: e.event.data,
        metadata: { commandId: e.metadata.commandId, actor: e.metadata.actor, occurredAt: e.metadata.occurredAt },
      } as ControlMeasureCommand;
      expect(controlMeasureDecider.decide(command, fold(controlMeasureDecider, history))).toEqual([e.event]);
      streams.set(e.streamId, [...history, e.event]);
    }
  });
});

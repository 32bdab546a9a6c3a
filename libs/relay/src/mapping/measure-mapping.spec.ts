import { measureFixtures, meta } from '@licensing/domain/testing';
import { type ContractMessageOf, type ContractRecord, Topics } from '@licensing/contracts';
import {
  type ControlMeasureCommand,
  controlMeasureDecider,
  controlMeasureStreamId,
  exporterDecider,
  exporterStreamId,
  rareEarthPolicyHistory,
} from '@licensing/domain';
import type { RecordedEvent } from '@licensing/event-store';
import { mapRecordedEvent, type StreamMemory, streamMemoryOf } from './map-recorded-event';
import { MappingError } from './mapping-error';
import { expectHonoursContract } from './testing/contract-assertions';
import { RecordedLog } from './testing/recorded-log';

/** The relay's loop in small: one memory per stream, events in log order. */
function relay(events: readonly RecordedEvent[]): ContractRecord[] {
  const memories = new Map<string, StreamMemory>();
  return events.flatMap((event) => {
    const mapped = mapRecordedEvent(event, memories.get(event.streamId) ?? null);
    memories.set(event.streamId, mapped.memory);
    return mapped.records;
  });
}

const changed = (records: readonly ContractRecord[]) =>
  records.map((r) => r.value as ContractMessageOf<'control-measure.changed'>);

describe('control-measure events to integration messages', () => {
  it('publishes every event of the seeded rare-earth policy history, keyed by measure id', () => {
    const log = new RecordedLog();
    const seeded = log.seed(rareEarthPolicyHistory());
    const records = relay(log.events);

    expect(records).toHaveLength(seeded.length);
    records.forEach(expectHonoursContract);
    expect(new Set(records.map((r) => r.topic))).toEqual(new Set([Topics.policyEvents]));
    records.forEach((record, index) => {
      expect(record.value.eventId).toBe(seeded[index]!.id);
      expect(record.key).toBe((seeded[index]!.data as { measureId: string }).measureId);
      expect((record.value as ContractMessageOf<'control-measure.changed'>).data.measureVersion).toBe(
        Number(seeded[index]!.revision) + 1,
      );
    });
    // The seed has no trace ids; the contract leaves them out rather than send empty strings.
    expect(records[0]!.value).not.toHaveProperty('correlationId');
  });

  it("repeats the measure's announcement number on a suspension, which only the publication carries", () => {
    const log = new RecordedLog();
    log.seed(rareEarthPolicyHistory());
    const messages = changed(relay(log.events));
    const suspensions = messages.filter((m) => m.data.change.kind === 'suspended');

    expect(suspensions.length).toBeGreaterThan(0);
    for (const suspension of suspensions) {
      const publication = messages.find(
        (m) => m.data.measureId === suspension.data.measureId && m.data.change.kind === 'published',
      );
      expect(suspension.data.announcementNumber).toBe(publication!.data.announcementNumber);
    }
  });

  it('describes amendments, suspensions, extensions, lifts, corrections and a repeal, in order', () => {
    const log = new RecordedLog();
    const measure = log.stream(controlMeasureDecider, controlMeasureStreamId('no-57-2025'));
    const measureId = 'no-57-2025';
    const run = (type: ControlMeasureCommand['type'], data: object) =>
      measure.run({
        type,
        data: { measureId, ...data },
        metadata: meta({ at: '2025-11-07', actor: 'policy_officer' }),
      } as ControlMeasureCommand);
    run('PublishMeasure', measureFixtures.published.data);
    run('AmendMeasure', {
      orderedBy: 'no-58-2025',
      effectiveOn: '2025-12-01',
      provisions: [],
      removedProvisionIds: ['item-list'],
    });
    run('SuspendMeasure', {
      suspensionId: 'no-70-2025',
      orderedBy: 'no-70-2025',
      from: '2025-11-10',
      until: '2026-11-10',
    });
    run('ExtendSuspension', { suspensionId: 'no-70-2025', orderedBy: 'no-80-2026', until: '2027-11-10' });
    run('LiftSuspension', { suspensionId: 'no-70-2025', orderedBy: 'no-81-2026', on: '2026-06-01' });
    run('RecordCorrection', {
      correction: { field: 'title', value: 'Export control on medium and heavy rare earths' },
      reason: 'Title mistranscribed',
    });
    run('RepealMeasure', { orderedBy: 'no-99-2027', on: '2027-01-01' });

    const records = relay(log.events);
    records.forEach(expectHonoursContract);
    const messages = changed(records);
    expect(messages.map((m) => [m.data.measureVersion, m.data.change.kind])).toEqual([
      [1, 'published'],
      [2, 'amended'],
      [3, 'suspended'],
      [4, 'suspension-extended'],
      [5, 'suspension-lifted'],
      [6, 'corrected'],
      [7, 'repealed'],
    ]);
    expect(messages[0]!.data.change).toEqual({
      kind: 'published',
      publishedOn: '2025-10-09',
      provisions: [{ provisionId: 'item-list', summary: 'Holmium items', effectiveFrom: '2025-11-08' }],
    });
    expect(messages[1]!.data.change).toEqual({
      kind: 'amended',
      orderedBy: 'no-58-2025',
      effectiveOn: '2025-12-01',
      changedProvisionIds: [],
      removedProvisionIds: ['item-list'],
    });
    expect(messages[2]!.data.change).toEqual({
      kind: 'suspended',
      orderedBy: 'no-70-2025',
      suspensionId: 'no-70-2025',
      from: '2025-11-10',
      until: '2026-11-10',
      provisionIds: null,
    });
    expect(messages[5]!.data.change).toEqual({
      kind: 'corrected',
      field: 'title',
      provisionId: null,
      suspensionId: null,
      value: 'Export control on medium and heavy rare earths',
      reason: 'Title mistranscribed',
    });
    // From the correction on, the measure carries its corrected title.
    expect(messages.map((m) => m.data.title)).toEqual([
      ...Array(5).fill('Export control on five medium and heavy rare earths'),
      'Export control on medium and heavy rare earths',
      'Export control on medium and heavy rare earths',
    ]);
    expect(new Set(messages.map((m) => m.data.announcementNumber))).toEqual(new Set(['No. 57 of 2025']));
  });

  it('rebuilds the facts from the stream when the relay has none cached', () => {
    const log = new RecordedLog();
    const seeded = log.seed(rareEarthPolicyHistory());
    const suspension = seeded.find((event) => event.type === 'MeasureSuspended' && event.revision === 1n);
    const [publication] = log.ofStream(suspension!.streamId);
    const fromHistory = mapRecordedEvent(suspension!, streamMemoryOf([publication!]));
    expect(fromHistory.records).toHaveLength(1);
    expect(() => mapRecordedEvent(suspension!, null)).toThrow(MappingError);
  });
});

describe('events with no public meaning, and events that cannot be mapped', () => {
  it('maps exporter events and unknown stream categories to nothing', () => {
    const log = new RecordedLog();
    const exporter = log.stream(exporterDecider, exporterStreamId('exp-1'));
    exporter.run({
      type: 'RegisterExporter',
      data: {
        exporterId: 'exp-1',
        name: 'Ningbo Magnetics',
        unifiedSocialCreditCode: '91330200MA2AB3CD4E',
        country: 'CN',
        dualUseExportHistory: { years: 5 },
        licensedExportsLastThreeYears: 12,
      },
      metadata: meta({ at: '2025-06-02' }),
    });
    log.record(
      '$projection-checkpoint-x',
      { type: 'CheckpointSaved', schemaVersion: 1, data: {} },
      log.events[0]!.metadata,
    );
    expect(log.events.map((event) => mapRecordedEvent(event, null))).toEqual([
      { records: [], memory: null },
      { records: [], memory: null },
    ]);
  });

  it('stops on a license event that does not match the domain schema, naming the event and the fix', () => {
    const log = new RecordedLog();
    const broken = log.record(
      'license-lic-9',
      { type: 'LicenseRevoked', schemaVersion: 1, data: { licenseId: 'lic-9' } },
      {
        actor: 'officer-1',
        role: 'licensing_officer',
        commandId: 'c',
        correlationId: 'c',
        causationId: 'c',
        occurredAt: '2026-01-01T00:00:00.000Z',
        recordedAt: '2026-01-01T00:00:00.000Z',
      },
    );
    expect(() => mapRecordedEvent(broken, null)).toThrow(/license-lic-9@0.*data.reason.*upcaster/);
  });

  it('refuses memory that belongs to another kind of stream', () => {
    const log = new RecordedLog();
    const [publication] = log.seed(rareEarthPolicyHistory());
    const measureMemory = mapRecordedEvent(publication!, null).memory;
    const license = log.record(
      'license-lic-9',
      { type: 'LicenseRevoked', schemaVersion: 1, data: { licenseId: 'lic-9', reason: 'x', revokedOn: '2026-01-01' } },
      publication!.metadata,
    );
    expect(() => mapRecordedEvent(license, measureMemory)).toThrow(/memory passed is for a control-measure stream/);
  });
});

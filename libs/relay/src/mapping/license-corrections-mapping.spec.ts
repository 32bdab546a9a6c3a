import { aDecisionRecord, licenseFixtures, meta } from '@licensing/domain/testing';
import { type ContractMessageOf, type ContractRecord, Topics } from '@licensing/contracts';
import { type LicenseCommand, licenseDecider, licenseStreamId } from '@licensing/domain';
import { mapRecordedEvent, type StreamMemory } from './map-recorded-event';
import { expectHonoursContract } from './testing/contract-assertions';
import { RecordedLog } from './testing/recorded-log';

const officer = (at: string, id = 'officer-1') => meta({ at, actor: { id, role: 'licensing_officer' } });

/** A license through the real decider: issued, two shipments using it up, then corrections. */
function story() {
  const log = new RecordedLog();
  const license = log.stream(licenseDecider, licenseStreamId('lic-1'));
  const run = (command: Omit<LicenseCommand, 'data'> & { data: object }) =>
    license.run({ ...command, data: { licenseId: 'lic-1', ...command.data } } as LicenseCommand);
  run({
    type: 'IssueLicense',
    data: {
      application: licenseFixtures.approvedApplicationFacts(),
      validFrom: '2026-01-01',
      validUntil: '2026-12-31',
    },
    metadata: officer('2025-12-20'),
  });
  const ship = (shipmentId: string, lines: { lineId: string; quantity: number }[], at: string) =>
    run({
      type: 'RecordShipment',
      data: { shipmentId, lines, customsDeclarationRef: `CD-${shipmentId}` },
      metadata: meta({ at }),
    });
  ship('shp-1', [{ lineId: '1', quantity: 30 }], '2026-02-01');
  ship(
    'shp-2',
    [
      { lineId: '1', quantity: 70 },
      { lineId: '2', quantity: 40 },
    ],
    '2026-02-02',
  );
  return { log, run };
}

function relay(events: readonly Parameters<typeof mapRecordedEvent>[0][]) {
  const records: ContractRecord[] = [];
  let memory: StreamMemory = null;
  for (const event of events) {
    const mapped = mapRecordedEvent(event, memory);
    records.push(...mapped.records);
    memory = mapped.memory;
  }
  return records;
}

const valueOf = <T extends ContractRecord['value']['type']>(records: readonly ContractRecord[], type: T) =>
  records.filter((r) => r.value.type === type).map((r) => r.value as ContractMessageOf<T>);

describe('shipment corrections and amendment requests to integration messages', () => {
  it('publishes a correction and a cancellation with the new remaining quantities, and the license open again', () => {
    const { log, run } = story();
    run({
      type: 'CorrectShipment',
      data: { shipmentId: 'shp-1', lines: [{ lineId: '1', quantity: 25 }], reason: 'Customs weighed 25 kg' },
      metadata: meta({ at: '2026-02-10' }),
    });
    run({
      type: 'CancelShipment',
      data: { shipmentId: 'shp-2', reason: 'Never left' },
      metadata: officer('2026-02-11'),
    });

    const records = relay(log.events);
    records.forEach(expectHonoursContract);
    const [corrected] = valueOf(records, 'license.shipment-corrected');
    expect(corrected!.data).toEqual({
      licenseId: 'lic-1',
      shipmentId: 'shp-1',
      correctedOn: '2026-02-10',
      customsDeclarationRef: 'CD-shp-1',
      reason: 'Customs weighed 25 kg',
      shipped: [{ lineId: '1', quantity: { amount: 25, unit: 'kg' } }],
      previouslyShipped: [{ lineId: '1', quantity: { amount: 30, unit: 'kg' } }],
      remaining: [
        { lineId: '1', quantity: { amount: 5, unit: 'kg' } },
        { lineId: '2', quantity: { amount: 0, unit: 'kg' } },
      ],
    });
    const [cancelled] = valueOf(records, 'license.shipment-cancelled');
    expect(cancelled!.data.restored.map((q) => [q.lineId, q.quantity.amount])).toEqual([
      ['1', 70],
      ['2', 40],
    ]);
    expect(cancelled!.data.customsDeclarationRef).toBe('CD-shp-2');
    // The compacted topic: used up by shp-2, open again after the correction gave 5 kg back.
    const states = valueOf(records, 'license.state').map((s) => [
      s.data.status,
      s.data.lines.map((l) => l.remaining.amount),
    ]);
    expect(states.slice(-4)).toEqual([
      ['active', [0, 0]],
      ['exhausted', [0, 0]],
      ['active', [5, 0]],
      ['active', [75, 40]],
    ]);
  });

  it('publishes nothing for the steps of an amendment request, and the approved amendment as license.amended', () => {
    const { log, run } = story();
    run({
      type: 'CancelShipment',
      data: { shipmentId: 'shp-2', reason: 'Never left' },
      metadata: officer('2026-02-11'),
    });
    const before = log.events.length;
    const amd = { amendmentRequestId: 'amd-1' };
    run({
      type: 'RequestAmendment',
      data: { ...amd, changes: { quantities: [{ lineId: '1', quantity: 150 }] }, reason: 'Bigger contract' },
      metadata: meta({ at: '2026-03-01' }),
    });
    run({
      type: 'AssignAmendmentReviewer',
      data: { ...amd, reviewerId: 'reviewer-1' },
      metadata: officer('2026-03-02'),
    });
    run({
      type: 'CompleteAmendmentReview',
      data: { ...amd, recommendation: 'approve', notes: 'Seen' },
      metadata: meta({ at: '2026-03-03', actor: 'reviewer' }),
    });
    run({
      type: 'ApproveAmendment',
      data: { ...amd, decision: aDecisionRecord() },
      metadata: officer('2026-03-04', 'officer-2'),
    });

    const records = relay(log.events);
    records.forEach(expectHonoursContract);
    const fromRequest = records.filter((r) => BigInt(r.value.sourcePosition) >= log.events[before]!.position);
    expect(fromRequest.map((r) => [r.topic, r.value.type])).toEqual([
      [Topics.licenseEvents, 'license.amended'],
      [Topics.licenseState, 'license.state'],
    ]);
    const [state] = valueOf(fromRequest, 'license.state');
    expect(state!.data.lines[0]!.authorised.amount).toBe(150);
    // The snapshot's version is the stream revision: the internal steps leave gaps, still strictly increasing.
    expect(state!.data.version).toBe(log.events.length - 1);
  });
});

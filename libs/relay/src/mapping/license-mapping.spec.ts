import { licenseFixtures, meta } from '@licensing/domain/testing';
import { type ContractMessageOf, type ContractRecord, Topics } from '@licensing/contracts';
import { type LicenseCommand, licenseDecider, licenseStreamId } from '@licensing/domain';
import { evolveLicenseState } from './license-state-fold';
import { mapRecordedEvent, type StreamMemory, streamMemoryOf } from './map-recorded-event';
import { MappingError } from './mapping-error';
import { expectHonoursContract } from './testing/contract-assertions';
import { RecordedLog } from './testing/recorded-log';

const officer = (at: string) => meta({ at, actor: 'licensing_officer' });

/** One license's life through the real license decider: issue, ship, amend, suspend, reinstate, ship the rest. */
function licenseStory(licenseId = 'lic-1') {
  const log = new RecordedLog();
  const license = log.stream(licenseDecider, licenseStreamId(licenseId));
  const id = { licenseId };
  const run = (command: Omit<LicenseCommand, 'data'> & { data: object }) =>
    license.run({ ...command, data: { ...id, ...command.data } } as LicenseCommand);
  const issue = run({
    type: 'IssueLicense',
    data: {
      application: licenseFixtures.approvedApplicationFacts(),
      validFrom: '2026-01-01',
      validUntil: '2026-12-31',
    },
    metadata: officer('2025-12-20'),
  });
  return { log, license, run, issue };
}

/** Maps events one by one the way the relay does, carrying the stream memory along. */
function relay(events: readonly Parameters<typeof mapRecordedEvent>[0][], memory: StreamMemory = null) {
  const records: ContractRecord[] = [];
  for (const event of events) {
    const mapped = mapRecordedEvent(event, memory);
    records.push(...mapped.records);
    memory = mapped.memory;
  }
  return { records, memory };
}

const valueOf = <T extends ContractRecord['value']['type']>(records: readonly ContractRecord[], type: T) =>
  records.filter((r) => r.value.type === type).map((r) => r.value as ContractMessageOf<T>);

describe('license events to integration messages', () => {
  it('publishes an issued license with its lines and end users, then its state on the compacted topic', () => {
    const { issue } = licenseStory();
    const { records } = relay(issue);

    expect(records.map((r) => [r.topic, r.key, r.value.type])).toEqual([
      [Topics.licenseEvents, 'lic-1', 'license.issued'],
      [Topics.licenseState, 'lic-1', 'license.state'],
    ]);
    records.forEach(expectHonoursContract);
    const [issued] = valueOf(records, 'license.issued');
    expect(issued!.data).toMatchObject({
      licenseId: 'lic-1',
      applicationId: 'app-1',
      exporterId: 'exp-1',
      validFrom: '2026-01-01',
      validUntil: '2026-12-31',
    });
    expect(issued!.data.lines.map((l) => [l.lineId, l.authorised, l.remaining])).toEqual([
      ['1', { amount: 100, unit: 'kg' }, { amount: 100, unit: 'kg' }],
      ['2', { amount: 40, unit: 'kg' }, { amount: 40, unit: 'kg' }],
    ]);
    // Screening flags are internal: the public party is a name and a country.
    expect(issued!.data.endUsers).toEqual([{ name: 'Stuttgart Motors GmbH', country: 'DE' }]);
  });

  it('takes the envelope from the source event: id, times, trace ids and position as a string', () => {
    const { issue } = licenseStory();
    const [event] = issue;
    const [issued] = valueOf(relay(issue).records, 'license.issued');
    expect(issued).toMatchObject({
      eventId: event!.id,
      version: 1,
      subject: { kind: 'license', id: 'lic-1' },
      occurredAt: event!.metadata.occurredAt,
      recordedAt: event!.metadata.recordedAt,
      correlationId: event!.metadata.correlationId,
      causationId: event!.metadata.causationId,
      sourcePosition: event!.position.toString(),
    });
  });

  it('follows shipments, an amendment, a suspension and reinstatement, and exhaustion in the snapshots', () => {
    const { log, run } = licenseStory();
    run({
      type: 'RecordShipment',
      data: { shipmentId: 'shp-1', lines: [{ lineId: '1', quantity: 30 }], customsDeclarationRef: 'CD-1' },
      metadata: meta({ at: '2026-02-01' }),
    });
    run({
      type: 'AmendLicense',
      data: { reason: 'Contract volume revised', quantities: [{ lineId: '2', quantity: 50 }] },
      metadata: officer('2026-02-10'),
    });
    run({
      type: 'SuspendLicense',
      data: { reason: 'End user under investigation', until: '2026-04-01' },
      metadata: officer('2026-03-02'),
    });
    run({ type: 'ReinstateLicense', data: { reason: 'Investigation closed' }, metadata: officer('2026-03-20') });
    run({
      type: 'RecordShipment',
      data: {
        shipmentId: 'shp-2',
        lines: [
          { lineId: '1', quantity: 70 },
          { lineId: '2', quantity: 50 },
        ],
        customsDeclarationRef: 'CD-2',
      },
      metadata: meta({ at: '2026-05-04' }),
    });

    const { records } = relay(log.events);
    records.forEach(expectHonoursContract);
    expect(valueOf(records, 'license.state').map((s) => [s.data.version, s.data.status])).toEqual([
      [0, 'active'],
      [1, 'active'],
      [2, 'active'],
      [3, 'suspended'],
      [4, 'active'],
      [5, 'active'],
      [6, 'exhausted'],
    ]);

    const [first, second] = valueOf(records, 'license.shipment-recorded');
    expect(first!.data.shipped).toEqual([{ lineId: '1', quantity: { amount: 30, unit: 'kg' } }]);
    expect(first!.data.remaining).toEqual([
      { lineId: '1', quantity: { amount: 70, unit: 'kg' } },
      { lineId: '2', quantity: { amount: 40, unit: 'kg' } },
    ]);
    expect(second!.data.remaining.map((r) => r.quantity.amount)).toEqual([0, 0]);

    const [amended] = valueOf(records, 'license.amended');
    expect(amended!.data.lines.map((l) => [l.lineId, l.authorised.amount, l.remaining.amount])).toEqual([
      ['1', 100, 70],
      ['2', 50, 50],
    ]);

    const states = valueOf(records, 'license.state');
    expect(states[3]!.data.suspension).toEqual({
      reason: 'End user under investigation',
      suspendedOn: '2026-03-02',
      until: '2026-04-01',
    });
    expect(states[4]!.data.suspension).toBeNull();
    expect(states[6]!.data).toMatchObject({
      endedOn: '2026-05-04',
      lastEventId: log.events[6]!.id,
      lastPosition: log.events[6]!.position.toString(),
    });
    expect(valueOf(records, 'license.exhausted')[0]!.data).toEqual({ licenseId: 'lic-1', exhaustedOn: '2026-05-04' });
  });

  it('publishes a revocation and an expiry as final states', () => {
    const revokedStory = licenseStory('lic-2');
    revokedStory.run({
      type: 'RevokeLicense',
      data: { reason: 'Diversion to a listed party' },
      metadata: officer('2026-04-01'),
    });
    const revoked = relay(revokedStory.log.events).records;
    revoked.forEach(expectHonoursContract);
    expect(valueOf(revoked, 'license.revoked')[0]!.data).toEqual({
      licenseId: 'lic-2',
      reason: 'Diversion to a listed party',
      revokedOn: '2026-04-01',
    });
    expect(valueOf(revoked, 'license.state').at(-1)!.data).toMatchObject({ status: 'revoked', endedOn: '2026-04-01' });

    const expiredStory = licenseStory('lic-3');
    expiredStory.run({ type: 'ExpireLicense', data: {}, metadata: meta({ at: '2027-01-01', actor: 'system' }) });
    const expired = relay(expiredStory.log.events).records;
    expired.forEach(expectHonoursContract);
    expect(valueOf(expired, 'license.expired')[0]!.data).toEqual({
      licenseId: 'lic-3',
      validUntil: '2026-12-31',
      expiredOn: '2027-01-01',
    });
    expect(valueOf(expired, 'license.state').at(-1)!.data).toMatchObject({ status: 'expired', endedOn: '2027-01-01' });
  });
});

describe('license state fold', () => {
  it('rebuilds the same memory from the stream history as the relay carried along', () => {
    const { log, run } = licenseStory();
    run({ type: 'SuspendLicense', data: { reason: 'Audit' }, metadata: officer('2026-03-02') });
    expect(streamMemoryOf(log.events)).toEqual(relay(log.events).memory);
  });

  it('ignores a redelivered event it has already folded', () => {
    const { log, run } = licenseStory();
    run({ type: 'SuspendLicense', data: { reason: 'Audit' }, metadata: officer('2026-03-02') });
    const [issue, suspend] = log.events;
    const afterBoth = evolveLicenseState(evolveLicenseState(null, issue!), suspend!);
    expect(evolveLicenseState(afterBoth, issue!)).toBe(afterBoth);
    expect(evolveLicenseState(afterBoth, suspend!)).toBe(afterBoth);
  });

  it('refuses a gap in revisions, which would publish a wrong state', () => {
    const { log, run } = licenseStory();
    run({ type: 'SuspendLicense', data: { reason: 'Audit' }, metadata: officer('2026-03-02') });
    run({ type: 'ReinstateLicense', data: {}, metadata: officer('2026-03-03') });
    const [issue, , reinstate] = log.events;
    expect(() => evolveLicenseState(evolveLicenseState(null, issue!), reinstate!)).toThrow(MappingError);
    expect(() => evolveLicenseState(null, reinstate!)).toThrow(/must be revision 0/);
  });
});

import { AllStreamRecordedEvent, EventData, JSONEventData } from '@eventstore/db-client';
import { GENESIS_HASH, ProposedEvent, sealEvents, SealedEvent, verifyStreamIntegrity } from '@licensing/event-store';
import { fixedMetadata } from '@licensing/event-store/testing';
import { envelopeFromClient, fromClientEvent, toEventData } from './envelope-codec';

const proposed = (
  n: number,
  data: unknown = { n, nested: { list: [1, 'two', null, true] }, text: 'ü✓' },
): ProposedEvent => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  type: 'LicenseIssued',
  version: 2,
  data,
  metadata: fixedMetadata({ correlationId: `corr-${n}`, causationId: `cause-${n}` }),
});

/** What the client hands back after the wire: JSON serialised, parsed again, placed in the log. */
function asStored(data: EventData, sealed: SealedEvent, commit: bigint): AllStreamRecordedEvent {
  const json = data as JSONEventData;
  return {
    streamId: sealed.streamId,
    id: json.id,
    revision: sealed.revision,
    type: json.type,
    isJson: true,
    created: new Date('2026-01-15T09:00:02.000Z'),
    data: JSON.parse(JSON.stringify(json.data)) as JSONEventData['data'],
    metadata: JSON.parse(JSON.stringify(json.metadata)) as JSONEventData['metadata'],
    position: { commit, prepare: commit },
  };
}

describe('envelope ↔ EventStoreDB event', () => {
  it('stores correlation and causation under $correlationId / $causationId, the rest of the envelope beside them', () => {
    const [sealed] = sealEvents(GENESIS_HASH, 'license-1', 0n, [proposed(1)]);
    const data = toEventData(sealed!) as JSONEventData;
    expect(data).toMatchObject({
      id: sealed!.id,
      type: 'LicenseIssued',
      contentType: 'application/json',
      data: sealed!.data,
    });
    expect(data.metadata).toEqual({
      $correlationId: 'corr-1',
      $causationId: 'cause-1',
      schemaVersion: 2,
      integrity: sealed!.integrity,
      metadata: {
        actor: 'user-1',
        role: 'licensing_officer',
        commandId: 'command-1',
        occurredAt: '2026-01-15T09:00:00.000Z',
        recordedAt: '2026-01-15T09:00:01.000Z',
      },
    });
  });

  it('round-trips every field unchanged, so the integrity chain verifies on what is read back', () => {
    const sealed = sealEvents(GENESIS_HASH, 'license-1', 0n, [
      proposed(1),
      proposed(2, null),
      proposed(3, 'text'),
      proposed(4, [1.5, -0]),
    ]);
    const read = sealed.map((event, i) =>
      fromClientEvent(asStored(toEventData(event), event, 1000n + BigInt(i) * 300n)),
    );
    expect(read).toEqual(sealed.map((event, i) => ({ ...event, position: 2000n + BigInt(i) * 600n })));
    expect(verifyStreamIntegrity(read)).toEqual({ valid: true, reason: '4 events verified' });
  });

  it('keeps extra metadata keys a caller added', () => {
    const event = { ...proposed(1), metadata: { ...fixedMetadata(), tenant: 'cn' } };
    const [sealed] = sealEvents(GENESIS_HASH, 'license-1', 0n, [event]);
    expect(fromClientEvent(asStored(toEventData(sealed!), sealed!, 10n)).metadata).toEqual({
      ...fixedMetadata(),
      tenant: 'cn',
    });
  });

  it('refuses events this system did not write, naming the event and what is wrong', () => {
    const [sealed] = sealEvents(GENESIS_HASH, 'license-1', 0n, [proposed(1)]);
    const stored = asStored(toEventData(sealed!), sealed!, 10n);
    expect(() => fromClientEvent({ ...stored, metadata: { $correlationId: 'x' } })).toThrow(
      /Event 00000000-0000-4000-8000-000000000001 at license-1@0 is not an envelope written by this system: its metadata does not match/,
    );
    expect(() => fromClientEvent({ ...stored, isJson: false, data: new Uint8Array([1]) })).toThrow(
      /its data is not JSON/,
    );
    expect(() => fromClientEvent({ ...stored, position: undefined })).toThrow(/22\.10 or newer/);
    expect(() => fromClientEvent(stored)).not.toThrow();
  });

  it("skips what the port never shows: missing records and EventStoreDB's system events", () => {
    const [sealed] = sealEvents(GENESIS_HASH, 'license-1', 0n, [proposed(1)]);
    const stored = asStored(toEventData(sealed!), sealed!, 10n);
    expect(envelopeFromClient({})).toBeUndefined();
    expect(envelopeFromClient({ event: { ...stored, streamId: '$stats-node', metadata: {} } })).toBeUndefined();
    expect(envelopeFromClient({ event: { ...stored, type: '$metadata', metadata: {} } })).toBeUndefined();
    expect(envelopeFromClient({ event: stored, commitPosition: 10n })).toMatchObject({ id: sealed!.id, position: 20n });
  });
});

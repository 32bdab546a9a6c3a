import type { EventEnvelope } from './audit-types';
import { canonicalJson, chainHashOf, leafHashOf } from './event-hashes';

/**
 * An event as the event log API answers it, and its two hashes as the
 * service computes them: `integrity.hash` from @licensing/event-store's
 * sealEvents and the leaf from @licensing/audit's eventLeaf, run once on this
 * event and pinned here (the browser app may not import those Node libraries).
 */
const EVENT: EventEnvelope = {
  id: '9b2f6a7e-0000-4000-8000-000000000001',
  type: 'ApplicationSubmitted',
  version: 2,
  streamId: 'application-app-1',
  revision: 3,
  position: '41',
  data: { '10': 'ten', '9': 'nine', b: [1.5, { z: null, a: 'ü' }], a: true },
  metadata: {
    actor: 'li.wei',
    role: 'exporter',
    commandId: 'c-1',
    correlationId: 'c-1',
    causationId: 'c-1',
    occurredAt: '2026-11-23T02:00:00.000Z',
    recordedAt: '2026-11-23T02:00:00.001Z',
    exporterIds: ['ningbo-magnetics'],
  },
  integrity: {
    prevHash: '0'.repeat(64),
    hash: '2e7cd4a3d467ee335c1625cbd92c67f2eff85f6872640b55b244094b45f980eb',
  },
};
const SERVICE_LEAF = '29d00fd63ea3037c69274545563abe0d1ed0747e3f428a0cc41d5422724851ed';

describe("an event's hashes, recomputed in the browser", () => {
  it('writes canonical JSON as the event store does: keys by code unit, no whitespace, no undefined members', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], '10': 'ten', '9': { y: undefined, z: 1.5 } })).toBe(
      '{"10":"ten","9":{"z":1.5},"a":[true,null,"x"],"b":1}',
    );
  });

  it('gives the chain hash and the leaf the service gives', async () => {
    expect(await chainHashOf(EVENT)).toBe(EVENT.integrity.hash);
    expect(await leafHashOf(EVENT)).toBe(SERVICE_LEAF);
  });

  it('sees an edited payload or a moved event', async () => {
    expect(await chainHashOf({ ...EVENT, data: { ...(EVENT.data as object), a: false } })).not.toBe(
      EVENT.integrity.hash,
    );
    expect(await chainHashOf({ ...EVENT, revision: 4 })).not.toBe(EVENT.integrity.hash);
    // The position is not hashed: the same event has the same leaf on every store.
    expect(await leafHashOf({ ...EVENT, position: '9000' })).toBe(SERVICE_LEAF);
  });
});

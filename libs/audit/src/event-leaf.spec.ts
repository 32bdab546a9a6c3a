import { canonicalJson, hashEvent, sealEvents } from '@licensing/event-store';
import { fixedMetadata } from '@licensing/event-store/testing';
import { leafHash, toHex } from '@licensing/verifiable-log';
import { digestEvent, eventLeaf, eventLeafBytes } from './event-leaf';

const [event] = sealEvents('0'.repeat(64), 'application-app-1', 3n, [
  {
    id: '9b2f6a7e-0000-4000-8000-000000000001',
    type: 'ApplicationSubmitted',
    version: 2,
    data: { '10': 'ten', '9': 'nine', b: [1.5, { z: null, a: 'ü' }], a: true },
    metadata: fixedMetadata({ exporterIds: ['ningbo-magnetics'] }),
  },
]);
const sealed = event as NonNullable<typeof event>;

describe('an event as a leaf of the verifiable log', () => {
  it('is SHA-256(0x00 ‖ canonicalJson of the envelope without its position), as docs/audit-log.md defines it', () => {
    const definition = canonicalJson({
      data: sealed.data,
      id: sealed.id,
      integrity: sealed.integrity,
      metadata: sealed.metadata,
      revision: sealed.revision,
      streamId: sealed.streamId,
      type: sealed.type,
      version: sealed.version,
    });
    expect(eventLeafBytes(sealed).toString('utf8')).toBe(definition);
    expect(toHex(eventLeaf(sealed))).toBe(toHex(leafHash(Buffer.from(definition, 'utf8'))));
    expect(toHex(digestEvent(sealed).leaf)).toBe(toHex(eventLeaf(sealed)));
  });

  it("recomputes the stream chain's hash from the content", () => {
    expect(digestEvent(sealed).contentHash).toBe(sealed.integrity.hash);
    expect(digestEvent(sealed).contentHash).toBe(hashEvent(sealed.integrity.prevHash, sealed));
    const edited = { ...sealed, data: { ...(sealed.data as object), a: false } };
    expect(digestEvent(edited).contentHash).not.toBe(sealed.integrity.hash);
  });
});

import { createHash } from 'node:crypto';
import { SealedEvent } from './envelope';
import { GENESIS_HASH, sealEvents, verifyStreamIntegrity } from './integrity';
import { fixedMetadata } from './testing/fixtures';

const event = (n: number) => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  type: 'Happened',
  version: 1,
  data: { n },
  metadata: fixedMetadata(),
});

describe('sealEvents', () => {
  it('chains hashes from the previous hash and places events from the first revision', () => {
    const sealed = sealEvents(GENESIS_HASH, 'order-1', 0n, [event(1), event(2)]);
    expect(sealed.map((e) => e.revision)).toEqual([0n, 1n]);
    expect(sealed[0]!.integrity.prevHash).toBe(GENESIS_HASH);
    expect(sealed[1]!.integrity.prevHash).toBe(sealed[0]!.integrity.hash);
    const continued = sealEvents(sealed[1]!.integrity.hash, 'order-1', 2n, [event(3)]);
    expect(verifyStreamIntegrity([...sealed, ...continued]).valid).toBe(true);
  });

  it('hashes sha256(prevHash + canonical JSON of the sealed fields), with bigint revision as a string', () => {
    const [sealed] = sealEvents(GENESIS_HASH, 'order-1', 0n, [event(1)]);
    const canonical =
      '{"data":{"n":1},"id":"00000000-0000-4000-8000-000000000001",' +
      `"metadata":${JSON.stringify(Object.fromEntries(Object.entries(fixedMetadata()).sort()))},` +
      '"revision":"0","streamId":"order-1","type":"Happened","version":1}';
    expect(sealed!.integrity.hash).toBe(
      createHash('sha256')
        .update(GENESIS_HASH + canonical)
        .digest('hex'),
    );
  });

  it('normalises data to what storage returns, so the hash matches on read', () => {
    const [sealed] = sealEvents(GENESIS_HASH, 'order-1', 0n, [{ ...event(1), data: { big: 7n, gone: undefined } }]);
    expect(sealed!.data).toEqual({ big: '7' });
  });
});

describe('verifyStreamIntegrity', () => {
  const chain = () => sealEvents(GENESIS_HASH, 'order-1', 0n, [event(1), event(2), event(3), event(4)]);

  it('accepts an empty stream and an intact chain', () => {
    expect(verifyStreamIntegrity([])).toEqual({ valid: true, reason: '0 events verified' });
    expect(verifyStreamIntegrity(chain())).toEqual({ valid: true, reason: '4 events verified' });
  });

  it.each<[string, (events: SealedEvent[]) => SealedEvent[], bigint]>([
    ['an edited payload', (e) => e.map((x, i) => (i === 2 ? { ...x, data: { n: 99 } } : x)), 2n],
    [
      'an edited metadata field',
      (e) => e.map((x, i) => (i === 1 ? { ...x, metadata: { ...x.metadata, actor: 'm' } } : x)),
      1n,
    ],
    ['a removed event', (e) => [e[0]!, e[2]!, e[3]!], 1n],
    ['two events swapped', (e) => [e[0]!, e[2]!, e[1]!, e[3]!], 1n],
    ['a missing first event', (e) => e.slice(1), 0n],
    ['a re-hashed event whose successor still links to the old hash', (e) => resealAt(e, 1), 2n],
  ])('detects %s', (_, tamper, broken) => {
    const report = verifyStreamIntegrity(tamper(chain()));
    expect(report.valid).toBe(false);
    expect(report.firstBrokenRevision).toBe(broken);
  });

  it('detects an event from another stream', () => {
    const foreign = sealEvents(GENESIS_HASH, 'order-2', 1n, [event(9)]);
    const report = verifyStreamIntegrity([chain()[0]!, foreign[0]!]);
    expect(report).toMatchObject({ valid: false, firstBrokenRevision: 1n, reason: expect.stringContaining('order-2') });
  });
});

/** Rewrites one event's data and recomputes its own hash, as a forger would. */
function resealAt(events: SealedEvent[], index: number): SealedEvent[] {
  const target = events[index]!;
  const [forged] = sealEvents(target.integrity.prevHash, target.streamId, target.revision, [
    { ...target, data: { n: -1 } },
  ]);
  return events.map((e, i) => (i === index ? forged! : e));
}

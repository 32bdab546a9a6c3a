import type { EventStore } from '@licensing/event-store';
import type { EventInclusion, LogProofs, SignedTreeHead } from '../../log-proofs';

/** A LogProofs double: a tree over `$all` as it stood when it was made, and the tree sizes asked about. */
export interface FakeLogProofs extends LogProofs {
  readonly askedTreeSizes: number[];
}

/** No log here: no head, no proof. */
export const noLogProofs: LogProofs = {
  currentTreeHead: async () => null,
  inclusionOfEvent: () => null,
};

/** Leaf i is the i-th event of `$all` now; events appended later are not in its head. */
export async function fakeLogProofsOver(store: EventStore): Promise<FakeLogProofs> {
  const events = await store.readAll({ maxCount: 100_000 });
  const leaves = new Map(events.map((event, leafIndex) => [event.id, { event, leafIndex }]));
  const head: SignedTreeHead = {
    treeSize: events.length,
    rootHash: 'ab'.repeat(32),
    timestamp: '2026-11-23T02:00:00.000Z',
    signature: 'c2lnbmVk',
    keyId: 'cd'.repeat(32),
  };
  const askedTreeSizes: number[] = [];
  return {
    askedTreeSizes,
    currentTreeHead: async () => (events.length === 0 ? null : head),
    inclusionOfEvent(eventId, treeSize): EventInclusion | null {
      askedTreeSizes.push(treeSize);
      const leaf = leaves.get(eventId);
      if (leaf === undefined || leaf.leafIndex >= treeSize) return null;
      return {
        eventId,
        streamId: leaf.event.streamId,
        revision: Number(leaf.event.revision),
        position: leaf.event.position.toString(),
        leafIndex: leaf.leafIndex,
        treeSize,
        leafHash: 'ef'.repeat(32),
        auditPath: ['01'.repeat(32)],
      };
    },
  };
}

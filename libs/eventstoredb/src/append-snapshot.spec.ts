import { GENESIS_HASH, planAppend, RecordedEvent, sealEvents } from '@licensing/event-store';
import { proposedMany } from '@licensing/event-store/testing';
import { readAppendSnapshot, ReadBackwards } from './append-snapshot';

/** A stream of `count` sealed events and a backwards reader over it that counts its calls. */
function stream(count: number) {
  const events: RecordedEvent[] = sealEvents(GENESIS_HASH, 'license-1', 0n, proposedMany(count)).map((e, i) => ({
    ...e,
    position: 100n * BigInt(i),
  }));
  const reads: { from: bigint | undefined; max: number }[] = [];
  const read: ReadBackwards = async (from, max) => {
    reads.push({ from, max });
    const start = from ?? BigInt(events.length - 1);
    return events
      .filter((e) => e.revision <= start)
      .reverse()
      .slice(0, max);
  };
  return { events, read, reads };
}

describe('readAppendSnapshot', () => {
  it('finds the head of a stream and that new ids are not stored, in one read when the stream fits a page', async () => {
    const { events, read, reads } = stream(3);
    const snapshot = await readAppendSnapshot(read, ['6f1b1d7e-0000-4000-8000-000000000000'], 10);
    expect(snapshot).toEqual({ head: { revision: 2n, hash: events[2]!.integrity.hash }, stored: [undefined] });
    expect(reads).toHaveLength(1);
  });

  it('reads a missing stream as no head', async () => {
    const { read } = stream(0);
    expect(await readAppendSnapshot(read, ['6f1b1d7e-0000-4000-8000-000000000000'], 10)).toEqual({
      head: undefined,
      stored: [undefined],
    });
  });

  it('pages back to the first revision when ids are not found, and stops early once all are', async () => {
    const long = stream(25);
    await readAppendSnapshot(long.read, ['6f1b1d7e-0000-4000-8000-000000000000'], 10);
    expect(long.reads).toEqual([
      { from: undefined, max: 10 },
      { from: 14n, max: 10 },
      { from: 4n, max: 10 },
    ]);

    const early = stream(25);
    const snapshot = await readAppendSnapshot(early.read, [early.events[17]!.id, early.events[18]!.id], 10);
    expect(early.reads).toHaveLength(1);
    expect(snapshot.stored.map((ref) => ref?.revision)).toEqual([17n, 18n]);
  });

  it("gives planAppend what it needs to replay a retry with the original result, whatever the ids' case", async () => {
    const { events, read } = stream(5);
    const retried = [events[1]!.id.toUpperCase(), events[2]!.id];
    const snapshot = await readAppendSnapshot(read, retried, 2);
    expect(snapshot.head?.revision).toBe(4n);
    expect(planAppend('license-1', 0n, snapshot.stored)).toEqual({
      kind: 'replay',
      result: { nextExpectedRevision: 2n, position: 200n },
    });
    expect(() => planAppend('license-1', 2n, snapshot.stored)).toThrow(
      /already stored from revision 1, not from revision 3/,
    );
  });
});

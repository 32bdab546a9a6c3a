import { RecordedEvent } from '../envelope';
import { EventStore } from '../event-store';
import { fixedMetadata, proposed, proposedMany, uniqueStreams } from './fixtures';

const numbers = (events: readonly RecordedEvent[]) => events.map((e) => (e.data as { n: number }).n);

export function readContract(store: () => EventStore): void {
  describe('readStream', () => {
    it('reads a missing stream as empty, in both directions', async () => {
      const { stream } = uniqueStreams();
      expect(await store().readStream(stream('missing'))).toEqual([]);
      expect(await store().readStream(stream('missing'), { direction: 'backwards' })).toEqual([]);
    });

    it('reads forwards and backwards, from a revision (inclusive), up to maxCount', async () => {
      const { stream } = uniqueStreams();
      await store().append(stream('order'), proposedMany(5), { expectedRevision: 'no_stream' });
      const read = (options: Parameters<EventStore['readStream']>[1]) => store().readStream(stream('order'), options);
      expect(numbers(await read({}))).toEqual([0, 1, 2, 3, 4]);
      expect(numbers(await read({ direction: 'backwards' }))).toEqual([4, 3, 2, 1, 0]);
      expect(numbers(await read({ fromRevision: 2n }))).toEqual([2, 3, 4]);
      expect(numbers(await read({ direction: 'backwards', fromRevision: 2n }))).toEqual([2, 1, 0]);
      expect(numbers(await read({ maxCount: 2 }))).toEqual([0, 1]);
      expect(numbers(await read({ direction: 'backwards', maxCount: 1 }))).toEqual([4]);
      expect(numbers(await read({ fromRevision: 1n, maxCount: 2 }))).toEqual([1, 2]);
      expect(await read({ fromRevision: 9n })).toEqual([]);
    });

    it('returns the full envelope as appended, with data and metadata intact', async () => {
      const { stream } = uniqueStreams();
      const event = {
        ...proposed('ContractHappened', { nested: { list: [1, 'two', null, true] }, text: 'ü✓' }),
        metadata: fixedMetadata({ actor: 'officer-7' }),
      };
      await store().append(stream('order'), [event], { expectedRevision: 'no_stream' });
      const [read] = await store().readStream(stream('order'));
      expect(read).toMatchObject({ ...event, streamId: stream('order'), revision: 0n });
      expect(typeof read!.position).toBe('bigint');
    });
  });

  describe('readAllText (where the adapter offers it)', () => {
    it('gives the stored JSON text of exactly the events readAll gives raw', async () => {
      const { stream } = uniqueStreams();
      await store().append(stream('text'), [proposed('ContractHappened', { b: [1, 'ü'], a: { z: null } })], {
        expectedRevision: 'no_stream',
      });
      const readText = store().readAllText?.bind(store());
      if (!readText) return; // optional capability
      const raw = await store().readAll({ maxCount: 10_000, raw: true });
      const text = await readText({ maxCount: 10_000 });
      expect(
        text.map((e) => ({ ...e, dataJson: JSON.parse(e.dataJson), metadataJson: JSON.parse(e.metadataJson) })),
      ).toEqual(raw.map(({ data, metadata, ...rest }) => ({ ...rest, dataJson: data, metadataJson: metadata })));
    });
  });

  describe('readHeadPosition (where the adapter offers it)', () => {
    it("is the last event's position in $all, and moves with each append", async () => {
      const readHead = store().readHeadPosition?.bind(store());
      if (!readHead) return; // optional capability
      const { stream } = uniqueStreams();
      const first = await store().append(stream('head'), proposedMany(2), { expectedRevision: 'no_stream' });
      expect(await readHead()).toBe(first.position);
      const all = await readEverything(store(), 1000);
      expect(await readHead()).toBe(all.at(-1)?.position);
      const next = await store().append(stream('head'), [proposed()], { expectedRevision: 1n });
      expect(await readHead()).toBe(next.position);
    });
  });

  describe('countAll (where the adapter offers it)', () => {
    it('counts the events of $all from a position (inclusive) without reading them, as readAll gives them', async () => {
      const countAll = store().countAll?.bind(store());
      if (!countAll) return; // optional capability
      const { stream } = uniqueStreams();
      await store().append(stream('count'), proposedMany(3), { expectedRevision: 'no_stream' });
      // A refused append takes no position: the count stays exact.
      await expect(store().append(stream('count'), [proposed()], { expectedRevision: 0n })).rejects.toThrow();
      await store().append(stream('count'), [proposed()], { expectedRevision: 2n });
      const all = await readEverything(store(), 1000);
      expect(await countAll()).toBe(all.length);
      expect(await countAll({ fromPosition: all[all.length - 2]!.position })).toBe(2);
      expect(await countAll({ fromPosition: all.at(-1)!.position + 1n })).toBe(0);
    });
  });

  describe('readAll', () => {
    it('returns events of all streams in strictly increasing position, in append order', async () => {
      const { stream, mine } = uniqueStreams();
      await store().append(stream('order', 1), proposedMany(2), { expectedRevision: 'no_stream' });
      await store().append(stream('order', 2), proposedMany(1), { expectedRevision: 'no_stream' });
      await store().append(stream('order', 1), [proposed('ContractHappened', { n: 9 })], { expectedRevision: 1n });
      const all = await readEverything(store(), 1000);
      const ours = all.filter((e) => mine(e.streamId));
      expect(ours.map((e) => [e.streamId, e.revision])).toEqual([
        [stream('order', 1), 0n],
        [stream('order', 1), 1n],
        [stream('order', 2), 0n],
        [stream('order', 1), 2n],
      ]);
      for (let i = 1; i < all.length; i++) expect(all[i]!.position > all[i - 1]!.position).toBe(true);
    });

    it('reads in batches of maxCount from an inclusive position, covering every event once', async () => {
      const { stream, mine } = uniqueStreams();
      for (let i = 0; i < 7; i++)
        await store().append(stream('order', i % 3), [proposed()], { expectedRevision: 'any' });
      const whole = (await readEverything(store(), 1000)).filter((e) => mine(e.streamId));
      const batched = (await readEverything(store(), 3)).filter((e) => mine(e.streamId));
      expect(batched.map((e) => e.id)).toEqual(whole.map((e) => e.id));
      expect(whole).toHaveLength(7);
      const from = whole[4]!.position;
      const batch = await store().readAll({ fromPosition: from, maxCount: 2 });
      expect(batch).toHaveLength(2);
      expect(batch[0]!.id).toBe(whole[4]!.id);
    });

    it('returns an empty batch past the end', async () => {
      const { stream } = uniqueStreams();
      const { position } = await store().append(stream('order'), [proposed()], { expectedRevision: 'no_stream' });
      expect(await store().readAll({ fromPosition: position + 1_000_000n, maxCount: 10 })).toEqual([]);
    });
  });
}

/** Pages through `$all` the documented way: next batch from last position + 1. */
export async function readEverything(store: EventStore, batchSize: number): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  let fromPosition: bigint | undefined;
  for (;;) {
    const batch = await store.readAll({ fromPosition, maxCount: batchSize });
    expect(batch.length).toBeLessThanOrEqual(batchSize);
    all.push(...batch);
    if (batch.length < batchSize) return all;
    fromPosition = batch[batch.length - 1]!.position + 1n;
  }
}

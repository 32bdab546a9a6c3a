import type { ContractGuarantees } from './fixtures';
import { DuplicateEventIdError, InvalidAppendError, WrongExpectedRevisionError } from '../errors';
import { EventStore } from '../event-store';
import { proposed, proposedMany, uniqueStreams } from './fixtures';

export function appendContract(store: () => EventStore, guarantees: ContractGuarantees): void {
  describe('append with an expected revision', () => {
    it("'no_stream' creates a stream at revisions 0…n-1 and returns the last revision and position", async () => {
      const { stream } = uniqueStreams();
      const result = await store().append(stream('order'), proposedMany(3), { expectedRevision: 'no_stream' });
      const events = await store().readStream(stream('order'));
      expect(events.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
      expect(result).toEqual({ nextExpectedRevision: 2n, position: events[2]!.position });
    });

    it("'no_stream' on an existing stream is a conflict reporting the actual revision", async () => {
      const { stream } = uniqueStreams();
      await store().append(stream('order'), proposedMany(2), { expectedRevision: 'no_stream' });
      const failure = store().append(stream('order'), [proposed()], { expectedRevision: 'no_stream' });
      await expect(failure).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(failure).rejects.toMatchObject({ streamId: stream('order'), expected: 'no_stream', actual: 1n });
    });

    it('an exact revision appends when it is the last revision, and conflicts when stale', async () => {
      const { stream } = uniqueStreams();
      await store().append(stream('order'), proposedMany(2), { expectedRevision: 'no_stream' });
      const next = await store().append(stream('order'), [proposed()], { expectedRevision: 1n });
      expect(next.nextExpectedRevision).toBe(2n);
      await expect(store().append(stream('order'), [proposed()], { expectedRevision: 1n })).rejects.toMatchObject({
        code: 'event_store.wrong_expected_revision',
        expected: 1n,
        actual: 2n,
      });
    });

    it('an exact revision on a missing stream conflicts with actual no_stream', async () => {
      const { stream } = uniqueStreams();
      await expect(store().append(stream('order'), [proposed()], { expectedRevision: 0n })).rejects.toMatchObject({
        expected: 0n,
        actual: 'no_stream',
      });
      expect(await store().readStream(stream('order'))).toEqual([]);
    });

    it("'any' appends to a new and to an existing stream", async () => {
      const { stream } = uniqueStreams();
      expect(
        (await store().append(stream('order'), [proposed()], { expectedRevision: 'any' })).nextExpectedRevision,
      ).toBe(0n);
      expect(
        (await store().append(stream('order'), proposedMany(2), { expectedRevision: 'any' })).nextExpectedRevision,
      ).toBe(2n);
    });

    it('a conflicting append stores none of its events', async () => {
      const { stream } = uniqueStreams();
      await store().append(stream('order'), [proposed()], { expectedRevision: 'no_stream' });
      await expect(store().append(stream('order'), proposedMany(3), { expectedRevision: 5n })).rejects.toThrow(
        WrongExpectedRevisionError,
      );
      expect(await store().readStream(stream('order'))).toHaveLength(1);
    });

    it('refuses malformed appends: no events, a bad stream id, a non-UUID id, an id twice', async () => {
      const { stream } = uniqueStreams();
      const event = proposed();
      const refusals = [
        store().append(stream('order'), [], { expectedRevision: 'any' }),
        store().append('nocategory', [proposed()], { expectedRevision: 'any' }),
        store().append(stream('order'), [{ ...proposed(), id: 'not-a-uuid' }], { expectedRevision: 'any' }),
        store().append(stream('order'), [event, event], { expectedRevision: 'any' }),
      ];
      for (const refusal of refusals) await expect(refusal).rejects.toBeInstanceOf(InvalidAppendError);
      expect(await store().readStream(stream('order'))).toEqual([]);
    });
  });

  describe('idempotent append by event id', () => {
    it('the same append again stores nothing new and returns the original result', async () => {
      const { stream } = uniqueStreams();
      const events = proposedMany(3);
      const first = await store().append(stream('order'), events, { expectedRevision: 'no_stream' });
      const again = await store().append(stream('order'), events, { expectedRevision: 'no_stream' });
      expect(again).toEqual(first);
      expect((await store().readStream(stream('order'))).map((e) => e.id)).toEqual(events.map((e) => e.id));
    });

    it('a retry still succeeds after the stream moved on, with exact and with any', async () => {
      const { stream } = uniqueStreams();
      await store().append(stream('order'), [proposed()], { expectedRevision: 'no_stream' });
      const events = proposedMany(2);
      const first = await store().append(stream('order'), events, { expectedRevision: 0n });
      await store().append(stream('order'), [proposed()], { expectedRevision: 2n });
      expect(await store().append(stream('order'), events, { expectedRevision: 0n })).toEqual(first);
      expect(await store().append(stream('order'), events, { expectedRevision: 'any' })).toEqual(first);
      expect(await store().readStream(stream('order'))).toHaveLength(4);
    });

    it('the same rules hold for an append of one event (the SQLite adapter writes it without a savepoint)', async () => {
      const { stream } = uniqueStreams();
      const [a, b, c] = proposedMany(3);
      const first = await store().append(stream('order'), [a!], { expectedRevision: 'no_stream' });
      expect(await store().append(stream('order'), [a!], { expectedRevision: 'no_stream' })).toEqual(first);
      const second = await store().append(stream('order'), [b!], { expectedRevision: 0n });
      await store().append(stream('order'), [c!], { expectedRevision: 1n });
      // Retries after the stream moved on: the exact revision is stale, 'any' would place it at the end.
      expect(await store().append(stream('order'), [b!], { expectedRevision: 0n })).toEqual(second);
      expect(await store().append(stream('order'), [b!], { expectedRevision: 'any' })).toEqual(second);
      // Stored at revision 0, proposed at revision 3.
      await expect(store().append(stream('order'), [a!], { expectedRevision: 2n })).rejects.toBeInstanceOf(
        DuplicateEventIdError,
      );
      await expect(store().append(stream('order'), [proposed()], { expectedRevision: 0n })).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
      expect((await store().readStream(stream('order'))).map((e) => e.id)).toEqual([a!.id, b!.id, c!.id]);
    });

    it('a partial overlap with stored ids is refused and stores nothing', async () => {
      const { stream } = uniqueStreams();
      const [a, b] = proposedMany(2);
      await store().append(stream('order'), [a!], { expectedRevision: 'no_stream' });
      await expect(store().append(stream('order'), [a!, b!], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(
        DuplicateEventIdError,
      );
      expect(await store().readStream(stream('order'))).toHaveLength(1);
    });

    it('stored ids at another place or in another order are refused', async () => {
      const { stream } = uniqueStreams();
      const [a, b] = proposedMany(2);
      await store().append(stream('order'), [a!, b!], { expectedRevision: 'no_stream' });
      await expect(store().append(stream('order'), [a!, b!], { expectedRevision: 0n })).rejects.toBeInstanceOf(
        DuplicateEventIdError,
      );
      await expect(store().append(stream('order'), [b!, a!], { expectedRevision: 'any' })).rejects.toBeInstanceOf(
        DuplicateEventIdError,
      );
      expect(await store().readStream(stream('order'))).toHaveLength(2);
    });

    if (guarantees.eventIdsUniqueAcrossStreams) {
      it('a stored id in another stream is refused: ids are unique store-wide', async () => {
        const { stream } = uniqueStreams();
        const [a] = proposedMany(1);
        await store().append(stream('order'), [a!], { expectedRevision: 'no_stream' });
        await expect(store().append(stream('order', 2), [a!], { expectedRevision: 'any' })).rejects.toMatchObject({
          code: 'event_store.duplicate_event_id',
        });
        await expect(
          store().append(stream('order', 2), [a!], { expectedRevision: 'no_stream' }),
        ).rejects.toBeInstanceOf(DuplicateEventIdError);
        expect(await store().readStream(stream('order', 2))).toEqual([]);
      });
    } else {
      it('a stored id in another stream is stored again: ids are unique per stream only (declared by this adapter)', async () => {
        const { stream } = uniqueStreams();
        const [a] = proposedMany(1);
        await store().append(stream('order'), [a!], { expectedRevision: 'no_stream' });
        await store().append(stream('order', 2), [a!], { expectedRevision: 'any' });
        expect((await store().readStream(stream('order', 2))).map((e) => e.id)).toEqual([a!.id]);
      });
    }
  });
}

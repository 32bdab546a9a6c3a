import { EventStore } from '../event-store';
import { GENESIS_HASH, hashEvent, verifyStreamIntegrity } from '../integrity';
import { proposed, proposedMany, uniqueStreams } from './fixtures';
import { readEverything } from './read-contract';

export function integrityContract(store: () => EventStore): void {
  describe('integrity chain', () => {
    it('chains each stream from the genesis hash across appends, and the chain verifies', async () => {
      const { stream } = uniqueStreams();
      await store().append(stream('order'), proposedMany(2), { expectedRevision: 'no_stream' });
      await store().append(stream('order', 2), proposedMany(1), { expectedRevision: 'no_stream' });
      await store().append(stream('order'), proposedMany(2), { expectedRevision: 1n });
      const events = await store().readStream(stream('order'), { raw: true });
      expect(events[0]!.integrity.prevHash).toBe(GENESIS_HASH);
      events.forEach((event, i) => {
        if (i > 0) expect(event.integrity.prevHash).toBe(events[i - 1]!.integrity.hash);
        expect(event.integrity.hash).toBe(hashEvent(event.integrity.prevHash, event));
      });
      expect(verifyStreamIntegrity(events)).toEqual({ valid: true, reason: '4 events verified' });
      const [other] = await store().readStream(stream('order', 2), { raw: true });
      expect(other!.integrity.prevHash).toBe(GENESIS_HASH);
    });

    it('returns the same integrity fields from readStream and readAll', async () => {
      const { stream, mine } = uniqueStreams();
      await store().append(stream('order'), proposedMany(2), { expectedRevision: 'no_stream' });
      const fromStream = await store().readStream(stream('order'));
      const fromAll = (await readEverything(store(), 100)).filter((e) => mine(e.streamId));
      expect(fromAll.map((e) => e.integrity)).toEqual(fromStream.map((e) => e.integrity));
      expect(new Set(fromStream.map((e) => e.integrity.hash)).size).toBe(2);
    });
  });

  describe('upcasting on read', () => {
    it('upcasts old schema versions in chain to the current one, leaving stored events unchanged', async () => {
      const { stream, mine } = uniqueStreams();
      const old = proposed('ContractRenamed', { name: 'Ada' }, 1);
      const middle = proposed('ContractRenamed', { fullName: 'Grace' }, 2);
      const current = proposed('ContractRenamed', { fullName: 'Edsger', source: 'written' }, 3);
      const other = proposed('ContractHappened', { name: 'untouched' }, 1);
      await store().append(stream('person'), [old, middle, current, other], { expectedRevision: 'no_stream' });

      const read = await store().readStream(stream('person'));
      expect(read.map((e) => [e.version, e.data])).toEqual([
        [3, { fullName: 'Ada', source: 'upcast' }],
        [3, { fullName: 'Grace', source: 'upcast' }],
        [3, { fullName: 'Edsger', source: 'written' }],
        [1, { name: 'untouched' }],
      ]);
      const fromAll = (await readEverything(store(), 100)).filter((e) => mine(e.streamId));
      expect(fromAll.map((e) => e.data)).toEqual(read.map((e) => e.data));

      const raw = await store().readStream(stream('person'), { raw: true });
      expect(raw.map((e) => [e.version, e.data])).toEqual([
        [1, { name: 'Ada' }],
        [2, { fullName: 'Grace' }],
        [3, { fullName: 'Edsger', source: 'written' }],
        [1, { name: 'untouched' }],
      ]);
      expect(verifyStreamIntegrity(raw).valid).toBe(true);

      // A raw subscription (the verifiable log's) sees the stored versions too.
      const delivered: (typeof raw)[number][] = [];
      await new Promise<void>((resolve, reject) => {
        const subscription = store().subscribeToAll(
          {
            fromPosition: 'start',
            raw: true,
            onCaughtUp: () => void subscription.stop().then(resolve),
            onError: reject,
          },
          (event) => {
            if (mine(event.streamId)) delivered.push(event);
          },
        );
      });
      expect(delivered.map((e) => [e.version, e.data])).toEqual(raw.map((e) => [e.version, e.data]));
    });
  });
}

import { WrongExpectedRevisionError } from '../errors';
import { EventStore } from '../event-store';
import { proposed, proposedMany, settle, uniqueStreams } from './fixtures';

export function concurrencyContract(store: () => EventStore): void {
  describe('concurrent writers', () => {
    it('20 appends racing with the same exact revision: exactly one wins, the rest conflict and store nothing', async () => {
      const { stream } = uniqueStreams();
      await store().append(stream('order'), [proposed()], { expectedRevision: 'no_stream' });
      const attempts = Array.from({ length: 20 }, () => proposedMany(2));
      const outcomes = await Promise.all(
        attempts.map((events) => settle(store().append(stream('order'), events, { expectedRevision: 0n }))),
      );
      const winners = outcomes.flatMap((o, i) => (o.ok ? [i] : []));
      expect(winners).toHaveLength(1);
      outcomes.filter((o) => !o.ok).forEach((o) => expect(!o.ok && o.error).toBeInstanceOf(WrongExpectedRevisionError));
      const stored = await store().readStream(stream('order'));
      expect(stored.slice(1).map((e) => e.id)).toEqual(attempts[winners[0]!]!.map((e) => e.id));
    });

    it('writers racing revision after revision with retries: every revision is won exactly once', async () => {
      const { stream } = uniqueStreams();
      const writers = 8;
      const perWriter = 6;
      let conflicts = 0;
      const writer = async (w: number) => {
        for (let done = 0; done < perWriter;) {
          const [last] = await store().readStream(stream('order'), { direction: 'backwards', maxCount: 1 });
          const event = proposed('ContractHappened', { w, done });
          const outcome = await settle(
            store().append(stream('order'), [event], { expectedRevision: last ? last.revision : 'no_stream' }),
          );
          if (outcome.ok) done++;
          else if (outcome.error instanceof WrongExpectedRevisionError) conflicts++;
          else throw outcome.error;
        }
      };
      await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
      const stored = await store().readStream(stream('order'));
      expect(stored.map((e) => e.revision)).toEqual(Array.from({ length: writers * perWriter }, (_, i) => BigInt(i)));
      for (let w = 0; w < writers; w++) {
        const mine = stored
          .filter((e) => (e.data as { w: number }).w === w)
          .map((e) => (e.data as { done: number }).done);
        expect(mine).toEqual(Array.from({ length: perWriter }, (_, i) => i));
      }
      expect(conflicts).toBeGreaterThan(0);
    });

    it('appends in flight together succeed or fail each on its own', async () => {
      const { stream } = uniqueStreams();
      await store().append(stream('order', 'b'), [proposed()], { expectedRevision: 'no_stream' });
      const outcomes = await Promise.all([
        settle(store().append(stream('order', 'a'), proposedMany(2), { expectedRevision: 'no_stream' })),
        settle(store().append(stream('order', 'b'), proposedMany(2), { expectedRevision: 'no_stream' })),
        settle(store().append(stream('order', 'c'), proposedMany(3), { expectedRevision: 'any' })),
        settle(store().append(stream('order', 'b'), proposedMany(2), { expectedRevision: 7n })),
      ]);
      expect(outcomes.map((o) => o.ok)).toEqual([true, false, true, false]);
      expect(await store().readStream(stream('order', 'a'))).toHaveLength(2);
      expect(await store().readStream(stream('order', 'b'))).toHaveLength(1);
      expect(await store().readStream(stream('order', 'c'))).toHaveLength(3);
    });
  });
}

import { RecordedEvent } from '../envelope';
import { EventStore, SubscribeOptions, Subscription } from '../event-store';
import { delay, eventually, proposed, proposedMany, uniqueStreams } from './fixtures';

/** A subscription that records what it got, stopped by the suite's afterEach. */
function recorder(
  store: EventStore,
  options: Omit<SubscribeOptions, 'onCaughtUp'>,
  keep: (e: RecordedEvent) => boolean,
) {
  const received: RecordedEvent[] = [];
  const state = { caughtUpAfter: -1 };
  const subscription = store.subscribeToAll(
    { ...options, onCaughtUp: () => (state.caughtUpAfter = received.length) },
    (event) => {
      if (keep(event)) received.push(event);
    },
  );
  return { received, state, subscription };
}

export function subscriptionContract(store: () => EventStore): void {
  describe('subscribeToAll', () => {
    const running: Subscription[] = [];
    afterEach(async () => {
      await Promise.all(running.splice(0).map((s) => s.stop()));
    });
    const subscribe = (...args: Parameters<typeof recorder>) => {
      const r = recorder(...args);
      running.push(r.subscription);
      return r;
    };

    it("from 'start' catches up on history, reports caught up, then delivers live appends", async () => {
      const { stream, mine } = uniqueStreams();
      await store().append(stream('order'), proposedMany(3), { expectedRevision: 'no_stream' });
      const r = subscribe(store(), { fromPosition: 'start' }, (e) => mine(e.streamId));
      await eventually(() => expect(r.state.caughtUpAfter).toBe(3));
      await store().append(stream('order'), proposedMany(2), { expectedRevision: 2n });
      await store().append(stream('order', 2), [proposed()], { expectedRevision: 'no_stream' });
      await eventually(() => expect(r.received).toHaveLength(6));
      expect(r.received.map((e) => [e.streamId, e.revision])).toEqual([
        ...[0n, 1n, 2n, 3n, 4n].map((rev) => [stream('order'), rev]),
        [stream('order', 2), 0n],
      ]);
      expect(r.received.map((e) => e.integrity)).toEqual([
        ...(await store().readStream(stream('order'))).map((e) => e.integrity),
        ...(await store().readStream(stream('order', 2))).map((e) => e.integrity),
      ]);
    });

    it('from a checkpoint delivers only events after it (exclusive)', async () => {
      const { stream, mine } = uniqueStreams();
      await store().append(stream('order'), proposedMany(4), { expectedRevision: 'no_stream' });
      const [, second] = await store().readStream(stream('order'));
      const r = subscribe(store(), { fromPosition: second!.position }, (e) => mine(e.streamId));
      await eventually(() => expect(r.state.caughtUpAfter).toBe(2));
      expect(r.received.map((e) => e.revision)).toEqual([2n, 3n]);
    });

    it('filters by stream prefix, by event type, and by both', async () => {
      const { stream, prefix } = uniqueStreams();
      await store().append(stream('license'), [proposed('Issued'), proposed('Revoked')], {
        expectedRevision: 'no_stream',
      });
      await store().append(stream('application'), [proposed('Issued'), proposed('Drafted')], {
        expectedRevision: 'no_stream',
      });
      const all = () => true;
      const byPrefix = subscribe(
        store(),
        { fromPosition: 'start', filter: { streamPrefixes: [prefix('license')] } },
        all,
      );
      const byType = subscribe(
        store(),
        { fromPosition: 'start', filter: { eventTypes: ['Issued'] } },
        (e) => e.streamId.startsWith(prefix('license')) || e.streamId.startsWith(prefix('application')),
      );
      const both = subscribe(
        store(),
        {
          fromPosition: 'start',
          filter: { streamPrefixes: [prefix('license'), prefix('exporter')], eventTypes: ['Revoked'] },
        },
        all,
      );
      await eventually(() =>
        [byPrefix, byType, both].forEach((r) => expect(r.state.caughtUpAfter).toBeGreaterThanOrEqual(0)),
      );
      expect(byPrefix.received.map((e) => e.type)).toEqual(['Issued', 'Revoked']);
      expect(byType.received.map((e) => e.streamId)).toEqual([stream('license'), stream('application')]);
      expect(both.received.map((e) => e.type)).toEqual(['Revoked']);
    });

    it('delivers upcast events', async () => {
      const { stream, mine } = uniqueStreams();
      await store().append(stream('person'), [proposed('ContractRenamed', { name: 'Ada' }, 1)], {
        expectedRevision: 'no_stream',
      });
      const r = subscribe(store(), { fromPosition: 'start' }, (e) => mine(e.streamId));
      await eventually(() => expect(r.received).toHaveLength(1));
      expect(r.received[0]).toMatchObject({ version: 3, data: { fullName: 'Ada', source: 'upcast' } });
    });

    it('delivers nothing once stopped', async () => {
      const { stream, mine } = uniqueStreams();
      const r = subscribe(store(), { fromPosition: 'start' }, (e) => mine(e.streamId));
      await store().append(stream('order'), [proposed()], { expectedRevision: 'no_stream' });
      await eventually(() => expect(r.received).toHaveLength(1));
      await r.subscription.stop();
      await store().append(stream('order'), [proposed()], { expectedRevision: 0n });
      await delay(150);
      expect(r.received).toHaveLength(1);
    });

    it('waits for each handler call before the next, and stops with onError when a handler fails', async () => {
      const { stream, mine } = uniqueStreams();
      await store().append(stream('order'), proposedMany(3), { expectedRevision: 'no_stream' });
      const log: string[] = [];
      const errors: unknown[] = [];
      const subscription = store().subscribeToAll(
        { fromPosition: 'start', onError: (error) => errors.push(error) },
        async (event) => {
          if (!mine(event.streamId)) return;
          log.push(`start ${event.revision}`);
          await delay(5);
          if (event.revision === 1n) throw new Error('projection failed');
          log.push(`end ${event.revision}`);
        },
      );
      running.push(subscription);
      await eventually(() => expect(errors).toHaveLength(1));
      expect((errors[0] as Error).message).toBe('projection failed');
      expect(log).toEqual(['start 0', 'end 0', 'start 1']);
    });
  });
}

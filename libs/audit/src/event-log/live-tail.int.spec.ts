import {
  type EventHandler,
  type EventStore,
  openSqliteEventStore,
  type RecordedEvent,
  startCatchUpSubscription,
  type SubscribeOptions,
  type Subscription,
} from '@licensing/event-store';
import { eventually, proposed, proposedMany } from '@licensing/event-store/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventEnvelopeJson } from './envelope-json';
import { headPosition } from './head-position';
import { LiveTail, type TailSink } from './live-tail';

/**
 * A sink whose connection the test opens and closes: while `blocked`, every
 * send reports a full connection and `drained` waits until `unblock()`.
 */
class ControlledSink implements TailSink {
  readonly received: EventEnvelopeJson[] = [];
  blocked = false;
  private waiting: (() => void)[] = [];

  send(event: EventEnvelopeJson): boolean {
    this.received.push(event);
    return !this.blocked;
  }

  drained(): Promise<void> {
    if (!this.blocked) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  unblock(): void {
    this.blocked = false;
    this.waiting.splice(0).forEach((resolve) => resolve());
  }

  positions(): string[] {
    return this.received.map((event) => event.position);
  }
}

/** The store, counting the subscriptions it has open: a tail must never leave one behind. */
function countingSubscriptions(store: EventStore): { store: EventStore; open: () => number } {
  let open = 0;
  const counted: EventStore = Object.create(store) as EventStore;
  counted.subscribeToAll = (options, handler) => {
    const inner = store.subscribeToAll(options, handler);
    open += 1;
    let stopped = false;
    const subscription: Subscription = {
      stop: async () => {
        await inner.stop();
        if (!stopped) open -= 1;
        stopped = true;
      },
    };
    return subscription;
  };
  return { store: counted, open: () => open };
}

describe('the live tail of $all', () => {
  let dir: string;
  let store: EventStore;
  let subscriptions: () => number;
  const tails: LiveTail[] = [];
  const tail = (options: ConstructorParameters<typeof LiveTail>[1], sink: TailSink) => {
    const started = new LiveTail(store, options, sink);
    tails.push(started);
    return started;
  };
  const append = (streamId: string, count: number, type = 'ContractHappened') =>
    store.append(streamId, proposedMany(count, type), { expectedRevision: 'any' });
  const all = async (): Promise<RecordedEvent[]> => store.readAll({ maxCount: 100_000, raw: true });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'live-tail-'));
    const counting = countingSubscriptions(openSqliteEventStore({ filename: join(dir, 'events.sqlite') }));
    store = counting.store;
    subscriptions = counting.open;
  });
  afterEach(async () => {
    await Promise.all(tails.splice(0).map((t) => t.stop()));
    expect(subscriptions()).toBe(0);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('catches up after a position (exclusive), raw, then delivers new events as they are committed', async () => {
    await append('order-1', 5);
    const [, second] = await all();
    const sink = new ControlledSink();
    const running = tail({ after: second!.position, bufferEvents: 10 }, sink);
    await eventually(() => expect(running.status().live).toBe(true));
    expect(sink.received.map((e) => e.revision)).toEqual([2, 3, 4]);
    await store.append('order-1', [proposed('ContractRenamed', { name: 'Ada' })], { expectedRevision: 4n });
    await eventually(() => expect(sink.received).toHaveLength(4));
    // As stored: an old schema version is never upcast here.
    expect(sink.received[3]).toMatchObject({ type: 'ContractRenamed', version: 1, data: { name: 'Ada' } });
    expect(sink.positions()).toEqual((await all()).slice(2).map((e) => e.position.toString()));
  });

  it('delivers only what the filter takes: stream prefixes (any of them) and event types', async () => {
    const sink = new ControlledSink();
    const filter = { streamPrefixes: ['license-', 'exporter-'], eventTypes: ['Wanted'] };
    const running = tail({ after: 'start', filter, bufferEvents: 10 }, sink);
    await append('license-1', 1, 'Wanted');
    await append('license-1', 1, 'Unwanted');
    await append('application-1', 1, 'Wanted');
    await append('exporter-1', 1, 'Wanted');
    await eventually(() => expect(sink.received.map((e) => e.streamId)).toEqual(['license-1', 'exporter-1']));
    expect(running.status()).toMatchObject({ delivered: 2, buffered: 0 });
  });

  it('catches up at the pace of a slow client, never holding more than its buffer, and cuts nobody off', async () => {
    await append('order-1', 40);
    const sink = new ControlledSink();
    sink.blocked = true;
    const running = tail({ after: 'start', bufferEvents: 3 }, sink);
    // One event went out and the connection is full: three wait in the buffer, the rest in the store.
    await eventually(() => expect(running.status()).toMatchObject({ buffered: 3, delivered: 1, live: false }));
    sink.unblock();
    await eventually(() => expect(sink.received).toHaveLength(40));
    expect(sink.received.map((e) => e.revision)).toEqual([...Array(40).keys()]);
    expect(running.status()).toMatchObject({ maxBuffered: 3, subscribed: true });
  });

  it('cuts off a live client that lets its buffer fill, naming the last event it got, and stops its subscription', async () => {
    await append('order-1', 2);
    const sink = new ControlledSink();
    const running = tail({ after: 'start', bufferEvents: 5 }, sink);
    await eventually(() => expect(running.status()).toMatchObject({ live: true, delivered: 2 }));
    sink.blocked = true;
    await append('order-1', 1);
    await eventually(() => expect(sink.received).toHaveLength(3));
    const lastDelivered = (await all()).at(-1)!.position;
    await append('order-1', 50);
    const end = await running.ended;
    expect(end).toEqual({ reason: 'fell-behind', resumeFrom: lastDelivered });
    expect(running.status()).toMatchObject({ maxBuffered: 5, delivered: 3, buffered: 0, subscribed: false });
    expect(subscriptions()).toBe(0);
    // Nothing more goes out once it has ended, even when the connection drains.
    sink.unblock();
    await append('order-1', 1);
    expect(sink.received).toHaveLength(3);
  });

  it('stops on request, also while a slow client holds up its catch-up, and frees its subscription', async () => {
    await append('order-1', 30);
    const sink = new ControlledSink();
    sink.blocked = true;
    const running = tail({ after: 'start', bufferEvents: 2 }, sink);
    await eventually(() => expect(running.status().buffered).toBe(2));
    expect(subscriptions()).toBe(1);
    await expect(running.stop()).resolves.toEqual({ reason: 'stopped' });
    expect(running.status()).toMatchObject({ subscribed: false, buffered: 0 });
    expect(subscriptions()).toBe(0);
  });

  it('ends as failed when the store fails under it', async () => {
    // The store's own catch-up subscription over a source whose reads fail.
    const source = { readAll: () => Promise.reject(new Error('disk gone')), onCommit: () => () => undefined };
    const failing = Object.assign(Object.create(store) as EventStore, {
      subscribeToAll: (options: SubscribeOptions, handler: EventHandler) =>
        startCatchUpSubscription(source, options, handler, { batchSize: 10, pollIntervalMs: 10 }),
    });
    const doomed = new LiveTail(failing, { after: 'start', bufferEvents: 2 }, new ControlledSink());
    tails.push(doomed);
    await expect(doomed.ended).resolves.toEqual({ reason: 'failed', error: new Error('disk gone') });
    expect(doomed.status().subscribed).toBe(false);
  });

  it('refuses a buffer of less than one event', () => {
    expect(() => new LiveTail(store, { after: 'start', bufferEvents: 0 }, new ControlledSink())).toThrow(RangeError);
  });
});

describe('the head of $all', () => {
  it("is the last event's position, null while empty, with or without the store's own answer", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'head-position-'));
    const store = openSqliteEventStore({ filename: join(dir, 'events.sqlite') });
    // Without readHeadPosition (an adapter that lacks it): read to the end, across batches.
    const withoutHead = Object.assign(Object.create(store) as EventStore, { readHeadPosition: undefined });
    try {
      expect(await headPosition(store)).toBeNull();
      expect(await headPosition(withoutHead)).toBeNull();
      await store.append('order-1', proposedMany(1500), { expectedRevision: 'no_stream' });
      const last = (await store.readAll({ fromPosition: 1499n, maxCount: 1 }))[0]!.position;
      expect(await headPosition(store)).toBe(last);
      expect(await headPosition(withoutHead)).toBe(last);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

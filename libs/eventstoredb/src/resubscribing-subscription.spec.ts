import { RecordedEvent, SubscribeOptions } from '@licensing/event-store';
import { eventually, fixedMetadata } from '@licensing/event-store/testing';
import { RESUBSCRIBE_BACKOFF } from './eventstoredb-options';
import {
  FeedAttempt,
  FeedItem,
  LiveFeed,
  ResubscribeSettings,
  RetryNotice,
  startResubscribingSubscription,
} from './resubscribing-subscription';

const event = (n: number, streamId = 'license-1', type = 'LicenseIssued'): RecordedEvent => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  type,
  version: 1,
  streamId,
  revision: BigInt(n),
  position: BigInt(n) * 10n,
  data: { n },
  metadata: fixedMetadata(),
  integrity: { prevHash: '0'.repeat(64), hash: 'f'.repeat(64) },
});

/** How one attempt behaves: deliver some events after `from`, then fail, end, or stay live until closed. */
interface Plan {
  readonly deliver?: number;
  readonly then: { readonly fail: unknown } | 'end' | 'live';
  /** Re-send this many events at or before `from`, as a server resuming inclusively might. */
  readonly redeliver?: number;
}

/** A LiveFeed over an in-memory log, following a script of attempts. */
class ScriptedFeed implements LiveFeed {
  readonly opened: (bigint | 'start')[] = [];
  closed = 0;
  constructor(
    private readonly log: readonly RecordedEvent[],
    private readonly plans: Plan[],
  ) {}

  open(from: bigint | 'start'): FeedAttempt {
    this.opened.push(from);
    const plan = this.plans.shift() ?? { then: 'live' };
    const after = this.log.filter((e) => from === 'start' || e.position > from);
    const before = plan.redeliver
      ? this.log.filter((e) => from !== 'start' && e.position <= from).slice(-plan.redeliver)
      : [];
    const batch = [...before, ...after.slice(0, plan.deliver ?? after.length)];
    let release: () => void = () => undefined;
    const closed = new Promise<void>((resolve) => (release = resolve));
    async function* items(): AsyncGenerator<FeedItem> {
      for (const e of batch) yield { kind: 'event', event: e };
      if (batch.length - before.length >= after.length) yield { kind: 'caughtUp' };
      if (plan.then === 'end') return;
      if (plan.then === 'live') return void (await closed);
      throw plan.then.fail;
    }
    return {
      items: items(),
      close: async () => {
        this.closed += 1;
        release();
      },
    };
  }
}

const transient = Object.assign(new Error('14 UNAVAILABLE: leader changed'), { transient: true });

function run(feed: LiveFeed, options: Partial<SubscribeOptions> = {}, overrides: Partial<ResubscribeSettings> = {}) {
  const received: RecordedEvent[] = [];
  const log: string[] = [];
  const delays: number[] = [];
  const notices: RetryNotice[] = [];
  const errors: unknown[] = [];
  const subscription = startResubscribingSubscription(
    feed,
    {
      fromPosition: 'start',
      onCaughtUp: () => log.push(`caught up after ${received.length}`),
      onError: (e) => errors.push(e),
      ...options,
    },
    async (e) => {
      log.push(`start ${e.revision}`);
      await new Promise((resolve) => setImmediate(resolve));
      received.push(e);
      log.push(`end ${e.revision}`);
    },
    {
      // Without jitter, so the specs can pin the schedule.
      backoff: { ...RESUBSCRIBE_BACKOFF, jitter: false },
      isTransient: (e) => e instanceof Error && 'transient' in e,
      prepare: (e) => e,
      onRetry: (notice) => notices.push(notice),
      sleep: async (ms) => void delays.push(ms),
      ...overrides,
    },
  );
  return { received, log, delays, notices, errors, subscription };
}

const log = [1, 2, 3, 4, 5, 6].map((n) => event(n));

describe('startResubscribingSubscription', () => {
  it('delivers one event at a time in order and reports catching up after the last historic event', async () => {
    const r = run(new ScriptedFeed(log.slice(0, 3), [{ then: 'live' }]));
    await eventually(() => expect(r.log).toContain('caught up after 3'));
    expect(r.log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3', 'caught up after 3']);
    await r.subscription.stop();
  });

  it('after a transient failure, re-subscribes from the last delivered event with growing, capped delays', async () => {
    const failing: Plan[] = Array.from({ length: 9 }, () => ({ deliver: 0, then: { fail: transient } }));
    const feed = new ScriptedFeed(log, [{ deliver: 2, then: { fail: transient } }, ...failing, { then: 'live' }]);
    const r = run(feed);
    await eventually(() => expect(r.received).toHaveLength(6));
    expect(feed.opened).toEqual(['start', ...Array.from({ length: 10 }, () => 20n)]);
    expect(r.delays).toEqual([100, 200, 400, 800, 1600, 3200, 6400, 10_000, 10_000, 10_000]);
    expect(r.notices[0]).toEqual({ failures: 1, delayMs: 100, cause: transient, checkpoint: 20n });
    expect(r.received.map((e) => e.revision)).toEqual([1n, 2n, 3n, 4n, 5n, 6n]);
    expect(r.errors).toEqual([]);
    await r.subscription.stop();
  });

  it('resets the backoff once an attempt makes progress', async () => {
    const feed = new ScriptedFeed(log, [
      { deliver: 0, then: { fail: transient } },
      { deliver: 0, then: { fail: transient } },
      { deliver: 1, then: { fail: transient } },
      { then: 'live' },
    ]);
    const r = run(feed);
    await eventually(() => expect(r.received).toHaveLength(6));
    expect(r.delays).toEqual([100, 200, 100]);
    await r.subscription.stop();
  });

  it('re-subscribes when the server ends the subscription without an error', async () => {
    const feed = new ScriptedFeed(log, [{ deliver: 3, then: 'end' }, { then: 'live' }]);
    const r = run(feed);
    await eventually(() => expect(r.received).toHaveLength(6));
    expect(feed.opened).toEqual(['start', 30n]);
    expect(r.notices).toEqual([{ failures: 1, delayMs: 100, cause: undefined, checkpoint: 30n }]);
    await r.subscription.stop();
  });

  it('never hands an event to the handler twice, even when the server resends events at the checkpoint', async () => {
    const feed = new ScriptedFeed(log, [
      { deliver: 3, then: { fail: transient } },
      { redeliver: 2, then: 'live' },
    ]);
    const r = run(feed);
    await eventually(() => expect(r.received).toHaveLength(6));
    expect(r.received.map((e) => e.revision)).toEqual([1n, 2n, 3n, 4n, 5n, 6n]);
    await r.subscription.stop();
  });

  it("starts strictly after the caller's checkpoint, and reports catching up only once across re-subscriptions", async () => {
    const feed = new ScriptedFeed(log, [{ then: { fail: transient } }, { then: 'live' }]);
    const r = run(feed, { fromPosition: 20n });
    await eventually(() => expect(feed.opened).toHaveLength(2));
    expect(feed.opened).toEqual([20n, 60n]);
    expect(r.received.map((e) => e.revision)).toEqual([3n, 4n, 5n, 6n]);
    expect(r.log.filter((line) => line.startsWith('caught up'))).toEqual(['caught up after 4']);
    await r.subscription.stop();
  });

  it('filters and upcasts on its side, and moves the checkpoint past filtered-out events', async () => {
    const mixed = [
      event(1, 'license-1'),
      event(2, 'application-1'),
      event(3, 'license-1', 'LicenseRevoked'),
      event(4, 'application-1'),
    ];
    const feed = new ScriptedFeed(mixed, [{ then: { fail: transient } }, { then: 'live' }]);
    const r = run(
      feed,
      { filter: { streamPrefixes: ['license-'], eventTypes: ['LicenseIssued'] } },
      { prepare: (e) => ({ ...e, version: 2 }) },
    );
    await eventually(() => expect(feed.opened).toHaveLength(2));
    expect(r.received.map((e) => [e.revision, e.version])).toEqual([[1n, 2]]);
    expect(feed.opened[1]).toBe(40n);
    await r.subscription.stop();
  });

  it('stops with onError, and without re-subscribing, when the handler fails', async () => {
    const feed = new ScriptedFeed(log, [{ then: 'live' }]);
    const failure = new Error('projection failed');
    const errors: unknown[] = [];
    const subscription = startResubscribingSubscription(
      feed,
      { fromPosition: 'start', onError: (e) => errors.push(e) },
      (e) => {
        if (e.revision === 2n) throw failure;
      },
      { backoff: RESUBSCRIBE_BACKOFF, isTransient: () => true, prepare: (e) => e, sleep: async () => undefined },
    );
    await eventually(() => expect(errors).toEqual([failure]));
    await subscription.stop();
    expect(feed.opened).toEqual(['start']);
    expect(feed.closed).toBeGreaterThanOrEqual(1);
  });

  it('stops with onError when the feed fails in a way no retry can fix', async () => {
    const permanent = new Error('access denied');
    const feed = new ScriptedFeed(log, [{ deliver: 1, then: { fail: permanent } }]);
    const r = run(feed);
    await eventually(() => expect(r.errors).toEqual([permanent]));
    expect(feed.opened).toEqual(['start']);
    expect(r.delays).toEqual([]);
  });

  it('stop() waits for the running handler, closes the attempt and opens no other', async () => {
    const feed = new ScriptedFeed(log, [{ then: 'live' }]);
    let finishHandler: () => void = () => undefined;
    const calls: bigint[] = [];
    const subscription = startResubscribingSubscription(
      feed,
      { fromPosition: 'start' },
      (e) => {
        calls.push(e.revision);
        return new Promise<void>((resolve) => (finishHandler = resolve));
      },
      { backoff: RESUBSCRIBE_BACKOFF, isTransient: () => true, prepare: (e) => e },
    );
    await eventually(() => expect(calls).toEqual([1n]));
    let stopped = false;
    const stopping = subscription.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);
    finishHandler();
    await stopping;
    expect(calls).toEqual([1n]);
    expect(feed.opened).toHaveLength(1);
    expect(feed.closed).toBeGreaterThanOrEqual(1);
  });

  it('stop() during a backoff wait returns at once, with the real timer', async () => {
    const feed = new ScriptedFeed(log, [{ deliver: 0, then: { fail: transient } }]);
    const r = run(
      feed,
      {},
      {
        sleep: undefined,
        backoff: { ...RESUBSCRIBE_BACKOFF, initialDelayMs: 60_000, maxDelayMs: 60_000, jitter: false },
      },
    );
    await eventually(() => expect(r.notices).toHaveLength(1));
    const started = Date.now();
    await r.subscription.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(feed.opened).toHaveLength(1);
  });
});

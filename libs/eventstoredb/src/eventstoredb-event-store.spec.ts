import { UnavailableError } from '@eventstore/db-client';
import { InvalidAppendError, StoreClosedError } from '@licensing/event-store';
import { eventually, proposed } from '@licensing/event-store/testing';
import { openEventStoreDbEventStore } from './eventstoredb-event-store';
import { RetryNotice } from './resubscribing-subscription';

// Port 1 on loopback refuses connections at once: the real client fails
// there the way it does when a node is down, with no server needed.
const NOWHERE = 'esdb://127.0.0.1:1?tls=false';

describe('openEventStoreDbEventStore without a server', () => {
  it('refuses a malformed connection string before creating a client', () => {
    expect(() => openEventStoreDbEventStore({ connectionString: 'esdb://127.0.0.1:2113?tsl=false' })).toThrow(
      /unknown option "tsl"/,
    );
    expect(() =>
      openEventStoreDbEventStore({ connectionString: NOWHERE, resubscribeBackoff: { multiplier: 0 } }),
    ).toThrow(/multiplier must be ≥ 1/);
  });

  it('refuses a malformed append before it reaches the network', async () => {
    const store = openEventStoreDbEventStore({ connectionString: NOWHERE });
    await expect(store.append('nocategory', [proposed()], { expectedRevision: 'any' })).rejects.toBeInstanceOf(
      InvalidAppendError,
    );
    await expect(store.append('license-1', [], { expectedRevision: 'any' })).rejects.toBeInstanceOf(InvalidAppendError);
    await store.close();
  });

  it('closes once, after which every call says the store is closed', async () => {
    const store = openEventStoreDbEventStore({ connectionString: NOWHERE });
    await store.close();
    await store.close();
    await expect(store.append('license-1', [proposed()], { expectedRevision: 'any' })).rejects.toBeInstanceOf(
      StoreClosedError,
    );
    await expect(store.readStream('license-1')).rejects.toBeInstanceOf(StoreClosedError);
    await expect(store.readAll({ maxCount: 1 })).rejects.toBeInstanceOf(StoreClosedError);
    expect(() => store.subscribeToAll({ fromPosition: 'start' }, () => undefined)).toThrow(StoreClosedError);
  });

  it('keeps re-subscribing with backoff while the node is unreachable, reports it, and stops cleanly on close', async () => {
    const notices: RetryNotice[] = [];
    const errors: unknown[] = [];
    const store = openEventStoreDbEventStore({
      connectionString: NOWHERE,
      resubscribeBackoff: { initialDelayMs: 10, maxDelayMs: 40, jitter: false },
      onSubscriptionRetry: (notice) => notices.push(notice),
    });
    store.subscribeToAll({ fromPosition: 'start', onError: (e) => errors.push(e) }, () => undefined);
    await eventually(() => expect(notices.length).toBeGreaterThanOrEqual(3), 15_000);
    expect(notices[0]!.cause).toBeInstanceOf(UnavailableError);
    expect(notices.slice(0, 3).map((n) => [n.failures, n.delayMs, n.checkpoint])).toEqual([
      [1, 10, 'start'],
      [2, 20, 'start'],
      [3, 40, 'start'],
    ]);
    await store.close();
    expect(errors).toEqual([]);
  });
});

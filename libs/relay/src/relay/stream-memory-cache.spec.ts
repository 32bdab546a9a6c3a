import { licenseFixtures, meta } from '@licensing/domain/testing';
import { type LicenseCommand, licenseDecider, licenseStreamId } from '@licensing/domain';
import { openSqliteEventStore, type RecordedEvent, type SqliteEventStore } from '@licensing/event-store';
import { mapRecordedEvent, type StreamMemory } from '../mapping';
import { RecordedLog } from '../mapping/testing/recorded-log';
import { StreamMemoryCache } from './stream-memory-cache';

const officer = (at: string) => meta({ at, actor: 'licensing_officer' });

/** Two licenses' lives through the real decider, interleaved in one store, read back with real revisions and positions. */
async function twoLicenses(store: SqliteEventStore): Promise<RecordedEvent[]> {
  const log = new RecordedLog();
  for (const licenseId of ['lic-a', 'lic-b']) {
    const license = log.stream(licenseDecider, licenseStreamId(licenseId));
    const run = (type: LicenseCommand['type'], data: object, at: string) =>
      license.run({ type, data: { licenseId, ...data }, metadata: officer(at) } as LicenseCommand);
    run(
      'IssueLicense',
      { application: licenseFixtures.approvedApplicationFacts(), validFrom: '2026-01-01', validUntil: '2026-12-31' },
      '2025-12-20',
    );
    run('SuspendLicense', { reason: 'End-use check', until: '2026-03-01' }, '2026-02-01');
    run('ReinstateLicense', { reason: 'Checked' }, '2026-02-10');
  }
  const order = [0, 3, 1, 4, 2, 5].map((i) => log.events[i]!);
  for (const event of order) {
    const { id, type, version, data, metadata } = event;
    await store.append(event.streamId, [{ id, type, version, data, metadata }], { expectedRevision: 'any' });
  }
  return store.readAll({ maxCount: 100 });
}

describe('StreamMemoryCache', () => {
  let store: SqliteEventStore;
  beforeEach(() => {
    store = openSqliteEventStore({ filename: ':memory:' });
  });
  afterEach(() => store.close());

  it('gives the same memory as carrying it along, also when every lookup misses and rebuilds from the store', async () => {
    const events = await twoLicenses(store);
    const carried = new Map<string, StreamMemory>();
    const cache = new StreamMemoryCache(store, 1); // two interleaved streams: every lookup after the first misses
    for (const event of events) {
      const expected = mapRecordedEvent(event, carried.get(event.streamId) ?? null);
      carried.set(event.streamId, expected.memory);
      const viaCache = mapRecordedEvent(event, await cache.before(event));
      cache.remember(event, viaCache.memory);
      expect(viaCache).toEqual(expected);
    }
    expect(cache.size).toBe(1);
  });

  it('does not use an entry that is not the memory right after the previous revision', async () => {
    const events = await twoLicenses(store);
    const [issuedA, , suspendedA, , reinstatedA] = events;
    const cache = new StreamMemoryCache(store, 10);
    cache.remember(issuedA!, mapRecordedEvent(issuedA!, null).memory);
    // Skipping the suspension: the cached memory is one revision too old for the reinstatement.
    const before = await cache.before(reinstatedA!);
    const afterSuspension = mapRecordedEvent(suspendedA!, mapRecordedEvent(issuedA!, null).memory).memory;
    expect(before).toEqual(afterSuspension);
  });

  it('needs no read for the first event of a stream', async () => {
    const events = await twoLicenses(store);
    await store.close();
    await expect(new StreamMemoryCache(store, 1).before(events[0]!)).resolves.toBeNull();
  });

  it('refuses a capacity below one', () => {
    expect(() => new StreamMemoryCache(store, 0)).toThrow(RangeError);
  });
});

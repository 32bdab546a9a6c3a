import {
  type EventStore,
  openSqliteEventStore,
  type ProposedEvent,
  type SqliteEventStore,
} from '@licensing/event-store';
import { randomUUID } from 'node:crypto';
import { LagProbe } from './lag-probe';
import { RELAYED_STREAM_PREFIXES } from './relay-types';

const metadata = {
  actor: 'ops',
  role: 'system',
  commandId: 'c',
  correlationId: 'c',
  causationId: 'c',
  occurredAt: '2026-11-23T00:00:00.000Z',
  recordedAt: '2026-11-23T00:00:00.000Z',
};
const event = (): ProposedEvent => ({ id: randomUUID(), type: 'Something', version: 1, data: {}, metadata });
const filter = { streamPrefixes: [...RELAYED_STREAM_PREFIXES] };

describe('LagProbe', () => {
  let store: SqliteEventStore;
  beforeEach(() => {
    store = openSqliteEventStore({ filename: ':memory:' });
  });
  afterEach(() => store.close());

  async function append(streamId: string): Promise<bigint> {
    return (await store.append(streamId, [event()], { expectedRevision: 'any' })).position;
  }

  it('counts only relayed events after the published checkpoint, and finds the head', async () => {
    const first = await append('license-1');
    await append('exporter-1');
    const third = await append('application-1');
    const head = await append('exporter-2');
    const probe = new LagProbe(store, filter);

    await probe.probe(null);
    expect(probe.lag(null)).toEqual({ storePosition: head, lagEvents: 2, lagExact: true });
    expect(probe.lag(first)).toEqual({ storePosition: head, lagEvents: 1, lagExact: true });
    expect(probe.lag(third)).toEqual({ storePosition: head, lagEvents: 0, lagExact: true });
  });

  it('reads on from where it stopped, so it sees new events without rereading old ones', async () => {
    await append('license-1');
    const probe = new LagProbe(store, filter);
    await probe.probe(null);
    const later = await append('control-measure-1');
    await probe.probe(null);
    expect(probe.lag(null)).toEqual({ storePosition: later, lagEvents: 2, lagExact: true });
  });

  it('reports a lower bound while it has not read up to the head', async () => {
    for (let i = 0; i < 5; i += 1) await append(`license-${i}`);
    const probe = new LagProbe(store, filter, { pageSize: 2, maxPagesPerProbe: 1 });
    await probe.probe(null);
    expect(probe.lag(null)).toMatchObject({ lagEvents: 2, lagExact: false });
    await probe.probe(null);
    await probe.probe(null);
    expect(probe.lag(null)).toMatchObject({ lagEvents: 5, lagExact: true });
  });

  it('has no head in an empty store, and takes the checkpoint when the relay is ahead of it', async () => {
    const probe = new LagProbe(store, filter);
    await probe.probe(null);
    expect(probe.lag(null)).toEqual({ storePosition: null, lagEvents: 0, lagExact: true });
    const position = await append('license-1');
    expect(probe.lag(position)).toMatchObject({ storePosition: position, lagEvents: 0 });
  });

  it('reads parsed events from a store that cannot give their text', async () => {
    await append('license-1');
    const head = await append('exporter-1');
    const withoutText = { readAll: store.readAll.bind(store) } as unknown as EventStore;
    const probe = new LagProbe(withoutText, filter);
    await probe.probe(null);
    expect(probe.lag(null)).toEqual({ storePosition: head, lagEvents: 1, lagExact: true });
  });
});

import Database from 'better-sqlite3';
import { openSqliteEventStore, type EventStore, type ProposedEvent, type RecordedEvent } from '@licensing/event-store';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentStore } from './document-store';
import type { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';

interface Tally {
  id: string;
  deposits: number;
  total: number;
}

// A small read model: the sum of deposits per account, deleted on close.
const tallies: Projection<Tally> = {
  name: 'tallies',
  version: 1,
  filter: { streamPrefixes: ['account-'] },
  keysOf: (event) => [event.streamId],
  evolve(doc, event, key) {
    if (event.type === 'AccountClosed') return null;
    const amount = (event.data as { amount: number }).amount;
    const current = doc ?? { id: key, deposits: 0, total: 0 };
    return { ...current, deposits: current.deposits + 1, total: current.total + amount };
  },
};

function deposit(amount: number, type = 'Deposited'): ProposedEvent {
  const at = '2026-01-01T00:00:00.000Z';
  return {
    id: randomUUID(),
    type,
    version: 1,
    data: { amount },
    metadata: {
      actor: 't',
      role: 'system',
      commandId: randomUUID(),
      correlationId: 'c',
      causationId: 'c',
      occurredAt: at,
      recordedAt: at,
    },
  };
}

describe('ProjectionRunner', () => {
  let dir: string;
  let store: EventStore;
  let db: Database.Database;
  let runner: ProjectionRunner;

  const open = () => {
    db = new Database(join(dir, 'read.sqlite'));
    runner = new ProjectionRunner(store, new DocumentStore(db), [tallies], {
      now: () => '2026-01-01T00:00:00.000Z',
      retryBackoff: { initialDelayMs: 10 },
    });
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'projections-'));
    store = openSqliteEventStore({ filename: join(dir, 'events.sqlite'), synchronous: 'NORMAL', pollIntervalMs: 10 });
    open();
  });

  afterEach(async () => {
    await runner.stop();
    db.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const documents = () => new DocumentStore(db).all<Tally>('tallies');

  it('catches up on history, then follows live appends', async () => {
    await store.append('account-a', [deposit(5), deposit(7)], { expectedRevision: 'no_stream' });
    await store.append('other-x', [deposit(1000)], { expectedRevision: 'no_stream' });
    await runner.start();
    expect(documents()).toEqual([{ id: 'account-a', deposits: 2, total: 12 }]);

    const { position } = await store.append('account-b', [deposit(3)], { expectedRevision: 'no_stream' });
    await runner.waitFor(position);
    expect(documents()).toEqual([
      { id: 'account-a', deposits: 2, total: 12 },
      { id: 'account-b', deposits: 1, total: 3 },
    ]);
  });

  it('waits past events its filter ignores, so read-your-writes works for any append', async () => {
    await runner.start();
    const { position } = await store.append('other-y', [deposit(1)], { expectedRevision: 'no_stream' });
    await expect(runner.waitFor(position, 2_000)).resolves.toBeUndefined();
  });

  it('resumes from its checkpoint after a restart without applying anything twice', async () => {
    await store.append('account-a', [deposit(5)], { expectedRevision: 'no_stream' });
    await runner.start();
    await runner.stop();
    db.close();

    await store.append('account-a', [deposit(6)], { expectedRevision: 0n });
    open();
    await runner.start();
    expect(documents()).toEqual([{ id: 'account-a', deposits: 2, total: 11 }]);
    expect(runner.status()[0]).toMatchObject({ name: 'tallies', caughtUp: true, position: 1n });
  });

  it('rebuilds from position 0 to exactly the state it followed live', async () => {
    await runner.start();
    let last: bigint = 0n;
    for (let i = 1; i <= 20; i += 1) {
      ({ position: last } = await store.append(`account-${i % 3}`, [deposit(i)], { expectedRevision: 'any' }));
    }
    const { position } = await store.append('account-0', [deposit(0, 'AccountClosed')], { expectedRevision: 'any' });
    await runner.waitFor(position > last ? position : last);
    const live = documents();

    await runner.rebuild();
    expect(documents()).toEqual(live);
    expect(live.map((d) => d.id)).toEqual(['account-1', 'account-2']);
  });

  it('reports a failing projection and retries from its checkpoint', async () => {
    let failures = 1;
    const flaky: Projection<Tally> = {
      ...tallies,
      name: 'flaky',
      evolve(doc, event: RecordedEvent, key) {
        if (failures-- > 0) throw new Error('disk full');
        return tallies.evolve(doc, event, key);
      },
    };
    await runner.stop();
    runner = new ProjectionRunner(store, new DocumentStore(db), [flaky], {
      now: () => 'now',
      retryBackoff: { initialDelayMs: 10 },
      log: () => undefined,
    });
    await runner.start();
    const { position } = await store.append('account-a', [deposit(4)], { expectedRevision: 'no_stream' });
    await runner.waitFor(position);
    expect(new DocumentStore(db).all('flaky')).toEqual([{ id: 'account-a', deposits: 1, total: 4 }]);
  });
});

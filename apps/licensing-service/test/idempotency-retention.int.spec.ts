import { exporterUser, magnetApplication, type ServiceClient } from '@licensing/service-testing';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { RunningService } from './running-service';

const NOW = '2026-11-23T02:00:00.000Z';
const DAY_MS = 86_400_000;
const later = (days: number) => new Date(Date.parse(NOW) + days * DAY_MS).toISOString();

// The service clock is fixed per start, so each step restarts the service
// on the same data at a later instant (the default retention: 168 h).
describe('idempotency retention (embedded service over HTTP)', () => {
  const service = new RunningService();
  let client: ServiceClient;
  const body = magnetApplication('app-retained');
  const draft = () => client.post('/applications', exporterUser, body, { 'Idempotency-Key': 'draft-app-retained' });
  const remembered = () => {
    const db = new Database(join(service.dataDir, 'idempotency.sqlite'), { readonly: true });
    try {
      return db.prepare('SELECT status, created_at AS createdAt FROM idempotency_keys').all();
    } finally {
      db.close();
    }
  };

  afterAll(() => service.dispose());

  it('replays within the retention; past it the request runs as new, answers the stored events and stores nothing twice', async () => {
    client = await service.start(NOW);
    const first = await draft();
    expect(first.status).toBe(201);

    client = await service.start(later(6));
    const within = await draft();
    expect(within).toMatchObject({ status: 201, body: first.body });
    expect(within.headers.get('idempotent-replayed')).toBe('true');

    // Eight days on: pruned on start, so the repeat reaches the command runner,
    // which finds the events of the key's command id and answers them.
    client = await service.start(later(8));
    expect(remembered()).toEqual([]);
    const past = await draft();
    expect(past.status).toBe(200);
    expect(past.headers.get('idempotent-replayed')).toBeNull();
    expect(past.body).toMatchObject({
      id: 'app-retained',
      revision: '0',
      replayed: true,
      events: first.body.events,
    });
    expect((await client.get('/applications/app-retained', exporterUser)).body.revision).toBe(0);
    // The new answer is remembered from now on.
    expect(remembered()).toEqual([{ status: 200, createdAt: later(8) }]);
    expect((await draft()).headers.get('idempotent-replayed')).toBe('true');
  });
});

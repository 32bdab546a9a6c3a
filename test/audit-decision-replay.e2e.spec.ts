import { auditor } from '@licensing/service-testing';
import BetterSqlite3 from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { copyOfLog, recordLoggedHistory } from './support/logged-history';
import { ServiceProcess } from './support/service-process';
import { ServiceUnderTest } from './support/service-under-test';

/**
 * Decisions replayed from the log by the running service: every approval of
 * a history made through the API matches, proved against a signed head; and
 * a policy event altered in the store underneath is reported by the replay
 * of every decision that relied on it.
 */
const DECISIONS = 4;
const service = new ServiceUnderTest();
const scratch: string[] = [];

beforeAll(async () => {
  await recordLoggedHistory(service, DECISIONS);
}, 120_000);

afterAll(async () => {
  await service.dispose();
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** The service started on a copy of the history (read models included: they are not rebuilt from a tampered store). */
async function serviceOnCopy(alter?: (db: BetterSqlite3.Database) => void) {
  const dir = copyOfLog(service.dataDir, undefined, true);
  scratch.push(dir);
  if (alter) {
    const db = new BetterSqlite3(join(dir, 'events.sqlite'));
    alter(db);
    db.close();
  }
  const running = new ServiceProcess(dir, { SEED_POLICY: 'false', CLOCK_FIXED_AT: '2026-11-23T02:00:00.000Z' });
  return { running, client: await running.start() };
}

const replays = async (client: Awaited<ReturnType<typeof serviceOnCopy>>['client']) =>
  Promise.all(
    Array.from({ length: DECISIONS }, (_, n) => client.get(`/applications/tamper-${n}/decision-replay`, auditor)),
  );

describe('decision replay from the log', () => {
  it('every decision of the history matches its record, every chain intact, every event proved', async () => {
    const { running, client } = await serviceOnCopy();
    try {
      for (const reply of await replays(client)) {
        expect(reply.status).toBe(200);
        expect(reply.body).toMatchObject({
          matches: true,
          outcome: 'approved',
          integrity: { ok: true },
          proofs: { status: 'proved', notInTreeHead: [] },
        });
        expect(reply.body.proofs.policyEvents.length).toBeGreaterThan(10);
      }
    } finally {
      await running.stop();
    }
  }, 120_000);

  it('a policy event altered in the store is reported by every replay that relied on it', async () => {
    // No. 18 of 2025 controls the samarium magnets of every story: its announcement's title, edited in the file.
    const { running, client } = await serviceOnCopy((db) => {
      const row = db
        .prepare("SELECT position, data FROM events WHERE stream_id = 'control-measure-no-18-2025' AND revision = 0")
        .get() as { position: number; data: string };
      const data = { ...(JSON.parse(row.data) as Record<string, unknown>), title: 'Quietly retitled' };
      db.prepare('UPDATE events SET data = ? WHERE position = ?').run(JSON.stringify(data), row.position);
    });
    try {
      for (const reply of await replays(client)) {
        expect(reply.status).toBe(200);
        expect(reply.body.matches).toBe(false);
        expect(reply.body.integrity.ok).toBe(false);
        const broken = reply.body.integrity.policy.filter((stream: { ok: boolean }) => !stream.ok);
        expect(broken).toEqual([
          expect.objectContaining({ streamId: 'control-measure-no-18-2025', ok: false, firstBrokenRevision: 0 }),
        ]);
      }
    } finally {
      await running.stop();
    }
  }, 120_000);
});

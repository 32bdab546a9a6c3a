import { loadTreeHeadKeys, restoreBackup } from '@licensing/audit';
import { openSqliteEventStore } from '@licensing/event-store';
import {
  auditor,
  exporterUser,
  magnetApplication,
  opsUser,
  registerNingbo,
  type ServiceClient,
} from '@licensing/service-testing';
import { createPublicKey } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LoggedService } from './log-capture';
import { OpenApiContract } from './openapi-contract';
import { RunningService } from './running-service';

const NOW = '2026-11-23T02:00:00.000Z';

type Phase = 'before' | 'during' | 'after';

interface Acknowledged {
  readonly phase: Phase;
  readonly streamId: string;
  readonly position: bigint;
  readonly eventIds: readonly string[];
}

/** Drafts and submits applications from `workers` clients at once until stopped; every 2xx is recorded with the phase it was answered in. */
function keepCommanding(client: ServiceClient, tag: string, workers: number, phase: () => Phase) {
  const acknowledged: Acknowledged[] = [];
  const failures: string[] = [];
  let stopped = false;
  const send = async (path: string, body?: unknown) => {
    const reply = await client.post(path, exporterUser, body);
    if (reply.status >= 300) failures.push(`${path} ${reply.status} ${JSON.stringify(reply.body)}`);
    else
      acknowledged.push({
        phase: phase(),
        streamId: reply.body.streamId,
        position: BigInt(reply.body.position),
        eventIds: reply.body.events.map((event: { id: string }) => event.id),
      });
  };
  const loops = Array.from({ length: workers }, async (_, worker) => {
    for (let n = 0; !stopped; n++) {
      const id = `${tag}-${worker}-${n}`;
      await send('/applications', magnetApplication(id));
      await send(`/applications/${id}/submit`);
    }
  });
  return {
    acknowledged,
    failures,
    stop: async () => {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

describe('backups of the embedded store, online, and their restore', () => {
  const service = new RunningService();
  const restored = new RunningService();
  let client: ServiceClient;
  let contract: OpenApiContract;

  beforeAll(async () => {
    // One page per step: the copy spans many turns of the event loop, so commands run inside it.
    client = await service.start(NOW, { BACKUP_PAGES_PER_STEP: '1' });
    contract = new OpenApiContract((await client.get('/openapi.json', auditor)).body);
    expect((await client.post('/exporters', exporterUser, registerNingbo)).status).toBe(201);
    const growth = keepCommanding(client, 'grow', 4, () => 'before');
    while (growth.acknowledged.length < 200) await new Promise((resolve) => setTimeout(resolve, 20));
    await growth.stop();
    expect(growth.failures).toEqual([]);
  }, 120_000);

  afterAll(async () => {
    await restored.dispose();
    await service.dispose();
  });

  it('restores a backup taken under load to a store that verifies and holds every command acknowledged before it began', async () => {
    let phase: Phase = 'before';
    const load = keepCommanding(client, 'load', 4, () => phase);
    while (load.acknowledged.length < 20) await new Promise((resolve) => setTimeout(resolve, 10));
    phase = 'during';
    const reply = await client.post('/ops/backups', opsUser, { name: 'under-load' });
    phase = 'after';
    await load.stop();
    expect(contract.problems('post', '/ops/backups', reply)).toEqual([]);
    expect(reply.status).toBe(201);
    expect(load.failures).toEqual([]);
    const before = load.acknowledged.filter((ack) => ack.phase === 'before');
    expect(load.acknowledged.filter((ack) => ack.phase === 'during').length).toBeGreaterThan(0);

    const { directory, manifest } = reply.body;
    expect(directory).toBe(join(service.dataDir, 'backups', 'under-load'));
    // The head signed as the backup began covers every command acknowledged before it.
    const lastBefore = before.reduce((max, ack) => (ack.position > max ? ack.position : max), -1n);
    expect(BigInt(manifest.verifiableLog.treeHead.treeSize)).toBeGreaterThan(lastBefore);

    const key = (await client.get('/audit/public-key', auditor)).body.publicKeyPem as string;
    const signingKey = loadTreeHeadKeys({ defaultFile: join(service.dataDir, 'tree-head-key.pem') }).privateKey;
    const report = await restoreBackup(directory, restored.dataDir, {
      trustedPublicKey: createPublicKey(key),
      treeHeadKey: signingKey,
    });
    expect(report.verification).toMatchObject({ ok: true, checkedEvents: manifest.eventStore.events });

    const store = openSqliteEventStore({ filename: join(restored.dataDir, 'events.sqlite') });
    const stored = new Set<string>();
    try {
      for (let from = 0n; ;) {
        const batch = await store.readAll({ fromPosition: from, maxCount: 1000, raw: true });
        for (const event of batch) stored.add(event.id);
        if (batch.length < 1000) break;
        from = (batch.at(-1)?.position ?? 0n) + 1n;
      }
    } finally {
      await store.close();
    }
    expect(stored.size).toBe(manifest.eventStore.events);
    expect(before.flatMap((ack) => ack.eventIds).filter((id) => !stored.has(id))).toEqual([]);
    // Each command whole or not at all, whenever it was answered.
    const partial = load.acknowledged.filter((ack) => {
      const present = ack.eventIds.filter((id) => stored.has(id)).length;
      return present !== 0 && present !== ack.eventIds.length;
    });
    expect(partial).toEqual([]);

    // The service starts on the restored directory, serves what was acknowledged, and its log verifies online.
    const again = await restored.start(NOW);
    const drafted = before.find((ack) => ack.streamId.startsWith('application-'));
    expect(
      (await again.get(`/applications/${drafted?.streamId.slice('application-'.length)}`, exporterUser)).status,
    ).toBe(200);
    const verified = await again.get('/audit/verify', auditor);
    expect(verified.body.at(-1)).toMatchObject({ kind: 'report', ok: true, checkedEvents: stored.size });
  }, 120_000);

  it('takes one backup at a time: another asked for meanwhile is a 409 naming the one running', async () => {
    // Both sent at once: whichever reaches the runner second finds the first still copying, page by page.
    const replies = await Promise.all(
      ['first-of-two', 'second-of-two'].map((name) => client.post('/ops/backups', opsUser, { name })),
    );
    expect(replies.map((reply) => reply.status).sort()).toEqual([201, 409]);
    const [taken, refused] = replies[0]?.status === 201 ? replies : [...replies].reverse();
    for (const reply of replies) expect(contract.problems('post', '/ops/backups', reply)).toEqual([]);
    expect(refused?.body).toMatchObject({ code: 'backup.in_progress', running: taken?.body.name });
    expect(
      existsSync(
        join(service.dataDir, 'backups', refused?.body.running === 'first-of-two' ? 'second-of-two' : 'first-of-two'),
      ),
    ).toBe(false);

    const after = await client.get('/ops/backups', auditor);
    expect(contract.problems('get', '/ops/backups', after)).toEqual([]);
    expect(after.body.running).toBeNull();
    expect(after.body.backups.map((b: { name: string }) => b.name)).toEqual([taken?.body.name, 'under-load'].sort());
    expect(readdirSync(join(service.dataDir, 'backups')).sort()).toEqual([taken?.body.name, 'under-load'].sort());
  }, 60_000);

  it('warns at start when restored without the signing key: the old heads no longer verify online', async () => {
    const logged = new LoggedService();
    try {
      await restoreBackup(join(service.dataDir, 'backups', 'under-load'), logged.dataDir);
      const started = await logged.start();
      const warning = logged.lines.find((line) => line.text.includes("not with this service's key"));
      expect(warning?.json).toMatchObject({ context: 'VerifiableLog', level: 40 });
      const verified = await started.get('/audit/verify', auditor);
      expect(verified.body.at(-1)).toMatchObject({
        kind: 'report',
        ok: false,
        firstProblem: { kind: 'bad_tree_head' },
      });
    } finally {
      await logged.dispose();
    }
  }, 60_000);

  it('takes a name, never a path, and never overwrites a backup', async () => {
    for (const name of ['../escape', 'a/b', '.hidden', '', 'x'.repeat(65)]) {
      const refused = await client.post('/ops/backups', opsUser, { name });
      expect(contract.problems('post', '/ops/backups', refused)).toEqual([]);
      expect({ name, status: refused.status, code: refused.body.code }).toEqual({
        name,
        status: 400,
        code: 'request.invalid',
      });
    }
    const again = await client.post('/ops/backups', opsUser, { name: 'under-load' });
    expect(again).toMatchObject({ status: 409, body: { code: 'backup.exists' } });
    expect(readdirSync(join(service.dataDir, 'backups'))).toHaveLength(2);
    expect((await client.post('/ops/backups', auditor, {})).status).toBe(403);
  });
});

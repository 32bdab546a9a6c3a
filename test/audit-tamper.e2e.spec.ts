import {
  loadTreeHeadKeys,
  MerkleLogStore,
  signTreeHead,
  verifyExport,
  verifyStore,
  writeExport,
  type SignedTreeHead,
  type VerificationReport,
} from '@licensing/audit';
import { TAMPER_KINDS, tamper, type Tampering } from '@licensing/audit/testing';
import { openSqliteEventStore } from '@licensing/event-store';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { auditorToken, copyOfLog, recordLoggedHistory } from './support/logged-history';
import { ServiceProcess } from './support/service-process';
import { ServiceUnderTest } from './support/service-under-test';

/**
 * Issue 11's tamper suite: a history made through the API, then 1,000 random
 * alterations of copies of its SQLite event store, each of every kind an
 * attacker with the file could make. Online (the verifier the service runs)
 * and offline (an export checked with only the public key) must both see
 * every one, and name the first altered leaf exactly.
 */
const MUTATIONS = Number(process.env['MUTATIONS'] ?? 1_000);
const service = new ServiceUnderTest();
const scratch: string[] = [];
let head: SignedTreeHead;
let keys: ReturnType<typeof loadTreeHeadKeys>;

/** Park–Miller: the same 1,000 mutations on every run; a failure names its seed. */
const seeded = (seed: number) => {
  let state = seed % 2147483647 || 1;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
};

async function* each(lines: readonly string[]) {
  yield* lines;
}

async function verifyBoth(dir: string): Promise<{ online: VerificationReport; offline: VerificationReport }> {
  const store = openSqliteEventStore({ filename: join(dir, 'events.sqlite') });
  const tree = MerkleLogStore.open(join(dir, 'audit-log.sqlite'));
  try {
    const online = await verifyStore(store, tree, keys.publicKey);
    const lines: string[] = [];
    await writeExport(store, tree, { treeHead: head, filter: {}, exportedAt: head.timestamp }, (line) => {
      lines.push(line.trimEnd());
    });
    const offline = await verifyExport(each(lines), { publicKey: keys.publicKey, trustedHead: head });
    return { online, offline };
  } finally {
    await store.close();
    tree.close();
  }
}

beforeAll(async () => {
  await recordLoggedHistory(service, 12);
  keys = loadTreeHeadKeys({ defaultFile: join(service.dataDir, 'tree-head-key.pem') });
  const tree = MerkleLogStore.open(join(service.dataDir, 'audit-log.sqlite'));
  head = tree.latestTreeHead() as SignedTreeHead;
  tree.close();
}, 120_000);

afterAll(async () => {
  await service.dispose();
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

const copy = (withReadModels = false) => {
  const dir = copyOfLog(service.dataDir, undefined, withReadModels);
  scratch.push(dir);
  return dir;
};

describe('tampering with the event store', () => {
  it('an untouched copy verifies, online and offline', async () => {
    expect(head.treeSize).toBeGreaterThan(100);
    const { online, offline } = await verifyBoth(copy());
    expect(online).toMatchObject({ ok: true, problems: 0, checkedEvents: head.treeSize });
    expect(offline).toMatchObject({ ok: true, problems: 0, checkedEvents: head.treeSize });
  });

  it(`${MUTATIONS} random mutations are all detected, online and offline, each at its first bad leaf`, async () => {
    const dir = copy();
    const missed: string[] = [];
    const seen = new Map<string, number>();
    for (let n = 0; n < MUTATIONS; n++) {
      copyOfLog(service.dataDir, dir);
      const kind = TAMPER_KINDS[n % TAMPER_KINDS.length] as (typeof TAMPER_KINDS)[number];
      const tampering: Tampering = tamper(join(dir, 'events.sqlite'), kind, seeded(n + 1));
      const { online, offline } = await verifyBoth(dir);
      for (const [how, report] of [
        ['online', online],
        ['offline', offline],
      ] as const) {
        if (report.ok || report.firstProblem?.leafIndex !== tampering.firstBadLeaf)
          missed.push(
            `seed ${n + 1} ${tampering.description} (leaf ${tampering.firstBadLeaf}): ${how} said ${report.summary}`,
          );
      }
      seen.set(kind, (seen.get(kind) ?? 0) + 1);
    }
    expect(missed).toEqual([]);
    expect([...seen.keys()].sort()).toEqual([...TAMPER_KINDS].sort());
  }, 600_000);

  it('a forked log: a head of the same size over other events, signed with the key, is refused both ways', async () => {
    const dir = copy();
    const forked = signTreeHead(keys.privateKey, { ...head, rootHash: 'ab'.repeat(32) });
    const offline = await verifyExport(each(await exportLines(dir)), {
      publicKey: keys.publicKey,
      trustedHead: forked,
    });
    expect(offline).toMatchObject({ ok: false, firstProblem: { kind: 'root_mismatch' } });
    const tree = MerkleLogStore.open(join(dir, 'audit-log.sqlite'));
    tree.saveTreeHead(forked);
    tree.close();
    const { online } = await verifyBoth(dir);
    expect(online).toMatchObject({ ok: false, firstProblem: { kind: 'root_mismatch' } });
  });

  it('the running service reports each kind at its first bad leaf on GET /audit/verify', async () => {
    for (const kind of TAMPER_KINDS) {
      const dir = copy(true);
      const tampering = tamper(join(dir, 'events.sqlite'), kind, seeded(4242));
      // No seeding: the seeder would put a deleted policy event back at the end of the log.
      const running = new ServiceProcess(dir, { SEED_POLICY: 'false', CLOCK_FIXED_AT: head.timestamp });
      const client = await running.start();
      try {
        const response = await fetch(`${client.url}/audit/verify`, {
          headers: { Authorization: `Bearer ${await auditorToken(dir)}` },
        });
        expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
        const lines = (await response.text())
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line));
        expect(lines.at(-1)).toMatchObject({
          kind: 'report',
          ok: false,
          firstProblem: { leafIndex: tampering.firstBadLeaf },
        });
      } finally {
        await running.stop();
      }
    }
  }, 300_000);
});

async function exportLines(dir: string): Promise<string[]> {
  const store = openSqliteEventStore({ filename: join(dir, 'events.sqlite') });
  const tree = MerkleLogStore.open(join(dir, 'audit-log.sqlite'));
  const lines: string[] = [];
  await writeExport(store, tree, { treeHead: head, filter: {}, exportedAt: head.timestamp }, (line) => {
    lines.push(line.trimEnd());
  });
  await store.close();
  tree.close();
  return lines;
}

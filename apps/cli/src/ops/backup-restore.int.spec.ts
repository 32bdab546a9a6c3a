import { MerkleLogStore, verifyStore } from '@licensing/audit';
import { readManifestFile, tamperBackupStore } from '@licensing/audit/testing';
import { openSqliteEventStore } from '@licensing/event-store';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli';
import { capturedIo } from '../testing/captured-io';
import { json, problem, startCannedServer, type CannedServer } from '../testing/canned-server';
import { loggedHistory, type LoggedHistory } from '../testing/logged-history';

let root: string;
let history: LoggedHistory;
let backup: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'cli-ops-'));
  history = await loggedHistory(join(root, 'data'));
  backup = join(root, 'backup');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const io = capturedIo();
  const code = await runCli(['ops', ...args], env, io);
  return { code, out: io.stdout(), err: io.stderr() };
}
const at = (name: string) => join(root, name);

describe('ops backup and ops restore, on a stopped service’s DATA_DIR', () => {
  it('backs up, then restores into a new DATA_DIR that verifies, with the signing key in place', async () => {
    const backedUp = await cli(['backup', '--data-dir', history.dir, '--to', backup]);
    expect({ code: backedUp.code, err: backedUp.err }).toEqual({ code: 0, err: '' });
    expect(backedUp.out).toContain(
      `Backed up 30 events in 5 streams (up to position 29) and the verifiable log (30 events recorded; newest signed head: size 30; key ${history.head.keyId.slice(0, 16)}…) to ${backup}.`,
    );
    expect(readdirSync(backup).sort()).toEqual([
      'audit-log.sqlite',
      'events.sqlite',
      'manifest.json',
      'tree-head-public-key.pem',
    ]);
    expect(readManifestFile(backup).verifiableLog.treeHead).toEqual(history.head);

    const target = at('restored');
    const keyFile = join(history.dir, 'tree-head-key.pem');
    const restored = await cli([
      'restore',
      '--from',
      backup,
      '--data-dir',
      target,
      '--public-key',
      history.publicKeyFile,
      '--tree-head-key',
      keyFile,
    ]);
    expect({ code: restored.code, err: restored.err }).toEqual({ code: 0, err: '' });
    expect(restored.out).toContain(`Restored ${backup} into ${target}: 30 events in 5 streams verified`);
    expect(restored.out).toContain(`The tree-head key is in ${target}/tree-head-key.pem.`);
    expect(readdirSync(target).sort()).toEqual(['audit-log.sqlite', 'events.sqlite', 'tree-head-key.pem']);
    const store = openSqliteEventStore({ filename: join(target, 'events.sqlite') });
    const tree = MerkleLogStore.open(join(target, 'audit-log.sqlite'));
    try {
      expect(await verifyStore(store, tree, history.keys.publicKey)).toMatchObject({ ok: true, checkedEvents: 30 });
    } finally {
      tree.close();
      await store.close();
    }
  });

  it('refuses a damaged backup: exit 1, what is wrong and where, the target untouched', async () => {
    const damaged = at('damaged');
    cpSync(backup, damaged, { recursive: true });
    const tampering = await tamperBackupStore(damaged, 'payload');
    const [, stream, revision] = /data of (\S+)@(\d+) edited/.exec(tampering.description) ?? [];
    const target = at('kept');
    mkdirSync(target);
    writeFileSync(join(target, 'events.sqlite'), 'what was there');

    const { code, out, err } = await cli(['restore', '--from', damaged, '--data-dir', target, '--force']);
    expect({ code, out }).toEqual({ code: 1, out: '' });
    expect(err).toMatch(
      new RegExp(
        `^Refused: events\\.sqlite does not verify against the verifiable log: content altered at stream ${stream}, revision ${revision}, position ${tampering.firstBadLeaf}`,
      ),
    );
    expect(err).toContain(`Nothing was restored; ${target} is as it was.`);
    expect(readdirSync(target)).toEqual(['events.sqlite']);
    expect(readdirSync(root).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('verifies without writing on a dry run, and will not restore over data without --force', async () => {
    const dry = await cli(['restore', '--from', backup, '--data-dir', at('dry'), '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/^Dry run: .* verifies \(30 events in 5 streams verified: .*\)\. Nothing was written\.$/);
    expect(existsSync(at('dry'))).toBe(false);

    const busy = await cli(['restore', '--from', backup, '--data-dir', history.dir]);
    expect(busy.code).toBe(2);
    expect(busy.err).toMatch(
      /^Not restored: .* is not empty: stop the service and restore into a new directory, or pass --force/,
    );
  });

  it.each([
    [['backup', '--to', 'x'], /^--to needs --data-dir \(a stopped service\)/],
    [['backup'], /^A bearer token is required: .*--role ops\./],
    [['backup', '--data-dir', 'nowhere', '--to', 'x'], /^nowhere\/events\.sqlite does not exist/],
    [['restore', '--from', 'x'], /^--data-dir is required/],
    [['restore', '--from', 'nowhere', '--data-dir', 'x'], /^--from .*nowhere is not a directory/],
    [['rebuld'], /^'rebuld' is not an ops command; they are /],
  ])('%j fails with a message saying what to do', async (args, message) => {
    const { code, err } = await cli(args);
    expect(code).toBeGreaterThan(0);
    expect(err).toMatch(message);
  });
});

describe('ops backup against a running service', () => {
  let server: CannedServer;
  const env = () => ({ LICENSING_URL: server.url, LICENSING_TOKEN: 'ops-token' });
  beforeAll(async () => (server = await startCannedServer()));
  afterAll(() => server.close());
  beforeEach(() => {
    server.routes.clear();
    server.requests.length = 0;
  });

  it('asks the service for a backup (POST /ops/backups) and prints where it wrote it', async () => {
    const manifest = readManifestFile(backup);
    const bodies: string[] = [];
    server.routes.set('/ops/backups', (request, response) => {
      if (request.method === 'GET')
        return json({ directory: '/srv/backups', running: null, backups: [], unreadable: [] })(request, response);
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        bodies.push(body);
        json({ name: 'nightly', directory: '/srv/backups/nightly', manifest, tookMs: 12 }, 201)(request, response);
      });
    });
    const { code, out, err } = await cli(['backup', '--name', 'nightly'], env());
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(bodies).toEqual(['{"name":"nightly"}']);
    expect(server.requests.every((r) => r.authorization === 'Bearer ops-token')).toBe(true);
    expect(out).toContain("to /srv/backups/nightly on the service's machine.");
  });

  it('prints the refusal, with the token an operator needs', async () => {
    server.routes.set(
      '/ops/backups',
      problem(403, 'Not permitted for this actor', 'An auditor may not create a backup.'),
    );
    const { code, err } = await cli(['backup'], env());
    expect(code).toBe(2);
    expect(err).toBe(
      'The service refused (403 test.refused): Not permitted for this actor: An auditor may not create a backup. This needs an ops token: npm run token -- --sub <you> --role ops.',
    );
  });
});

import { keyIdOf } from '@licensing/audit';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli';
import { capturedIo } from '../testing/captured-io';
import { json, ndjson, problem, startCannedServer, type CannedServer } from '../testing/canned-server';
import { exportTo, loggedHistory, type LoggedHistory } from '../testing/logged-history';

let root: string;
let server: CannedServer;
let history: LoggedHistory;
let exported: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'cli-service-'));
  server = await startCannedServer();
  history = await loggedHistory(join(root, 'service'));
  exported = readFileSync(await exportTo(history.dir, history.head, join(root, 'served.ndjson')), 'utf8');
});
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});
beforeEach(() => {
  server.routes.clear();
  server.requests.length = 0;
});

async function cli(args: string[], env: NodeJS.ProcessEnv = { LICENSING_URL: server.url, LICENSING_TOKEN: 'tok' }) {
  const io = capturedIo();
  const code = await runCli(['audit', ...args], env, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

const out = (name: string) => join(root, name);
const nothingAt = (file: string) => !existsSync(file) && !existsSync(`${file}.partial`);

describe('audit export', () => {
  it('streams the export to the file, with only the filters given, and it verifies offline', async () => {
    server.routes.set('/audit/export', ndjson(exported));
    const file = out('export.ndjson');
    const {
      code,
      out: text,
      err,
    } = await cli([
      'export',
      '--out',
      file,
      '--stream-prefix',
      'case-',
      '--from',
      '2026-01-01T00:00:00Z',
      '--since-tree-size',
      '15',
      '--token',
      'from-option',
    ]);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(server.requests).toEqual([
      {
        url: '/audit/export?streamPrefix=case-&recordedFrom=2026-01-01T00%3A00%3A00Z&sinceTreeSize=15',
        authorization: 'Bearer from-option',
      },
    ]);
    expect(readFileSync(file, 'utf8')).toBe(exported);
    expect(existsSync(`${file}.partial`)).toBe(false);
    expect(text).toContain(
      `Exported 30 events to ${file}, at the tree head of size 30 signed at ${history.head.timestamp} (root ${history.head.rootHash.slice(0, 16)}…, key ${history.head.keyId.slice(0, 16)}…).`,
    );
    const verified = await cli(['verify', '--export', file, '--public-key', history.publicKeyFile]);
    expect(verified.code).toBe(0);
  });

  it('answers JSON with --json', async () => {
    server.routes.set('/audit/export', ndjson(exported));
    const { code, out: text } = await cli(['export', '--out', out('json.ndjson'), '--tree-size', '30', '--json']);
    expect(code).toBe(0);
    expect(server.requests[0]?.url).toBe('/audit/export?treeSize=30');
    expect(JSON.parse(text)).toEqual({
      file: out('json.ndjson'),
      events: 30,
      treeHead: history.head,
      complete: true,
      filter: {},
    });
  });

  it('prints the problem details of a refusal and exits 2, leaving nothing behind', async () => {
    server.routes.set('/audit/export', problem(403, 'Forbidden', 'An exporter may not export the log.'));
    const file = out('refused.ndjson');
    const { code, out: text, err } = await cli(['export', '--out', file]);
    expect({ code, text }).toEqual({ code: 2, text: '' });
    expect(err).toBe(
      "The service refused (403 test.refused): Forbidden: An exporter may not export the log. This needs an auditor's token: npm run token -- --sub <you> --role auditor.",
    );
    expect(nothingAt(file)).toBe(true);
  });

  it('a download broken off mid-way leaves no file and no FILE.partial, and an older file untouched', async () => {
    server.routes.set('/audit/export', ndjson(exported, 10));
    const file = out('broken.ndjson');
    writeFileSync(file, 'the previous export\n');
    const { code, err } = await cli(['export', '--out', file]);
    expect(code).toBe(2);
    expect(err).toMatch(/^The export broke off after \d+ events \(.+\): nothing was saved; run it again\.$/);
    expect(readFileSync(file, 'utf8')).toBe('the previous export\n');
    expect(existsSync(`${file}.partial`)).toBe(false);
  });

  it('an answer that ends without the end line is refused: cut short, nothing saved', async () => {
    server.routes.set('/audit/export', ndjson(exported.split('\n').slice(0, 20).join('\n') + '\n'));
    const file = out('short.ndjson');
    const { code, err } = await cli(['export', '--out', file]);
    expect(code).toBe(2);
    expect(err).toBe('The export was cut short after 19 events (no end line): nothing was saved; run it again.');
    expect(nothingAt(file)).toBe(true);
  });

  it('an answer that is no export is refused', async () => {
    server.routes.set('/audit/export', json({ hello: 'world' }));
    const file = out('not-export.ndjson');
    const { code, err } = await cli(['export', '--out', file]);
    expect(code).toBe(2);
    expect(err).toMatch(/^The service did not answer an audit export/);
    expect(nothingAt(file)).toBe(true);
  });

  it('refuses bad options before any request: exit 2', async () => {
    const bad = await cli(['export', '--out', out('x.ndjson'), '--from', 'yesterday']);
    expect(bad).toMatchObject({ code: 2, out: '' });
    expect(bad.err).toMatch(/^--from 'yesterday' is not an ISO 8601 instant/);
    const size = await cli(['export', '--out', out('x.ndjson'), '--tree-size', '-1']);
    expect(size.code).toBe(2);
    const folder = await cli(['export', '--out', join(root, 'no-such-folder', 'x.ndjson')]);
    expect(folder.err).toMatch(/the folder .*no-such-folder does not exist; create it first\./);
    expect(server.requests).toEqual([]);
  });
});

describe('the token and the service address', () => {
  it('without a token: exit 2, saying how to get one, and no request', async () => {
    const { code, err } = await cli(['tree-head', '--out', out('head.json')], { LICENSING_URL: server.url });
    expect(code).toBe(2);
    expect(err).toContain(
      'A bearer token is required: pass --token or set LICENSING_TOKEN; get one with npm run token -- --sub <you> --role auditor.',
    );
    expect(server.requests).toEqual([]);
  });

  it('a service that does not answer: exit 2, naming the address', async () => {
    const closed = await startCannedServer();
    await closed.close();
    const { code, err } = await cli(['tree-head', '--out', out('head.json'), '--url', closed.url]);
    expect(code).toBe(2);
    expect(err).toMatch(
      new RegExp(`^Could not reach the licensing service at ${closed.url} \\(.*ECONNREFUSED.*\\)\\. Is it running`),
    );
    expect(nothingAt(out('head.json'))).toBe(true);
  });

  it('an expired token: the refusal and how to get a fresh one', async () => {
    server.routes.set(
      '/audit/tree-heads/latest',
      problem(401, 'Unauthorized', 'The token expired.', 'auth.invalid_token'),
    );
    const { code, err } = await cli(['tree-head', '--out', out('head.json')]);
    expect(code).toBe(2);
    expect(err).toBe(
      'The service refused (401 auth.invalid_token): Unauthorized: The token expired. Your token is missing, expired or not trusted by this service: get one with npm run token -- --sub <you> --role auditor.',
    );
  });
});

describe('audit tree-head and audit public-key', () => {
  it('saves the latest signed tree head, which verify then holds the export to', async () => {
    server.routes.set('/audit/tree-heads/latest', json(history.head));
    const file = out('latest-head.json');
    const { code, out: text } = await cli(['tree-head', '--out', file]);
    expect(code).toBe(0);
    expect(server.requests[0]).toEqual({ url: '/audit/tree-heads/latest', authorization: 'Bearer tok' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(history.head);
    expect(text).toBe(
      `Saved the tree head of size 30 signed at ${history.head.timestamp} (root ${history.head.rootHash.slice(0, 16)}…, key ${history.head.keyId.slice(0, 16)}…) to ${file}.`,
    );
  });

  it('no head signed yet: the problem, exit 2', async () => {
    server.routes.set(
      '/audit/tree-heads/latest',
      problem(
        404,
        'Not Found',
        'No tree head has been signed yet; POST /audit/tree-heads signs one.',
        'audit.no_tree_head',
      ),
    );
    const { code, err } = await cli(['tree-head', '--out', out('none.json')]);
    expect(code).toBe(2);
    expect(err).toBe(
      'The service refused (404 audit.no_tree_head): Not Found: No tree head has been signed yet; POST /audit/tree-heads signs one.',
    );
    expect(nothingAt(out('none.json'))).toBe(true);
  });

  it('saves the public key as PEM and prints its key id', async () => {
    const publicKeyPem = history.keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const keyId = keyIdOf(history.keys.publicKey);
    server.routes.set('/audit/public-key', json({ algorithm: 'Ed25519', keyId, publicKeyPem }));
    const file = out('key.pem');
    const { code, out: text } = await cli(['public-key', '--out', file]);
    expect(code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(publicKeyPem);
    expect(text).toContain(`Key id: ${keyId}`);
    const json2 = await cli(['public-key', '--out', file, '--json']);
    expect(JSON.parse(json2.out)).toEqual({ file, algorithm: 'Ed25519', keyId });
  });

  it('refuses a key that does not have the id the service announced', async () => {
    const publicKeyPem = history.keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    server.routes.set('/audit/public-key', json({ algorithm: 'Ed25519', keyId: 'f'.repeat(64), publicKeyPem }));
    const file = out('wrong-key.pem');
    const { code, err } = await cli(['public-key', '--out', file]);
    expect(code).toBe(2);
    expect(err).toMatch(/^The key the service sent has id [0-9a-f]{64}, not the f{64} it announced: do not trust it/);
    expect(nothingAt(file)).toBe(true);
  });
});

const head = {
  treeSize: 30,
  rootHash: 'a'.repeat(64),
  timestamp: '2026-11-30T08:00:00.000Z',
  signature: 'c2ln',
  keyId: 'b'.repeat(64),
};
const chain = (streamId: string, ok = true) => ({
  streamId,
  ok,
  events: 3,
  firstBrokenRevision: ok ? null : 1,
  detail: ok ? 'the chain holds' : 'prevHash is not the hash of revision 0',
});
const same = {
  same: true,
  verdict: { changed: false, before: { verdict: 'approve', reasons: [] }, after: { verdict: 'approve', reasons: [] } },
  outcomes: [],
  measures: [],
  otherFields: [],
};

describe('audit replay', () => {
  it('a replay that matches: exit 0, with the integrity verdict and the proofs', async () => {
    server.routes.set(
      '/applications/app-1/decision-replay',
      json({
        applicationId: 'app-1',
        outcome: 'approved',
        validOn: '2026-11-10',
        knownAt: '2026-11-10T02:00:00.000Z',
        matches: true,
        findings: ['The hash chain of application-app-1 and of the 2 measure streams holds.'],
        differences: same,
        integrity: {
          ok: true,
          application: chain('application-app-1'),
          policy: [chain('measure-57'), chain('measure-70')],
        },
        proofs: {
          status: 'proved',
          detail: 'Every event the replay read is proved included in the tree head of size 30.',
          treeHead: head,
          decisionEvent: { eventId: 'e1' },
          policyEvents: [{ eventId: 'e2' }, { eventId: 'e3' }],
          notInTreeHead: [],
        },
      }),
    );
    const { code, out: text } = await cli(['replay', '--application', 'app-1']);
    expect(code).toBe(0);
    expect(text).toBe(
      [
        'Decision replay of application app-1: MATCHES',
        '  outcome   approved',
        '  validOn   2026-11-10',
        '  knownAt   2026-11-10T02:00:00.000Z',
        'Findings:',
        '  - The hash chain of application-app-1 and of the 2 measure streams holds.',
        'Differences: none (the re-evaluation gives the recorded decision)',
        'Integrity: every hash chain holds (3 stream(s): the application and its measures).',
        `Proofs: proved: 3 event(s) proved included against the tree head of size 30 signed at 2026-11-30T08:00:00.000Z (root ${'a'.repeat(16)}…, key ${'b'.repeat(16)}…).`,
        '  Every event the replay read is proved included in the tree head of size 30.',
      ].join('\n'),
    );
  });

  it("an amendment request's decision: asked on its license, named in the output, its license's chain counted", async () => {
    server.routes.set(
      '/licenses/L-1/decision-replay',
      json({
        licenseId: 'L-1',
        amendmentRequestId: 'amd-1',
        outcome: 'approved',
        validOn: '2026-11-10',
        knownAt: '2026-11-10T02:00:00.000Z',
        matches: true,
        findings: [],
        differences: same,
        integrity: { ok: true, license: chain('license-L-1'), policy: [chain('measure-57')] },
      }),
    );
    const { code, out: text } = await cli(['replay', '--license', 'L-1', '--amendment', 'amd-1']);
    expect(code).toBe(0);
    expect(server.requests[0]?.url).toBe('/licenses/L-1/decision-replay?amendmentRequestId=amd-1');
    expect(text).toContain('Decision replay of amendment request amd-1 of license L-1: MATCHES');
    expect(text).toContain('Integrity: every hash chain holds (2 stream(s): the license and its measures).');
  });

  it.each([
    [['--license', 'L-1'], /^--amendment is required: the amendment request whose decision to replay\./],
    [
      ['--application', 'app-1', '--license', 'L-1', '--amendment', 'amd-1'],
      /^Name one decision: --application, or --license with --amendment\./,
    ],
  ])('refuses %j before asking: exit 2', async (args, message) => {
    const { code, err } = await cli(['replay', ...args]);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(server.requests).toEqual([]);
  });

  it('a replay that does not match: exit 1, rule by rule, the broken chain', async () => {
    server.routes.set(
      '/applications/app-2/decision-replay',
      json({
        applicationId: 'app-2',
        outcome: 'approved',
        validOn: '2026-11-10',
        knownAt: '2026-11-10T02:00:00.000Z',
        matches: false,
        differences: {
          same: false,
          verdict: { changed: true, before: { verdict: 'approve' }, after: { verdict: 'deny' } },
          outcomes: [
            {
              change: 'changed',
              rule: 'end-user-listed',
              measureId: 'measure-57',
              lineId: 'line-1',
              before: { outcome: 'pass', reason: 'not listed' },
              after: { outcome: 'deny', reason: 'listed on 2026-10-09' },
            },
          ],
          measures: [
            {
              change: 'added',
              measureId: 'measure-70',
              before: null,
              after: { version: 2, status: 'in_force', applies: true },
            },
          ],
          otherFields: [{ path: '$.licenseRequired', recorded: false, replayed: true }],
        },
        integrity: { ok: false, application: chain('application-app-2', false), policy: [chain('measure-57')] },
        proofs: {
          status: 'unavailable',
          detail: 'No signed tree head is available.',
          treeHead: null,
          decisionEvent: null,
          policyEvents: [],
          notInTreeHead: [],
        },
      }),
    );
    const { code, out: text } = await cli(['replay', '--application', 'app-2']);
    expect(code).toBe(1);
    expect(text).toContain('Decision replay of application app-2: DOES NOT MATCH');
    expect(text).toContain('  verdict: approve → deny');
    expect(text).toContain(
      '  rule end-user-listed [measure-57, line-1], changed: pass (not listed) → deny (listed on 2026-10-09)',
    );
    expect(text).toContain('  measure measure-70, added: (none) → v2 in_force, applies');
    expect(text).toContain('  $.licenseRequired: false → true');
    expect(text).toContain(
      'Integrity: BROKEN in 1 of 2 stream(s):\n  application-app-2 at revision 1: prevHash is not the hash of revision 0',
    );
    expect(text).toContain('Proofs: unavailable: 0 event(s) proved included.');
    const asJson = await cli(['replay', '--application', 'app-2', '--json']);
    expect(asJson.code).toBe(1);
    expect(JSON.parse(asJson.out)).toMatchObject({ applicationId: 'app-2', matches: false });
  });

  it("reads an older service's answer (differences as JSON paths, no integrity or proofs)", async () => {
    server.routes.set(
      '/applications/app%2F3/decision-replay',
      json({
        applicationId: 'app/3',
        outcome: 'rejected',
        validOn: '2026-11-10',
        knownAt: '2026-11-10T02:00:00.000Z',
        matches: false,
        differences: [{ path: '$.verdict', recorded: 'deny', replayed: 'approve' }],
      }),
    );
    const { code, out: text } = await cli(['replay', '--application', 'app/3']);
    expect(code).toBe(1);
    expect(server.requests[0]?.url).toBe('/applications/app%2F3/decision-replay');
    expect(text).toContain('Differences:\n  $.verdict: deny → approve');
    expect(text).not.toContain('Integrity');
  });

  it('no recorded decision: the problem, exit 2', async () => {
    server.routes.set(
      '/applications/app-4/decision-replay',
      problem(
        404,
        'Not Found',
        'Application app-4 has no recorded decision to replay.',
        'application.no_decision_record',
      ),
    );
    const { code, err } = await cli(['replay', '--application', 'app-4']);
    expect(code).toBe(2);
    expect(err).toBe(
      'The service refused (404 application.no_decision_record): Not Found: Application app-4 has no recorded decision to replay.',
    );
  });
});

describe('audit what-if', () => {
  it('asks at the position given and prints the differences: exit 0', async () => {
    server.routes.set(
      '/applications/app-1/what-if',
      json({
        applicationId: 'app-1',
        outcome: 'approved',
        recorded: { validOn: '2026-11-10', knownAt: '2026-11-10T02:00:00.000Z', verdict: 'approve' },
        whatIf: { validOn: '2026-12-01', knownAt: '2026-12-01T00:00:00Z', verdict: 'deny' },
        changed: true,
        findings: ['Re-evaluated on the policy of 2026-12-01, the verdict changes from approve to deny.'],
        differences: {
          same: false,
          verdict: { changed: true, before: { verdict: 'approve' }, after: { verdict: 'deny' } },
          outcomes: [
            {
              change: 'removed',
              rule: 'quota',
              measureId: null,
              lineId: null,
              before: { outcome: 'pass', reason: 'within' },
              after: null,
            },
          ],
          measures: [],
          otherFields: [],
        },
        integrity: { ok: true, application: chain('application-app-1'), policy: [] },
      }),
    );
    const { code, out: text } = await cli([
      'what-if',
      '--application',
      'app-1',
      '--valid-on',
      '2026-12-01',
      '--known-at',
      '2026-12-01T00:00:00Z',
    ]);
    expect(code).toBe(0);
    expect(server.requests[0]?.url).toBe(
      '/applications/app-1/what-if?validOn=2026-12-01&knownAt=2026-12-01T00%3A00%3A00Z',
    );
    expect(text).toContain('What-if for application app-1 (approved): it would CHANGE');
    expect(text).toContain('  recorded  valid on 2026-11-10 as known at 2026-11-10T02:00:00.000Z: approve');
    expect(text).toContain('  what-if   valid on 2026-12-01 as known at 2026-12-01T00:00:00Z: deny');
    expect(text).toContain('  rule quota, removed: pass (within) → (none)');
    expect(text).toContain('Integrity: every hash chain holds');
  });

  it("asks an amendment request's what-if on its license, the request in the query", async () => {
    server.routes.set(
      '/licenses/L-1/what-if',
      json({
        licenseId: 'L-1',
        amendmentRequestId: 'amd-1',
        outcome: 'approved',
        recorded: { validOn: '2026-11-10', knownAt: '2026-11-10T02:00:00.000Z', verdict: 'license_required' },
        whatIf: { validOn: '2026-11-10', knownAt: '2025-03-01T00:00:00Z', verdict: 'not_controlled' },
        changed: true,
        findings: [],
        differences: same,
        integrity: { ok: true, license: chain('license-L-1'), policy: [] },
      }),
    );
    const { code, out: text } = await cli([
      'what-if',
      '--license',
      'L-1',
      '--amendment',
      'amd-1',
      '--known-at',
      '2025-03-01T00:00:00Z',
    ]);
    expect(code).toBe(0);
    expect(server.requests[0]?.url).toBe(
      '/licenses/L-1/what-if?amendmentRequestId=amd-1&knownAt=2025-03-01T00%3A00%3A00Z',
    );
    expect(text).toContain('What-if for amendment request amd-1 of license L-1 (approved): it would CHANGE');
  });

  it('refuses a date that is not YYYY-MM-DD before asking: exit 2', async () => {
    const { code, err } = await cli(['what-if', '--application', 'app-1', '--valid-on', '1/12/2026']);
    expect(code).toBe(2);
    expect(err).toMatch(/^--valid-on '1\/12\/2026' is not a date YYYY-MM-DD/);
    expect(server.requests).toEqual([]);
  });
});

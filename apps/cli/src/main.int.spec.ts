import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtCli, runBuiltCli } from './testing/built-cli';
import { exportTo, loggedHistory, tamperedCopy, type LoggedHistory } from './testing/logged-history';

let root: string;
let main: string;
let history: LoggedHistory;
let good: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'cli-main-'));
  main = builtCli();
  history = await loggedHistory(join(root, 'service'));
  good = await exportTo(history.dir, history.head, join(root, 'export.ndjson'));
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the built CLI (dist/apps/cli/apps/cli/src/main.js)', () => {
  it('prints its usage', () => {
    const run = runBuiltCli(main, ['audit', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: npm run cli -- audit <command> [options]');
  });

  it('verify: 0 for an untouched export, 1 naming the first bad leaf, 2 for a missing file; no bar off a terminal', async () => {
    const ok = runBuiltCli(main, ['audit', 'verify', '--export', good, '--public-key', history.publicKeyFile]);
    expect({ status: ok.status, stderr: ok.stderr }).toEqual({ status: 0, stderr: '' });
    expect(ok.stdout).toMatch(/^Verified 30 events against the tree head of size 30/);

    const copy = join(root, 'tampered');
    const tampering = tamperedCopy(history, copy, 'payload');
    const tampered = await exportTo(copy, history.head, join(copy, 'export.ndjson'));
    const bad = runBuiltCli(main, ['audit', 'verify', '--export', tampered, '--public-key', history.publicKeyFile]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain(`the first at leaf ${tampering.firstBadLeaf}.`);

    const missing = runBuiltCli(main, ['audit', 'verify', '--export', join(root, 'nope'), '--public-key', 'x.pem']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`--export ${join(root, 'nope')} does not exist: check the path.\n`);
  });

  it('a network command without a service: exit 2 with one line, no stack trace', () => {
    const run = runBuiltCli(main, ['audit', 'tree-head', '--out', join(root, 'head.json')], {
      LICENSING_URL: 'http://127.0.0.1:9',
      LICENSING_TOKEN: 'token',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^Could not reach the licensing service at http:\/\/127\.0\.0\.1:9 \(.+\)\. Is it running/,
    );
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli';
import { capturedIo } from '../testing/captured-io';
import { exportTo, loggedHistory, TAMPER_KINDS, tamperedCopy, type LoggedHistory } from '../testing/logged-history';

let root: string;
let history: LoggedHistory;
let good: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'cli-verify-'));
  history = await loggedHistory(join(root, 'service'));
  good = await exportTo(history.dir, history.head, join(root, 'export.ndjson'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function verify(...args: string[]) {
  const io = capturedIo();
  const code = await runCli(['audit', 'verify', ...args], {}, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

const file = (name: string, content: string) => {
  const path = join(root, name);
  writeFileSync(path, content);
  return path;
};

describe('audit verify', () => {
  it('verifies an untouched export: exit 0, the events, the head and the key', async () => {
    const { code, out, err } = await verify('--export', good, '--public-key', history.publicKeyFile);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toBe(
      `Verified 30 events against the tree head of size 30 signed at ${history.head.timestamp} (key ${history.head.keyId.slice(0, 16)}…).`,
    );
  });

  it('answers the report as JSON with --json', async () => {
    const { code, out } = await verify('--export', good, '--public-key', history.publicKeyFile, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      ok: true,
      checkedEvents: 30,
      treeSize: 30,
      firstProblem: null,
      treeHead: history.head,
      complete: true,
    });
  });

  it('checks that the export extends a tree head the auditor holds', async () => {
    const args = ['--export', good, '--public-key', history.publicKeyFile, '--tree-head', history.olderHeadFile];
    const { code, out } = await verify(...args);
    expect(code).toBe(0);
    expect(out).toContain(`It extends your tree head of size ${history.olderHead.treeSize}`);
  });

  it('verifies a filtered export by its audit paths, with the consistency proof from a held head', async () => {
    const filtered = await exportTo(history.dir, history.head, join(root, 'filtered.ndjson'), {
      filter: { streamPrefix: 'case-1' },
      sinceTreeSize: history.olderHead.treeSize,
    });
    const args = ['--export', filtered, '--public-key', history.publicKeyFile, '--tree-head', history.olderHeadFile];
    const { code, out } = await verify(...args);
    expect(code).toBe(0);
    expect(out).toContain('Verified 6 events (a filtered export: streamPrefix=case-1;');
  });

  it.each(TAMPER_KINDS)('finds %s tampering: exit 1, naming the first bad leaf', async (kind) => {
    const copy = join(root, `tampered-${kind}`);
    const tampering = tamperedCopy(history, copy, kind);
    const tampered = await exportTo(copy, history.head, join(copy, 'export.ndjson'));
    const { code, out, err } = await verify('--export', tampered, '--public-key', history.publicKeyFile);
    expect({ code, err }).toEqual({ code: 1, err: '' });
    expect(out).toMatch(
      new RegExp(`^NOT VERIFIED: \\d+ problem\\(s\\) in the export; the first at leaf ${tampering.firstBadLeaf}\\.`),
    );
    expect(out).toContain(`  leaf      ${tampering.firstBadLeaf}\n`);
    const json = await verify('--export', tampered, '--public-key', history.publicKeyFile, '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, firstProblem: { leafIndex: tampering.firstBadLeaf } });
  });

  it('names the event, its stream and revision where one was edited', async () => {
    const lines = readFileSync(good, 'utf8').split('\n');
    lines[8] = lines[8]!.replace('"amount":', '"amount":1000+');
    const event = JSON.parse(readFileSync(good, 'utf8').split('\n')[8]!).event;
    const edited = file('edited.ndjson', lines.join('\n').replace('"amount":1000+', '"amount":1000,"was":'));
    const { code, out } = await verify('--export', edited, '--public-key', history.publicKeyFile);
    expect(code).toBe(1);
    expect(out).toContain('the first at leaf 7.');
    expect(out).toContain('  kind      content_altered\n');
    expect(out).toContain(`  position  ${event.position}\n`);
    expect(out).toContain(`  event     ${event.id}\n`);
    expect(out).toContain(`  stream    ${event.streamId}@${event.revision}\n`);
  });

  describe('bad inputs', () => {
    it('a truncated export is not verified (exit 1): it says it was cut short and to export again', async () => {
      const lines = readFileSync(good, 'utf8').split('\n');
      const truncated = file('truncated.ndjson', lines.slice(0, 12).join('\n') + '\n');
      const { code, out } = await verify('--export', truncated, '--public-key', history.publicKeyFile);
      expect(code).toBe(1);
      expect(out).toMatch(/^NOT VERIFIED: 2 problem\(s\) in the export; the first at leaf 11\./);
      expect(out).toContain('the log ends after 11 events');
      expect(out).toContain('The file has no end line: it was cut short (in transit or on purpose). Export it again;');
      const cutMidLine = file('cut.ndjson', readFileSync(good, 'utf8').slice(0, 5000));
      const cut = await verify('--export', cutMidLine, '--public-key', history.publicKeyFile);
      expect(cut.code).toBe(1);
      expect(cut.out).toContain('The file has no end line: it was cut short');
    });

    it('an export with a line out of format is not verified (exit 1): it says where reading stopped', async () => {
      const lines = readFileSync(good, 'utf8').split('\n');
      lines[5] = '{"kind":"event","oops":true}';
      const damaged = file('damaged.ndjson', lines.join('\n'));
      const { code, out } = await verify('--export', damaged, '--public-key', history.publicKeyFile);
      expect(code).toBe(1);
      expect(out).toContain('the first at leaf 4.');
      expect(out).toContain('Verification stopped at a line that is not in the export format (damaged or edited)');
      expect(out).not.toContain('cut short');
      const appended = file('appended.ndjson', `${readFileSync(good, 'utf8')}{"kind":"end","events":0}\n`);
      const after = await verify('--export', appended, '--public-key', history.publicKeyFile);
      expect(after.code).toBe(1);
      expect(after.out).toContain('line 33 follows the end line');
      expect(after.out).toContain('Verification stopped at a line that is not in the export format');
    });

    it('an export signed by another key is not verified (exit 1): it names both keys', async () => {
      const other = await loggedHistory(join(root, 'other-service'), 2, 2);
      const { code, out } = await verify('--export', good, '--public-key', other.publicKeyFile);
      expect(code).toBe(1);
      expect(out).toContain('  kind      bad_tree_head');
      expect(out).toContain(
        `names key ${history.head.keyId.slice(0, 16)}…, yours is ${other.head.keyId.slice(0, 16)}…`,
      );
      // The auditor's own head and key disagreeing is a bad input, not a finding.
      const mixed = ['--export', good, '--public-key', other.publicKeyFile, '--tree-head', history.olderHeadFile];
      const refused = await verify(...mixed);
      expect(refused.code).toBe(2);
      expect(refused.err).toMatch(/^--tree-head .* does not verify with the key/);
    });

    it.each([
      [
        'a missing export',
        () => ['--export', join(root, 'nope.ndjson'), '--public-key', history.publicKeyFile],
        /--export .*nope\.ndjson does not exist: check the path\./,
      ],
      [
        'a missing key',
        () => ['--export', good, '--public-key', join(root, 'nope.pem')],
        /--public-key .*nope\.pem does not exist/,
      ],
      [
        'a key that is not a key',
        () => ['--export', good, '--public-key', file('not-a-key.pem', 'hello\n')],
        /is not a PEM public key: save the log's key with npm run cli -- audit public-key --out/,
      ],
      [
        'a key that is not Ed25519',
        () => [
          '--export',
          good,
          '--public-key',
          file(
            'ec.pem',
            generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({
              type: 'spki',
              format: 'pem',
            }) as string,
          ),
        ],
        /holds ec key; tree heads are signed with Ed25519/,
      ],
      [
        'an empty export',
        () => ['--export', file('empty.ndjson', ''), '--public-key', history.publicKeyFile],
        /is empty: export again/,
      ],
      [
        'a file that is no export',
        () => ['--export', file('other.json', '{"hello":"world"}\n'), '--public-key', history.publicKeyFile],
        /is not an audit export \(licensing-audit-export\/v1\)/,
      ],
      [
        'a tree head that is not JSON',
        () => ['--export', good, '--public-key', history.publicKeyFile, '--tree-head', file('head.txt', 'size 30')],
        /--tree-head .* is not JSON/,
      ],
      [
        'a tree head that is no tree head',
        () => [
          '--export',
          good,
          '--public-key',
          history.publicKeyFile,
          '--tree-head',
          file('head.json', '{"size":30}'),
        ],
        /does not hold a signed tree head/,
      ],
      [
        'no --export',
        () => ['--public-key', history.publicKeyFile],
        /^--export is required: the export file to verify\.\nRun npm run cli -- audit verify --help for the options\.$/,
      ],
      [
        'an unknown option',
        () => ['--export', good, '--public-key', history.publicKeyFile, '--fast'],
        /Unknown option '--fast'/,
      ],
    ])('%s: exit 2 with one clear line, no stack trace', async (_what, args, message) => {
      const { code, out, err } = await verify(...args());
      expect({ code, out }).toEqual({ code: 2, out: '' });
      expect(err).toMatch(message);
      expect(err).not.toContain('    at ');
    });

    it('an export older than the head the auditor holds: exit 2, export again', async () => {
      const older = await exportTo(history.dir, history.olderHead, join(root, 'older.ndjson'));
      const tree = file('newer-head.json', JSON.stringify(history.head));
      const { code, err } = await verify('--export', older, '--public-key', history.publicKeyFile, '--tree-head', tree);
      expect(code).toBe(2);
      expect(err).toMatch(/^The export \(tree size 15\) is older than your --tree-head \(size 30\): export again/);
    });
  });
});

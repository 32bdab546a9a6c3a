import { ExportHeader, keyIdOf, verifyExport, type SignedTreeHead, type VerificationReport } from '@licensing/audit';
import type { KeyObject } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { z } from 'zod';
import { CliFailure, EXIT } from '../cli-failure';
import { requireInputFile } from '../files';
import { printJson, progressBar, shortHex, type CliIo } from '../output';
import { JSON_OPTION, parseOptions, required, type AuditCommand } from './command-options';
import { loadPublicKey, loadTrustedHead } from './trust-anchors';

const COMMAND = 'audit verify';

const USAGE = `Usage: npm run cli -- audit verify --export <file> --public-key <key.pem> [--tree-head <head.json>] [--json]

Verifies an audit export offline, from the file and the key alone: it never
touches the network. Every event is hashed again, every stream's chain and
every leaf checked, and the roots recomputed up to the export's signed tree
head (a filtered export: each event's audit path to it).

  --export <file>      the NDJSON export (npm run cli -- audit export --out <file>)
  --public-key <file>  the log's Ed25519 public key, PEM (audit public-key --out <file>);
                       compare its key id with one you got out of band
  --tree-head <file>   a signed tree head you already hold (audit tree-head --out <file>):
                       the export must extend it (a complete export, or one made
                       with --since-tree-size <its size>)
  --json               print the verification report as JSON
  --help               this text

Exit codes: 0 verified; 1 NOT verified: an event altered, missing, reordered or
rewritten, a head not signed by your key, or an export cut short (the report names
the first bad leaf); 2 cannot verify: a file missing, a key that is not an Ed25519
public key, a file that is no export, a --tree-head not signed by your key or newer
than the export.`;

type Header = z.infer<typeof ExportHeader>;

const END_LINE = /^\{\s*"kind"\s*:\s*"end"/;

/** How the reading ended: at the end line, at the end of a file with no end line, or stopped at a line out of format. */
type Reading = 'whole' | 'cut_short' | 'stopped';

export const verifyCommand: AuditCommand = {
  name: 'verify',
  summary: 'verify an export offline against the public key (and a tree head you hold)',
  usage: USAGE,
  async run(argv, { io }) {
    const values = parseOptions(COMMAND, argv, {
      export: { type: 'string' },
      'public-key': { type: 'string' },
      'tree-head': { type: 'string' },
      ...JSON_OPTION,
    });
    const file = requireInputFile(required(values.export, 'export', COMMAND, 'the export file to verify'), '--export');
    const publicKey = loadPublicKey(
      required(values['public-key'], 'public-key', COMMAND, "the log's public key (PEM)"),
    );
    const trusted = values['tree-head'] === undefined ? undefined : loadTrustedHead(values['tree-head'], publicKey);
    const { header, report, reading } = await verifyFile(file, publicKey, trusted, io);
    if (values.json)
      printJson(io, {
        file,
        ...report,
        cutShort: reading === 'cut_short',
        treeHead: header.treeHead,
        complete: header.complete,
        filter: header.filter,
      });
    else io.out(describe(report, header, publicKey, trusted, reading).join('\n'));
    return report.ok ? EXIT.ok : EXIT.failed;
  },
};

/** Streams the file line by line (flat memory), with a progress bar on a terminal. */
async function verifyFile(
  file: string,
  publicKey: KeyObject,
  trusted: SignedTreeHead | undefined,
  io: CliIo,
): Promise<{ header: Header; report: VerificationReport; reading: Reading }> {
  const input = createReadStream(file, { encoding: 'utf8' });
  const reader = createInterface({ input, crlfDelay: Infinity });
  const lines = reader[Symbol.asyncIterator]();
  try {
    const first = await lines.next();
    const header = headerOf(first.done ? undefined : first.value, file);
    if (trusted && trusted.treeSize > header.treeHead.treeSize)
      throw new CliFailure(
        `The export (tree size ${header.treeHead.treeSize}) is older than your --tree-head (size ${trusted.treeSize}): export again (npm run cli -- audit export --out <file>).`,
      );
    const bar = progressBar(io, 'Verifying', header.treeHead.treeSize);
    let read = 0;
    let sawEnd = false;
    let drained = false;
    async function* all(): AsyncGenerator<string> {
      yield first.value as string;
      for (let next = await lines.next(); !next.done; next = await lines.next()) {
        if (++read % 1024 === 0) bar.update(read);
        if (END_LINE.test(next.value)) sawEnd = true;
        yield next.value;
      }
      drained = true;
    }
    try {
      const report = await verifyExport(all(), {
        publicKey,
        ...(trusted ? { trustedHead: trusted } : {}),
        onProgress: (events) => bar.update(events),
      });
      // The verifier stops at the first line out of format; the file's end tells a cut from an edit.
      const atEnd = drained || (await lines.next()).done === true;
      const cutShort = atEnd && !sawEnd;
      return { header, report, reading: cutShort ? 'cut_short' : drained ? 'whole' : 'stopped' };
    } finally {
      bar.stop();
    }
  } catch (error) {
    // A file system error (EACCES, EISDIR, EIO…) is the input's problem; anything else is a bug.
    if (typeof (error as { code?: unknown }).code === 'string')
      throw new CliFailure(`Could not read --export ${file}: ${(error as Error).message}`);
    throw error;
  } finally {
    reader.close();
    input.destroy();
  }
}

function headerOf(line: string | undefined, file: string): Header {
  if (line === undefined || line.trim() === '')
    throw new CliFailure(`--export ${file} is empty: export again with npm run cli -- audit export --out ${file}.`);
  let json: unknown;
  try {
    json = JSON.parse(line) as unknown;
  } catch {
    json = undefined;
  }
  const header = ExportHeader.safeParse(json);
  if (!header.success)
    throw new CliFailure(
      `--export ${file} is not an audit export (licensing-audit-export/v1): its first line is not an export header. Make one with npm run cli -- audit export --out <file>.`,
    );
  return header.data;
}

function describe(
  report: VerificationReport,
  header: Header,
  publicKey: KeyObject,
  trusted: SignedTreeHead | undefined,
  reading: Reading,
): string[] {
  const head = header.treeHead;
  const keyId = keyIdOf(publicKey);
  const filter = Object.entries(header.filter)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}=${value}`);
  const what = header.complete ? '' : ` (a filtered export: ${filter.join(', ')}; each event proved by its audit path)`;
  if (report.ok)
    return [
      `Verified ${report.checkedEvents} events${what} against the tree head of size ${head.treeSize} signed at ${head.timestamp} (key ${shortHex(keyId)}).`,
      ...(trusted ? [`It extends your tree head of size ${trusted.treeSize} signed at ${trusted.timestamp}.`] : []),
    ];
  const first = report.firstProblem;
  const lines = [
    `NOT VERIFIED: ${report.problems} problem(s) in the export${first ? `; the first at leaf ${first.leafIndex}` : ''}.`,
  ];
  if (first) {
    const at = first.streamId === undefined ? '–' : `${first.streamId}@${first.revision ?? '?'}`;
    lines.push(
      `  kind      ${first.kind}`,
      `  leaf      ${first.leafIndex}`,
      `  position  ${first.position ?? '–'}`,
      `  event     ${first.eventId ?? '–'}`,
      `  stream    ${at}`,
      `  message   ${first.message}`,
    );
    const fileShape = first.kind === 'missing' || first.kind === 'malformed' ? HINTS[reading] : undefined;
    const hint = hintFor(first.kind, first.message, head.keyId, keyId) ?? fileShape;
    if (hint) lines.push(hint);
  }
  return lines;
}

const HINTS: Partial<Record<Reading, string>> = {
  cut_short:
    'The file has no end line: it was cut short (in transit or on purpose). Export it again; if a fresh export fails the same way, the log itself is at fault.',
  stopped:
    'Verification stopped at a line that is not in the export format (damaged or edited): export it again; if a fresh export fails the same way, the log itself is at fault.',
};

function hintFor(kind: string, message: string, exportKeyId: string, yourKeyId: string): string | null {
  if (kind === 'bad_tree_head' && message.includes('another key'))
    return `The export's head names key ${shortHex(exportKeyId)}, yours is ${shortHex(yourKeyId)}: if you hold the wrong key, save the log's key (audit public-key) and compare its id out of band; otherwise this export was not signed by the log you trust.`;
  if (kind === 'inconsistent_heads' && message.includes('sinceTreeSize'))
    return 'Export again with --since-tree-size <the size of your tree head> so the export carries the consistency proof.';
  return null;
}

import { ExportEnd, ExportHeader, type SignedTreeHead } from '@licensing/audit';
import { createWriteStream } from 'node:fs';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import type { z } from 'zod';
import { CliFailure, EXIT } from '../cli-failure';
import { commitPartial, discardPartial, partialOf, requireOutputFile } from '../files';
import { printJson, progressBar, shortHex, type CliIo, type Progress } from '../output';
import { get, networkReason } from '../service-client';
import {
  instant,
  parseOptions,
  required,
  SERVICE_OPTIONS,
  SERVICE_USAGE,
  serviceTarget,
  wholeNumber,
  type AuditCommand,
} from './command-options';

const COMMAND = 'audit export';

const USAGE = `Usage: npm run cli -- audit export --out <file> [--stream-prefix <p>] [--from <iso>] [--to <iso>]
                                    [--tree-size <n>] [--since-tree-size <n>] [--url <url>] [--token <jwt>] [--json]

Downloads an export of the log (NDJSON, licensing-audit-export/v1) made at a
signed tree head, for audit verify. It is written to <file>.partial and renamed
to <file> only once whole, so a failed export leaves nothing half-written.

  --out <file>              where to save the export
  --stream-prefix <p>       only streams whose id starts with p, e.g. application-
  --from <iso>              only events recorded at or after this instant (UTC)
  --to <iso>                only events recorded before this instant (UTC)
                            (any filter makes a filtered export: each event carries its audit path)
  --tree-size <n>           export at the head signed at this size (default: the current head)
  --since-tree-size <n>     the size of a head you hold: the export proves it extends that head
${SERVICE_USAGE}

Exit codes: 0 saved; 2 not saved: bad options, the service unreachable or refusing
(its problem details are printed), or the download cut short.`;

type Header = z.infer<typeof ExportHeader>;

export const exportCommand: AuditCommand = {
  name: 'export',
  summary: 'download an export of the log (NDJSON) made at a signed tree head',
  usage: USAGE,
  async run(argv, { io, env }) {
    const values = parseOptions(COMMAND, argv, {
      out: { type: 'string' },
      'stream-prefix': { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'tree-size': { type: 'string' },
      'since-tree-size': { type: 'string' },
      ...SERVICE_OPTIONS,
    });
    const out = requireOutputFile(required(values.out, 'out', COMMAND, 'the file to save the export to'));
    const query = {
      streamPrefix: values['stream-prefix'],
      recordedFrom: instant(values.from, 'from', COMMAND),
      recordedTo: instant(values.to, 'to', COMMAND),
      treeSize: wholeNumber(values['tree-size'], 'tree-size', COMMAND),
      sinceTreeSize: wholeNumber(values['since-tree-size'], 'since-tree-size', COMMAND),
    };
    const target = serviceTarget(values, env, COMMAND);
    const response = await get(target, '/audit/export', query, 'application/x-ndjson');
    const tally = new ExportTally(io);
    try {
      const body = response.body ? Readable.fromWeb(response.body) : Readable.from([]);
      await pipeline(body, tally, createWriteStream(partialOf(out)));
      tally.stopProgress();
      const { header, events } = tally.whole();
      commitPartial(out);
      if (values.json)
        printJson(io, {
          file: out,
          events,
          treeHead: header.treeHead,
          complete: header.complete,
          filter: header.filter,
        });
      else io.out(describe(out, events, header).join('\n'));
      return EXIT.ok;
    } catch (error) {
      discardPartial(out);
      if (error instanceof CliFailure) throw error;
      throw new CliFailure(
        `The export broke off after ${tally.events} events (${networkReason(error)}): nothing was saved; run it again.`,
      );
    } finally {
      tally.stopProgress();
    }
  },
};

function describe(file: string, events: number, header: Header): string[] {
  const head: SignedTreeHead = header.treeHead;
  return [
    `Exported ${events} events to ${file}${header.complete ? '' : ' (filtered)'}, at the tree head of size ${head.treeSize} signed at ${head.timestamp} (root ${shortHex(head.rootHash)}, key ${shortHex(head.keyId)}).`,
    `Verify it offline: npm run cli -- audit verify --export ${file} --public-key <key.pem>`,
  ];
}

const EVENT_LINE = /^\{"kind":"event","leafIndex":(\d+),/;
const END_LINE = /^\{"kind":"end"/;

/**
 * Passes the bytes through untouched while it reads the lines as they go by:
 * the header (the tree size, for the progress bar), each event's leaf index,
 * and the end line, without which the download was cut short.
 */
class ExportTally extends Transform {
  header: Header | null = null;
  events = 0;
  private endCount: number | null = null;
  private rest = '';
  private readonly decoder = new StringDecoder('utf8');
  private progress: Progress | null = null;

  constructor(private readonly io: CliIo) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      this.scan(this.decoder.write(chunk));
      done(null, chunk);
    } catch (error) {
      done(error as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      this.scan(`${this.decoder.end()}\n`);
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  /** The header and the event count, once the end line confirmed them. */
  whole(): { header: Header; events: number } {
    if (!this.header) throw new CliFailure('The service answered an empty export: nothing was saved; run it again.');
    if (this.endCount === null)
      throw new CliFailure(
        `The export was cut short after ${this.events} events (no end line): nothing was saved; run it again.`,
      );
    if (this.endCount !== this.events)
      throw new CliFailure(
        `The export's end line counts ${this.endCount} events but ${this.events} arrived: nothing was saved; run it again.`,
      );
    return { header: this.header, events: this.events };
  }

  stopProgress(): void {
    this.progress?.stop();
  }

  private scan(text: string): void {
    const lines = (this.rest + text).split('\n');
    this.rest = lines.pop() ?? '';
    for (const line of lines) if (line.trim() !== '') this.line(line);
  }

  private line(line: string): void {
    if (!this.header) {
      this.header = headerOf(line);
      this.progress = progressBar(this.io, 'Exporting', this.header.treeHead.treeSize);
      return;
    }
    const event = EVENT_LINE.exec(line);
    if (event) return this.eventLine(Number(event[1]));
    if (END_LINE.test(line)) return this.endLine(line);
    // Not in the compact form the service writes: read it the slow way.
    const parsed = parseJson(line) as { kind?: unknown; leafIndex?: unknown } | undefined;
    if (parsed?.kind === 'event') return this.eventLine(Number(parsed.leafIndex));
    if (parsed?.kind === 'end') return this.endLine(line);
  }

  private eventLine(leafIndex: number): void {
    this.events += 1;
    if (this.events % 256 === 0) this.progress?.update(leafIndex + 1);
  }

  private endLine(line: string): void {
    const end = ExportEnd.safeParse(parseJson(line));
    if (!end.success)
      throw new CliFailure('The export ends with a malformed end line: nothing was saved; run it again.');
    this.endCount = end.data.events;
    this.progress?.update(this.header?.treeHead.treeSize ?? 0);
  }
}

function headerOf(line: string): Header {
  const header = ExportHeader.safeParse(parseJson(line));
  if (!header.success)
    throw new CliFailure(
      'The service did not answer an audit export (its first line is not an export header): check --url points at the licensing service.',
    );
  return header.data;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

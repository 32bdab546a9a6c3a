import { fromHex, verifyConsistency, verifyInclusion } from '@licensing/verifiable-log';
import type { KeyObject } from 'node:crypto';
import { digestEvent } from '../event-leaf';
import type { SignedTreeHead } from '../log-proofs';
import { verifyTreeHead } from '../tree-head';
import type { Finding, VerificationReport } from '../verification/findings';
import { LogChecker } from '../verification/log-checker';
import { ExportHeader, ExportLine, fromExportedEnvelope } from './export-format';

export interface OfflineVerifyOptions {
  /** The key the auditor trusts (never the one the export names). */
  readonly publicKey: KeyObject;
  /** A head the auditor obtained on their own: the export must extend it. */
  readonly trustedHead?: SignedTreeHead;
  readonly onProgress?: (eventsRead: number, treeSize: number) => void;
}

type Failed = Pick<Finding, 'kind' | 'message'> & Partial<Finding>;

/**
 * The offline verifier: everything from the export, the public key and
 * (optionally) a head the auditor holds; nothing from the server. Strict: a
 * line that does not parse, a head whose signature fails, a proof that does
 * not verify, a leaf out of order, or a missing `end` line fails the export.
 */
export async function verifyExport(
  lines: AsyncIterable<string>,
  options: OfflineVerifyOptions,
): Promise<VerificationReport> {
  const failed = (problem: Failed): VerificationReport => ({
    ok: false,
    checkedEvents: 0,
    checkedTreeHeads: 0,
    treeSize: 0,
    problems: 1,
    firstProblem: { leafIndex: 0, ...problem },
    summary: problem.message,
  });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  const header = ExportHeader.safeParse(first.done ? undefined : safeJson(first.value));
  if (!header.success) return failed({ kind: 'malformed', message: 'line 1 is not an export header' });
  const head = header.data.treeHead;
  const headCheck = verifyTreeHead(head, options.publicKey);
  if (!headCheck.ok) return failed({ kind: 'bad_tree_head', message: `the export's tree head: ${headCheck.message}` });
  const trusted = options.trustedHead;
  if (trusted) {
    const check = verifyTreeHead(trusted, options.publicKey);
    if (!check.ok) return failed({ kind: 'bad_tree_head', message: `the trusted tree head: ${check.message}` });
    if (trusted.treeSize > head.treeSize)
      return failed({
        kind: 'inconsistent_heads',
        message: `the export (size ${head.treeSize}) is older than the trusted head (size ${trusted.treeSize}); export again`,
      });
  }
  const run = new ExportRun(head, trusted, header.data.complete);
  let lineNumber = 1;
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    lineNumber += 1;
    if (next.value.trim() === '') continue;
    const parsed = ExportLine.safeParse(safeJson(next.value));
    if (!parsed.success) {
      run.malformed(`line ${lineNumber} is not an export line: ${parsed.error.issues[0]?.message ?? ''}`);
      break;
    }
    if (!run.accept(parsed.data, lineNumber)) break;
    if (run.eventsRead % 50_000 === 0) options.onProgress?.(run.eventsRead, head.treeSize);
  }
  options.onProgress?.(run.eventsRead, head.treeSize);
  return run.finish();
}

/** The state of one pass over an export. */
class ExportRun {
  readonly checker: LogChecker;
  eventsRead = 0;
  private nextIndex = 0;
  private ended = false;
  private consistencyChecked = false;
  private problem: Finding | null = null;

  constructor(
    private readonly head: SignedTreeHead,
    private readonly trusted: SignedTreeHead | undefined,
    private readonly complete: boolean,
  ) {
    // A complete export recomputes every root, so it checks the trusted head directly.
    // A filtered export proves each event by its audit path instead.
    this.checker = new LogChecker(complete ? [head, ...(trusted ? [trusted] : [])] : []);
  }

  malformed(message: string): void {
    this.fail({ kind: 'malformed', leafIndex: this.nextIndex, message });
  }

  /** false: stop reading. */
  accept(line: ExportLine, lineNumber: number): boolean {
    if (this.ended) return this.stop(`line ${lineNumber} follows the end line`);
    switch (line.kind) {
      case 'header':
        return this.stop(`line ${lineNumber} is a second header`);
      case 'end':
        this.ended = true;
        if (line.events !== this.eventsRead)
          return this.stop(`the end line counts ${line.events} events; the export holds ${this.eventsRead}`);
        return true;
      case 'consistency':
        return this.acceptConsistency(line);
      case 'event':
        return this.acceptEvent(line);
    }
  }

  finish(): VerificationReport {
    if (!this.ended && !this.problem) this.malformed('the export has no end line: it was cut short');
    if (this.trusted && !this.complete && !this.consistencyChecked && !this.problem && this.trusted.treeSize > 0)
      this.fail({
        kind: 'inconsistent_heads',
        leafIndex: 0,
        message: `no consistency proof from the trusted head (size ${this.trusted.treeSize}); export with sinceTreeSize`,
      });
    const report = this.checker.finish(this.eventsRead);
    if (!this.problem) return report;
    const first =
      report.firstProblem && report.firstProblem.leafIndex <= this.problem.leafIndex
        ? report.firstProblem
        : this.problem;
    return { ...report, ok: false, problems: report.problems + 1, firstProblem: first, summary: first.message };
  }

  private acceptConsistency(line: Extract<ExportLine, { kind: 'consistency' }>): boolean {
    const trusted = this.trusted;
    if (!trusted || line.fromSize !== trusted.treeSize) return true; // a proof for someone else's head
    const result = verifyConsistency({
      oldSize: trusted.treeSize,
      newSize: this.head.treeSize,
      proof: line.proof.map(fromHex),
      oldRoot: fromHex(trusted.rootHash),
      newRoot: fromHex(this.head.rootHash),
    });
    this.consistencyChecked = true;
    if (result.ok) return true;
    this.fail({
      kind: 'inconsistent_heads',
      leafIndex: trusted.treeSize,
      message: `the export's head does not extend the trusted head (a forked log): ${result.message}`,
    });
    return false;
  }

  private acceptEvent(line: Extract<ExportLine, { kind: 'event' }>): boolean {
    const event = fromExportedEnvelope(line.event);
    if (
      line.leafIndex < this.nextIndex ||
      line.leafIndex >= this.head.treeSize ||
      (this.complete && line.leafIndex !== this.nextIndex)
    )
      return this.stop(`leaf ${line.leafIndex} is out of order or outside the tree (expected ${this.nextIndex})`);
    this.eventsRead += 1;
    this.nextIndex = line.leafIndex + 1;
    if (this.complete) {
      this.checker.check(event, { hash: fromHex(line.leafHash) }, event.position);
      return true;
    }
    const digest = digestEvent(event);
    const at = {
      leafIndex: line.leafIndex,
      position: line.event.position,
      eventId: event.id,
      streamId: event.streamId,
      revision: Number(event.revision),
    };
    if (digest.contentHash !== event.integrity.hash) {
      this.fail({ kind: 'content_altered', ...at, message: 'the event does not hash to its integrity.hash' });
      return true;
    }
    const leafHash = digest.leaf;
    const included = verifyInclusion({
      leafHash,
      index: line.leafIndex,
      treeSize: this.head.treeSize,
      proof: (line.auditPath ?? []).map(fromHex),
      root: fromHex(this.head.rootHash),
    });
    if (!included.ok)
      this.fail({
        kind: 'leaf_mismatch',
        ...at,
        message: `the event is not the one the signed head holds at leaf ${line.leafIndex}: ${included.message}`,
      });
    return true;
  }

  private stop(message: string): boolean {
    this.malformed(message);
    return false;
  }

  private fail(finding: Finding): void {
    if (!this.problem) this.problem = finding;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

import type { EventStore } from '@licensing/event-store';
import type { KeyObject } from 'node:crypto';
import type { SignedTreeHead } from '../log-proofs';
import type { MerkleLogStore } from '../merkle-log/merkle-log-store';
import { verifyTreeHead } from '../tree-head';
import type { VerificationReport } from './findings';
import { LogChecker, type RecordedLeaf } from './log-checker';
import { yieldToEventLoop } from '../yield-to-event-loop';

export interface VerifyProgress {
  readonly checkedEvents: number;
  /** Leaves the log has recorded: the work expected. */
  readonly recordedLeaves: number;
}

export interface VerifyStoreOptions {
  readonly batchSize?: number;
  /** Called every `progressEvery` events and at the end. */
  readonly onProgress?: (progress: VerifyProgress) => void | Promise<void>;
  readonly progressEvery?: number;
}

/**
 * Online verification: reads the whole store as stored (raw) in `$all`
 * order next to the leaves the audit log recorded, and holds both to every
 * signed tree head kept (each head's signature checked first). Streaming:
 * memory stays flat however long the log.
 */
export async function verifyStore(
  store: EventStore,
  tree: MerkleLogStore,
  publicKey: KeyObject,
  options: VerifyStoreOptions = {},
): Promise<VerificationReport> {
  const heads = tree.treeHeads(Number.MAX_SAFE_INTEGER);
  const badHead = heads.find((head) => !verifyTreeHead(head, publicKey).ok);
  const checker = new LogChecker(heads.filter((head) => head !== badHead));
  if (badHead) {
    const reason = verifyTreeHead(badHead, publicKey);
    return badHeadReport(badHead, reason.ok ? '' : reason.message, checker);
  }
  const leaves = tree.leavesFrom(0);
  const batchSize = options.batchSize ?? 2_000;
  const every = options.progressEvery ?? 50_000;
  let checked = 0;
  let fromPosition = 0n;
  // The stored text when the store can give it: hashed as it is, parsed only where it does not verify.
  const readText = store.readAllText?.bind(store);
  for (;;) {
    const batch = readText
      ? await readText({ fromPosition, maxCount: batchSize })
      : await store.readAll({ fromPosition, maxCount: batchSize, raw: true });
    for (const event of batch) {
      const next = leaves.next();
      const recorded: RecordedLeaf | null = next.done
        ? null
        : { hash: next.value.hash, eventId: next.value.eventId, position: next.value.position };
      if ('dataJson' in event) checker.checkText(event, recorded);
      else checker.check(event, recorded, event.position);
      checked += 1;
      if (checked % every === 0) await options.onProgress?.({ checkedEvents: checked, recordedLeaves: tree.size });
    }
    if (batch.length < batchSize) break;
    fromPosition = (batch.at(-1)?.position ?? 0n) + 1n;
    await yieldToEventLoop();
  }
  // Leaves the log recorded beyond the store's last event: the tail was cut.
  for (let next = leaves.next(); !next.done; next = leaves.next()) {
    checker.check(null, { hash: next.value.hash, eventId: next.value.eventId, position: next.value.position });
  }
  await options.onProgress?.({ checkedEvents: checked, recordedLeaves: tree.size });
  return checker.finish(checked);
}

function badHeadReport(head: SignedTreeHead, message: string, checker: LogChecker): VerificationReport {
  const report = checker.finish(0);
  const firstProblem = {
    kind: 'bad_tree_head' as const,
    leafIndex: head.treeSize,
    message: `the tree head of size ${head.treeSize} signed at ${head.timestamp}: ${message}`,
  };
  return { ...report, ok: false, problems: 1, firstProblem, summary: firstProblem.message };
}

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
  for (const head of heads) {
    const check = verifyTreeHead(head, publicKey);
    if (!check.ok) return badHeadReport(head, check.message);
  }
  const checker = new LogChecker(heads);
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

/** A head whose signature fails vouches for nothing: nothing else is worth checking against it. */
function badHeadReport(head: SignedTreeHead, message: string): VerificationReport {
  const firstProblem = {
    kind: 'bad_tree_head' as const,
    leafIndex: head.treeSize,
    message: `the tree head of size ${head.treeSize} signed at ${head.timestamp}: ${message}`,
  };
  return {
    ok: false,
    checkedEvents: 0,
    checkedTreeHeads: 0,
    treeSize: head.treeSize,
    firstProblem,
    problems: 1,
    summary: firstProblem.message,
  };
}

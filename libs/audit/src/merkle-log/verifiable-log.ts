import type { EventStore } from '@licensing/event-store';
import { toHex } from '@licensing/verifiable-log';
import type { EventInclusion, LogProofs, SignedTreeHead } from '../log-proofs';
import { signTreeHead } from '../tree-head';
import { MerkleLogFollower } from './merkle-log-follower';
import type { MerkleLogStore } from './merkle-log-store';
import type { TreeHeadKeys } from './signing-key';
import type { TreeFollower } from './tree-follower';

export interface VerifiableLogOptions {
  readonly now: () => string;
  /** Sign a head this often when the log has grown; 0: only on demand. */
  readonly signEveryMs: number;
  readonly log?: (message: string) => void;
  /** Who keeps the tree level with `$all`; default a MerkleLogFollower in this thread. */
  readonly follower?: TreeFollower;
}

/**
 * The verifiable log as the service runs it: the tree following `$all`,
 * tree heads signed on a schedule (when the log grew) and on demand, kept
 * as a history, and the proofs the API answers with.
 */
export class VerifiableLog implements LogProofs {
  readonly follower: TreeFollower;
  private timer: NodeJS.Timeout | null = null;
  private signing: Promise<unknown> = Promise.resolve();

  constructor(
    store: EventStore,
    readonly tree: MerkleLogStore,
    readonly keys: TreeHeadKeys,
    private readonly options: VerifiableLogOptions,
  ) {
    this.follower = options.follower ?? new MerkleLogFollower(store, tree, options.log);
  }

  /** Appends every event committed before the call to the tree; resolves with its size. */
  async catchUp(): Promise<number> {
    await this.follower.catchUp();
    this.tree.reload();
    return this.tree.size;
  }

  async start(): Promise<void> {
    await this.follower.start();
    this.tree.reload();
    await this.signIfGrown();
    if (this.options.signEveryMs > 0) {
      this.timer = setInterval(() => {
        this.signIfGrown().catch((error: unknown) => this.options.log?.(`tree head not signed: ${String(error)}`));
      }, this.options.signEveryMs);
      this.timer.unref();
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.signing.catch(() => undefined);
    await this.follower.stop();
  }

  /** Catches up with `$all` and signs a head over everything committed, even if the size is unchanged (a fresh timestamp). */
  async signNow(): Promise<SignedTreeHead> {
    return this.serialised(async () => {
      await this.catchUp();
      return this.sign();
    });
  }

  async signIfGrown(): Promise<SignedTreeHead | null> {
    return this.serialised(async () => {
      await this.catchUp();
      return this.tree.latestTreeHead()?.treeSize === this.tree.size ? null : this.sign();
    });
  }

  async currentTreeHead(): Promise<SignedTreeHead | null> {
    return this.serialised(async () => {
      await this.catchUp();
      const latest = this.tree.latestTreeHead();
      if (latest?.treeSize === this.tree.size) return latest;
      return this.tree.size === 0 ? latest : this.sign();
    });
  }

  inclusionOfEvent(eventId: string, treeSize: number): EventInclusion | null {
    const leaf = this.tree.leafOfEvent(eventId);
    if (!leaf || leaf.leafIndex >= treeSize || treeSize > this.tree.size) return null;
    return {
      eventId: leaf.eventId,
      streamId: leaf.streamId,
      revision: Number(leaf.revision),
      position: leaf.position.toString(),
      leafIndex: leaf.leafIndex,
      treeSize,
      leafHash: toHex(leaf.hash),
      auditPath: this.tree.inclusionProof(leaf.leafIndex, treeSize).map(toHex),
    };
  }

  private sign(): SignedTreeHead {
    const head = signTreeHead(this.keys.privateKey, {
      treeSize: this.tree.size,
      rootHash: toHex(this.tree.root()),
      timestamp: this.options.now(),
    });
    this.tree.saveTreeHead(head);
    return head;
  }

  // One signer at a time: the schedule and a request never sign the same size twice at once.
  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const next = this.signing.catch(() => undefined).then(work);
    this.signing = next;
    return next;
  }
}

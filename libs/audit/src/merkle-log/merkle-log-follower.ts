import { type EventStore, readAllAsStored, type RecordedEvent, type Subscription } from '@licensing/event-store';
import { RESTART_BACKOFF, RestartBackoff } from '@licensing/platform';
import type { MerkleLogStore } from './merkle-log-store';
import type { TreeFollower } from './tree-follower';

const BATCH = 512;

/**
 * Keeps the Merkle tree level with `$all`: a raw subscription (leaves hash
 * the stored bytes) from the tree's last position, appending leaves in
 * batches, one transaction each. The tree is its own checkpoint, so a crash
 * resumes exactly where the file ends. `catchUp()` pulls whatever is
 * committed right now, for an answer that must include the newest events;
 * both paths may run at once because the tree skips positions it holds.
 *
 * A failure (the store, a full disk) drops the subscription and everything
 * buffered, and starts over from the tree's last leaf after a backoff: a
 * leaf is never skipped, because positions may have gaps and only
 * re-reading from the last leaf proves none was missed.
 */
export class MerkleLogFollower implements TreeFollower {
  private subscription: Subscription | null = null;
  private pending: RecordedEvent[] = [];
  private flushScheduled = false;
  private lastError: string | null = null;
  private retry: NodeJS.Timeout | null = null;
  private stopped = true;
  /** Bumped on every (re)subscription and failure; events of an older one are ignored. */
  private generation = 0;
  private readonly backoff = new RestartBackoff(RESTART_BACKOFF);

  constructor(
    private readonly store: EventStore,
    private readonly tree: MerkleLogStore,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  /** Appends everything committed so far, then follows new commits. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.catchUp();
    this.subscribe();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    await this.dropSubscription();
    this.flush();
  }

  /** Why following stopped last, until it makes progress again (health reports it). */
  get error(): string | null {
    return this.lastError;
  }

  /** Appends every event committed before the call; resolves with the tree size. */
  async catchUp(): Promise<number> {
    this.flush();
    for (;;) {
      const last = this.tree.lastPosition;
      const fromPosition = last === null ? 0n : last + 1n;
      // A leaf hashes the stored bytes, so nothing need be parsed where the store gives its text.
      const batch = await readAllAsStored(this.store, { fromPosition, maxCount: BATCH * 4 });
      if (batch.length === 0) return this.tree.size;
      this.tree.append(batch);
    }
  }

  private subscribe(): void {
    const from = this.tree.lastPosition;
    const generation = ++this.generation;
    this.subscription = this.store.subscribeToAll(
      { fromPosition: from ?? 'start', raw: true, onError: (error) => this.fail(error) },
      // A subscription dropped after a failure may still deliver: its events would leave a gap.
      (event) => (generation === this.generation ? this.receive(event) : undefined),
    );
  }

  private receive(event: RecordedEvent): void {
    this.pending.push(event);
    if (this.pending.length >= BATCH) this.flush();
    else if (!this.flushScheduled) {
      this.flushScheduled = true;
      // After the subscription's current batch: one transaction for many events.
      setImmediate(() => this.flush());
    }
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    try {
      this.tree.append(batch);
      this.lastError = null;
      this.backoff.reset();
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    this.lastError = error instanceof Error ? error.message : String(error);
    this.generation += 1;
    this.pending = [];
    if (this.stopped || this.retry) return;
    const delay = this.backoff.nextDelayMs();
    this.log(`verifiable log: following $all failed (${this.lastError}); starting over in ${delay} ms`);
    void this.dropSubscription();
    this.retry = setTimeout(() => {
      this.retry = null;
      if (this.stopped) return;
      this.start().catch((again: unknown) => this.fail(again));
    }, delay);
  }

  private async dropSubscription(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.stop();
  }
}

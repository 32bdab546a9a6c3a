/** What keeps the Merkle tree level with `$all`: in this thread (MerkleLogFollower) or in a worker (WorkerTreeFollower). */
export interface TreeFollower {
  /** Appends everything committed so far, then follows new commits. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Appends every event committed before the call; resolves with the tree size. */
  catchUp(): Promise<number>;
  /** Why following stopped last, until it makes progress again. */
  readonly error: string | null;
}

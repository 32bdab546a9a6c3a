/**
 * What a verification found wrong, at the first place it went wrong. Kinds:
 * - `content_altered`: the event no longer hashes to its own `integrity.hash`
 *   (payload, metadata or any hashed field edited);
 * - `chain_broken`: its `prevHash` or revision does not follow the stream's
 *   previous event (an event deleted, inserted or moved inside a stream);
 * - `leaf_mismatch`: the event is self-consistent but is not the one the log
 *   recorded at this place (a stream rewritten with recomputed hashes, events
 *   reordered or deleted across streams);
 * - `missing`: the log recorded a leaf here and the store has no event (a
 *   truncated tail, deleted events);
 * - `root_mismatch`: the events up to a signed tree head do not give its root;
 * - `bad_tree_head`: a tree head's signature does not hold;
 * - `inconsistent_heads`: two signed heads that no single append-only log
 *   could have produced (a fork);
 * - `unrecorded`: a record of the audit log itself was altered, so the place
 *   can only be bounded by signed heads;
 * - `malformed`: an export line that is not in the format, or out of order
 *   (offline only).
 */
export type FindingKind =
  | 'content_altered'
  | 'chain_broken'
  | 'leaf_mismatch'
  | 'missing'
  | 'root_mismatch'
  | 'bad_tree_head'
  | 'inconsistent_heads'
  | 'unrecorded'
  | 'malformed';

export interface Finding {
  readonly kind: FindingKind;
  /** The first leaf (place in `$all`, 0-based) found bad. */
  readonly leafIndex: number;
  /** The event's `$all` position there, when known. */
  readonly position?: string;
  readonly eventId?: string;
  readonly streamId?: string;
  readonly revision?: number;
  readonly message: string;
}

export interface VerificationReport {
  readonly ok: boolean;
  /** Events read and checked. */
  readonly checkedEvents: number;
  /** Signed tree heads whose roots were recomputed from the events. */
  readonly checkedTreeHeads: number;
  /** The largest signed tree size checked against. */
  readonly treeSize: number;
  /** The first problem in log order; null when everything verified. */
  readonly firstProblem: Finding | null;
  /** How many problems in all (each event counts once). */
  readonly problems: number;
  readonly summary: string;
}

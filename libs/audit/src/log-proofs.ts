/**
 * What the auditor's answers carry to prove an event is in the log: the
 * signed tree head they are proved against, and the event's audit path in
 * that tree. Hashes are lower-case hex; the formats are docs/audit-log.md's.
 */

/** A signed statement "the log held `treeSize` events, whose Merkle root is `rootHash`, at `timestamp`". */
export interface SignedTreeHead {
  readonly treeSize: number;
  readonly rootHash: string;
  /** ISO 8601 UTC, when the head was signed. */
  readonly timestamp: string;
  /** Ed25519 over the head's signed bytes (signedTreeHeadMessage), base64. */
  readonly signature: string;
  /** SHA-256 of the signing public key's SPKI DER, hex: which key signed. */
  readonly keyId: string;
}

/** The event at `leafIndex` of `$all`, with its RFC 9162 audit path in the tree of `treeSize` leaves. */
export interface EventInclusion {
  readonly eventId: string;
  readonly streamId: string;
  readonly revision: number;
  /** The event's `$all` position, as a decimal string. */
  readonly position: string;
  readonly leafIndex: number;
  readonly treeSize: number;
  /** H(0x00 ‖ canonical event), hex. */
  readonly leafHash: string;
  /** Sibling hashes from the leaf up, hex. */
  readonly auditPath: readonly string[];
}

/** The proofs the decision audit and the HTTP API need from the verifiable log. */
export interface LogProofs {
  /** The newest signed tree head, signing one now if the log has grown since (null: the log is empty). */
  currentTreeHead(): Promise<SignedTreeHead | null>;
  /** The event's inclusion in the tree of `treeSize` leaves; null when the event is not among them. */
  inclusionOfEvent(eventId: string, treeSize: number): EventInclusion | null;
}

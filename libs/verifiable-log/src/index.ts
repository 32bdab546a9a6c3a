// The Merkle tree of RFC 9162 §2.1 (Certificate Transparency v2) with SHA-256:
// roots, inclusion and consistency proofs, strict verifiers, and the compact
// range that maintains a growing log's root in O(log n). Pure; nothing of ours.
export { EMPTY_ROOT, HASH_SIZE, fromHex, hashEquals, leafHash, nodeHash, toHex } from './hash';
export type { Hash } from './hash';
export { consistencyProof, inclusionProof, rootOf } from './tree';
export { verifyConsistency, verifyInclusion } from './verify';
export type { ConsistencyInput, InclusionInput, VerifyFailure, VerifyResult } from './verify';
export { CompactRange } from './compact-range';
export type { CompactRangeJson, CompletedSubtree } from './compact-range';
export { storedConsistencyProof, storedInclusionProof, storedRoot } from './stored-tree';
export type { SubtreeSource } from './stored-tree';

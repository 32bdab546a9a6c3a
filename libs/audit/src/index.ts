// The auditor's workbench: the verifiable log over `$all` (docs/audit-log.md).
export type { EventInclusion, LogProofs, SignedTreeHead } from './log-proofs';
// The event log API: raw pages of a stream or of `$all`, and time travel (docs/architecture.md, "The event log API").
export * from './event-log';
export * from './decisions';
// The verifiable log: the Merkle tree over `$all`, signed tree heads, proofs, verification, export.
export { digestEvent, eventLeaf, eventLeafBytes } from './event-leaf';
export type { EventDigest } from './event-leaf';
export { keyIdOf, signTreeHead, treeHeadMessage, verifyTreeHead } from './tree-head';
export type { TreeHeadCheck } from './tree-head';
export { MerkleLogStore } from './merkle-log/merkle-log-store';
export type { LeafRecord } from './merkle-log/merkle-log-store';
export { MerkleLogFollower } from './merkle-log/merkle-log-follower';
export { loadTreeHeadKeys, SigningKeyError } from './merkle-log/signing-key';
export type { TreeHeadKeys } from './merkle-log/signing-key';
export { VerifiableLog } from './merkle-log/verifiable-log';
export type { VerifiableLogOptions } from './merkle-log/verifiable-log';
export type { Finding, FindingKind, VerificationReport } from './verification/findings';
export { LogChecker } from './verification/log-checker';
export type { RecordedLeaf } from './verification/log-checker';
export { verifyStore } from './verification/verify-store';
export type { VerifyProgress, VerifyStoreOptions } from './verification/verify-store';
export * from './export/export-format';
export { writeExport } from './export/write-export';
export type { ExportRequest, LineSink } from './export/write-export';
export { verifyExport } from './export/verify-export';
export type { OfflineVerifyOptions } from './export/verify-export';
export type { TreeFollower } from './merkle-log/tree-follower';
export { WorkerTreeFollower } from './merkle-log/worker-tree-follower';
export { runMerkleLogWorker } from './merkle-log/merkle-log-worker';
export type { WorkerReply, WorkerRequest } from './merkle-log/merkle-log-worker';
// Backup and restore of the embedded store with its verifiable log: online copies, verified before a restore.
export * from './backup';

/*
 * The answers of the audit API as the console reads them: the JSON on the
 * wire (apps/licensing-service/src/openapi/verifiable-log-schemas.ts and
 * decision-audit-schemas.ts describe them in full). Only the fields the
 * pages show are typed; the service app cannot be imported by a browser app.
 */

/** One stored event as the event log, the live tail and the export give it: never upcast. */
export interface EventEnvelope {
  readonly id: string;
  readonly type: string;
  readonly version: number;
  readonly streamId: string;
  readonly revision: number;
  /** `$all` position, a decimal string. */
  readonly position: string;
  readonly data: unknown;
  readonly metadata: { readonly actor?: string; readonly role?: string; readonly recordedAt?: string } & Record<
    string,
    unknown
  >;
  readonly integrity: { readonly prevHash: string; readonly hash: string };
}

export interface AllEventsPage {
  readonly events: readonly EventEnvelope[];
  readonly nextPosition: string | null;
}

export interface StreamEventsPage {
  readonly streamId: string;
  readonly events: readonly EventEnvelope[];
  readonly nextRevision: number | null;
}

export interface SignedTreeHead {
  readonly treeSize: number;
  readonly rootHash: string;
  readonly timestamp: string;
  readonly signature: string;
  readonly keyId: string;
}

export interface LogPublicKey {
  readonly algorithm: 'Ed25519';
  readonly keyId: string;
  readonly publicKeyPem: string;
}

export interface EventInclusion {
  readonly eventId: string;
  readonly streamId: string;
  readonly revision: number;
  readonly position: string;
  readonly leafIndex: number;
  readonly treeSize: number;
  readonly leafHash: string;
  readonly auditPath: readonly string[];
}

export interface InclusionProof {
  readonly treeHead: SignedTreeHead;
  readonly inclusion: EventInclusion;
}

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

export interface LogFinding {
  readonly kind: FindingKind;
  readonly leafIndex: number;
  readonly position?: string;
  readonly eventId?: string;
  readonly streamId?: string;
  readonly revision?: number;
  readonly message: string;
}

export interface VerificationProgress {
  readonly kind: 'progress';
  readonly checkedEvents: number;
  readonly recordedLeaves: number;
}

export interface VerificationReport {
  readonly kind: 'report';
  readonly ok: boolean;
  readonly checkedEvents: number;
  readonly checkedTreeHeads: number;
  readonly treeSize: number;
  readonly firstProblem: LogFinding | null;
  readonly problems: number;
  readonly summary: string;
}

export type VerificationLine = VerificationProgress | VerificationReport;

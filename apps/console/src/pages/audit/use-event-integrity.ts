import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ProblemError } from '../../api/client';
import type { EventEnvelope, InclusionProof, LogPublicKey } from './audit-types';
import { chainHashOf, leafHashOf } from './event-hashes';
import { inclusionHolds, treeHeadSignatureHolds } from './log-proofs';

/**
 * What the browser found about one event:
 * - `verified`: it hashes to its own chain hash, and its leaf is proved in a tree head whose signature holds;
 * - `altered`: its content no longer gives its `integrity.hash`;
 * - `not_in_log`: it is not the leaf the verifiable log recorded (or the proof does not lead to the root);
 * - `unproved`: the service gave no inclusion proof (e.g. the log has no head over it yet).
 */
export type IntegrityStatus = 'verified' | 'altered' | 'not_in_log' | 'unproved';

export interface EventIntegrity {
  readonly status: IntegrityStatus;
  readonly leafIndex: number | null;
  readonly treeSize: number | null;
  readonly detail: string | null;
}

/** The key that signs tree heads, read once per session of the page. */
const publicKey = (queries: QueryClient) =>
  queries.fetchQuery({
    queryKey: ['audit-public-key'],
    queryFn: () => api<LogPublicKey>('/audit/public-key'),
    staleTime: Infinity,
  });

async function checkEvent(event: EventEnvelope, queries: QueryClient): Promise<EventIntegrity> {
  const none = { leafIndex: null, treeSize: null, detail: null };
  if ((await chainHashOf(event)) !== event.integrity.hash) return { status: 'altered', ...none };
  let proof: InclusionProof;
  try {
    proof = await api<InclusionProof>('/audit/proofs/inclusion', { query: { eventId: event.id } });
  } catch (error) {
    if (error instanceof ProblemError && error.status === 404)
      return { status: 'unproved', ...none, detail: error.message };
    throw error;
  }
  const { inclusion, treeHead } = proof;
  const place = { leafIndex: inclusion.leafIndex, treeSize: treeHead.treeSize, detail: null };
  // The path must lead to the root of the signed head, at its size: the signature binds the two.
  const sameLeaf = (await leafHashOf(event)) === inclusion.leafHash && inclusion.treeSize === treeHead.treeSize;
  const proved =
    sameLeaf &&
    (await inclusionHolds(inclusion, treeHead.rootHash)) &&
    (await treeHeadSignatureHolds(treeHead, (await publicKey(queries)).publicKeyPem));
  return { status: proved ? 'verified' : 'not_in_log', ...place };
}

/** The event's integrity, checked once per event as shown (its hash in the key: another content is another check). */
export function useEventIntegrity(event: EventEnvelope) {
  const queries = useQueryClient();
  return useQuery({
    queryKey: ['event-integrity', event.id, event.integrity.hash, event.position],
    queryFn: () => checkEvent(event, queries),
    staleTime: Infinity,
  });
}

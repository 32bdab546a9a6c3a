import type { RecordedEvent } from '@licensing/event-store';
import type { EventInclusion, LogProofs, SignedTreeHead } from '../log-proofs';

/** An event named by where it is. */
export interface EventRef {
  readonly eventId: string;
  readonly streamId: string;
  readonly revision: number;
  /** Its `$all` position, as a decimal string. */
  readonly position: string;
}

/**
 * Proofs that the events a replay read are in the verifiable log, all
 * against one signed tree head. `proved`: every event has its proof;
 * `partial`: some were appended after the head was signed; `unavailable`:
 * there is no head to prove anything against.
 */
export interface DecisionProofs {
  readonly status: 'proved' | 'partial' | 'unavailable';
  readonly detail: string;
  readonly treeHead: SignedTreeHead | null;
  /** Null when unavailable or not in the head. */
  readonly decisionEvent: EventInclusion | null;
  readonly policyEvents: readonly EventInclusion[];
  /** The events the head does not include (appended after it was signed). */
  readonly notInTreeHead: readonly EventRef[];
}

const refOf = (event: RecordedEvent): EventRef => ({
  eventId: event.id,
  streamId: event.streamId,
  revision: Number(event.revision),
  position: event.position.toString(),
});

/** Takes the current head once and proves every event at that head's size. */
export async function proveInclusion(
  proofs: LogProofs,
  decisionEvent: RecordedEvent,
  policyEvents: readonly RecordedEvent[],
): Promise<DecisionProofs> {
  const treeHead = await proofs.currentTreeHead();
  if (treeHead === null)
    return {
      status: 'unavailable',
      detail:
        'No signed tree head is available (the verifiable log is not running here, or holds no event yet), so this answer carries no inclusion proofs.',
      treeHead: null,
      decisionEvent: null,
      policyEvents: [],
      notInTreeHead: [],
    };
  const notInTreeHead: EventRef[] = [];
  const prove = (event: RecordedEvent): EventInclusion | null => {
    const inclusion = proofs.inclusionOfEvent(event.id, treeHead.treeSize);
    if (inclusion === null) notInTreeHead.push(refOf(event));
    return inclusion;
  };
  const decision = prove(decisionEvent);
  const policy = policyEvents.map(prove).filter((inclusion) => inclusion !== null);
  const complete = notInTreeHead.length === 0;
  return {
    status: complete ? 'proved' : 'partial',
    detail: complete
      ? `Every event the replay read is proved included in the tree head of size ${treeHead.treeSize}.`
      : `${notInTreeHead.length} event(s) are not in the tree head of size ${treeHead.treeSize} (appended after it was signed); ask again once a newer head is signed.`,
    treeHead,
    decisionEvent: decision,
    policyEvents: policy,
    notInTreeHead,
  };
}

import type { ParkedEventFacts } from '@licensing/domain';
import type { ParkedEvent } from '@licensing/projections';
import type { ParkedRelayEvent } from '@licensing/relay';

/** The `where` of the relay's parked events; every other `where` is a read model's name. */
export const RELAY = 'relay';

export type ParkedEventState = 'parked' | 'resolved' | 'skipped';

/** One parked event as ops see it, from a read model or from the relay. Positions as decimal strings (64-bit). */
export interface ParkedEventView {
  /** `<where>:<position>`, the path id of its retry and skip. */
  readonly id: string;
  /** The read model that parked it, or `relay`. */
  readonly where: string;
  readonly kind: 'read_model' | 'relay';
  readonly position: string;
  readonly eventId: string;
  readonly streamId: string;
  readonly eventType: string;
  readonly error: string;
  readonly attempts: number;
  readonly firstFailedAt: string;
  readonly lastFailedAt: string;
  readonly state: ParkedEventState;
  readonly decidedAt: string | null;
}

export const parkedEventId = (where: string, position: bigint): string => `${where}:${position}`;

/** The consumer and position an id names; null for an id no consumer could have given. */
export function parseParkedEventId(id: string): { where: string; position: bigint } | null {
  const match = /^(.+):(\d{1,20})$/.exec(id);
  return match?.[1] && match[2] ? { where: match[1], position: BigInt(match[2]) } : null;
}

type Recorded = Omit<ParkedEvent, 'readModel'> | Omit<ParkedRelayEvent, 'relayName'>;

function view(where: string, kind: ParkedEventView['kind'], parked: Recorded): ParkedEventView {
  const { position, eventId, streamId, eventType, error, attempts, firstFailedAt, lastFailedAt, state, decidedAt } =
    parked;
  return {
    id: parkedEventId(where, position),
    where,
    kind,
    position: position.toString(),
    eventId,
    streamId,
    eventType,
    error,
    attempts,
    firstFailedAt,
    lastFailedAt,
    state,
    decidedAt,
  };
}

export const readModelView = ({ readModel, ...parked }: ParkedEvent) => view(readModel, 'read_model', parked);
export const relayView = ({ relayName: _relay, ...parked }: ParkedRelayEvent) => view(RELAY, 'relay', parked);

/** What a decision records about the event it was about. */
export function factsOf(parked: ParkedEventView): ParkedEventFacts {
  const { where, position, eventId, streamId, eventType, error, attempts } = parked;
  return { where, position, eventId, streamId, eventType, error, attempts };
}

import type { ParkedEventFacts } from '@licensing/domain';

/** The `where` of a relay's parked events; every other `where` is a read model's name. */
export const RELAY = 'relay';

export type ParkedEventStatus = 'parked' | 'resolved' | 'skipped';

/** One parked event as ops see it, from a read model or from a relay. Positions as decimal strings (64-bit). */
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
  readonly state: ParkedEventStatus;
  readonly decidedAt: string | null;
}

export type ParkedEventRetryResult =
  { readonly outcome: 'applied' } | { readonly outcome: 'failed'; readonly error: string };

/**
 * Where parked events are kept and decided: the service's read models and
 * embedded relay, or a relay running as its own process. Adapters live in
 * the apps; the decision (`decideParkedEvent`) is the same for all.
 */
export interface ParkedEventSource {
  /** Where ops list them, e.g. `GET /ops/parked-events`: named when an id is unknown. */
  readonly listedAt: string;
  find(id: string): Promise<ParkedEventView | null>;
  /** Applies or publishes the event again; throws when SQLite, the store or the broker fail. */
  retry(parked: ParkedEventView): Promise<ParkedEventRetryResult>;
  skip(parked: ParkedEventView): Promise<void>;
}

export const parkedEventId = (where: string, position: bigint): string => `${where}:${position}`;

/** The consumer and position an id names; null for an id no consumer could have given. */
export function parseParkedEventId(id: string): { where: string; position: bigint } | null {
  const match = /^(.+):(\d{1,20})$/.exec(id);
  return match?.[1] && match[2] ? { where: match[1], position: BigInt(match[2]) } : null;
}

/** What a consumer records about an event it parked, whichever consumer it is. */
export type ParkedRecord = Pick<
  ParkedEventView,
  'eventId' | 'streamId' | 'eventType' | 'error' | 'attempts' | 'firstFailedAt' | 'lastFailedAt' | 'state' | 'decidedAt'
> & { readonly position: bigint };

export function parkedEventView(where: string, kind: ParkedEventView['kind'], parked: ParkedRecord): ParkedEventView {
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

/** What a decision records about the event it was about. */
export function factsOf(parked: ParkedEventView): ParkedEventFacts {
  const { where, position, eventId, streamId, eventType, error, attempts } = parked;
  return { where, position, eventId, streamId, eventType, error, attempts };
}

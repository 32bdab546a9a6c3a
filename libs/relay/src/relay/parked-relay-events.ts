/** `parked`: dead-lettered, waiting for ops; `resolved`: a retry published it; `skipped`: ops gave it up for good. */
export type ParkedRelayState = 'parked' | 'resolved' | 'skipped';

/** An event the relay could not map, dead-lettered, and recorded for ops. */
export interface ParkedRelayEvent {
  readonly relayName: string;
  readonly position: bigint;
  readonly eventId: string;
  readonly streamId: string;
  readonly eventType: string;
  /** The last failure. */
  readonly error: string;
  /** Failed attempts, those before dead-lettering and every failed retry since. */
  readonly attempts: number;
  readonly firstFailedAt: string;
  readonly lastFailedAt: string;
  readonly state: ParkedRelayState;
  /** When a retry published it or ops skipped it; null while parked. */
  readonly decidedAt: string | null;
}

export type ParkedRelayEventRecord = Omit<ParkedRelayEvent, 'state' | 'decidedAt'>;

/**
 * Where the relay records the events it dead-lettered, so ops can list,
 * retry or skip them (the dead-letter topic holds the events themselves).
 * The SQLite checkpoint store is one (`openRelayCheckpointStore`).
 */
export interface RelayParkedEventStore {
  findParked(relayName: string, position: bigint): Promise<ParkedRelayEvent | null>;
  /** Oldest first. */
  listParked(relayName: string): Promise<ParkedRelayEvent[]>;
  countParked(relayName: string): Promise<number>;
  /** Records it as parked; parked again (met once more after a restart), the attempts add up. */
  park(record: ParkedRelayEventRecord): Promise<void>;
  recordFailedRetry(relayName: string, position: bigint, error: string, at: string): Promise<void>;
  decide(relayName: string, position: bigint, state: 'resolved' | 'skipped', at: string): Promise<void>;
}

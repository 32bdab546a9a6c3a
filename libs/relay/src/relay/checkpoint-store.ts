/**
 * Where the relay remembers the `$all` position of the last event whose
 * messages the broker acknowledged. One value per relay name, so two relays
 * (e.g. to two clusters) on one file keep their own progress.
 */
export interface RelayCheckpointStore {
  /** Null when this relay has never published anything: it starts from the beginning of `$all`. */
  load(relayName: string): Promise<bigint | null>;
  /** Durable once it resolves. Called only after the broker acknowledged every message up to `position`. */
  save(relayName: string, position: bigint): Promise<void>;
  close(): Promise<void>;
}

import type { ContractRecord } from '@licensing/contracts';

interface Batch {
  readonly records: ContractRecord[];
  events: number;
  bytes: number;
  lastPosition: bigint;
}

export interface PublishPipelineDeps {
  /** Resolves once the broker acknowledged every record (acks = all). */
  send(records: readonly ContractRecord[]): Promise<void>;
  /** Saves the checkpoint; called only after `send` resolved for everything up to `position`. */
  commit(position: bigint, events: number, messages: number): Promise<void>;
  /** The first failure; the pipeline sends nothing after it. */
  onFailure(error: unknown): void;
  /** A batch is sent once it holds this many events… */
  readonly maxBatchEvents: number;
  /** …or this many bytes of messages, whichever comes first (keeps each partition's record batch under the broker's limit). */
  readonly maxBatchBytes: number;
  /** What one record adds to a request, in bytes. */
  sizeOf(record: ContractRecord): number;
}

/**
 * Collects the records of consecutive events into one produce request and
 * saves one checkpoint after its acknowledgement. One request is in flight
 * at a time, so batches (and the checkpoints after them) are in `$all`
 * order; the next batch fills while it is, so reading and mapping events
 * overlap the broker's round trip. A batch is sent when it is full or when
 * the subscription pauses (a zero-delay timer runs only once the
 * subscription is waiting on I/O).
 */
export class PublishPipeline {
  private batch: Batch | null = null;
  private inFlight: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private failure: { readonly error: unknown } | null = null;

  constructor(private readonly deps: PublishPipelineDeps) {}

  /**
   * Adds one event's records (possibly none: its checkpoint still moves).
   * When the batch is full it is handed over, and the call waits for the
   * batch before it to be acknowledged (the subscription's backpressure: one
   * batch in flight, one filling); throws once an earlier send failed, which
   * stops it.
   */
  async add(position: bigint, records: readonly ContractRecord[]): Promise<void> {
    if (this.failure !== null) throw this.failure.error;
    const batch = this.batch ?? (this.batch = { records: [], events: 0, bytes: 0, lastPosition: position });
    batch.records.push(...records);
    for (const record of records) batch.bytes += this.deps.sizeOf(record);
    batch.events += 1;
    batch.lastPosition = position;
    if (batch.events >= this.deps.maxBatchEvents || batch.bytes >= this.deps.maxBatchBytes) {
      const before = this.inFlight;
      // Its failure is recorded and thrown by the next call (or flush).
      void this.flush().catch(() => undefined);
      await before;
    } else this.timer ??= setTimeout(() => void this.flush().catch(() => undefined), 0);
  }

  /** Sends what is collected; resolves once it and everything before it is acknowledged and checkpointed. */
  flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.batch;
    this.batch = null;
    if (batch === null) return this.inFlight;
    this.inFlight = this.inFlight.then(async () => {
      if (this.failure !== null) throw this.failure.error;
      try {
        if (batch.records.length > 0) await this.deps.send(batch.records);
        await this.deps.commit(batch.lastPosition, batch.events, batch.records.length);
      } catch (error) {
        if (this.failure === null) {
          this.failure = { error };
          this.deps.onFailure(error);
        }
        throw error;
      }
    });
    return this.inFlight;
  }

  /** Drops what is not sent yet (after a failure, or when stopping without flushing). */
  discard(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.batch = null;
  }
}

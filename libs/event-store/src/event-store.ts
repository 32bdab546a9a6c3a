import { ProposedEvent, RecordedEvent, StoredEventText } from './envelope';

/**
 * 'no_stream': the stream must not exist yet. 'any': no check. A bigint: the
 * revision of the stream's last event as the caller read it.
 */
export type ExpectedRevision = 'no_stream' | 'any' | bigint;

export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the last event of this append: the next expectedRevision. */
  readonly nextExpectedRevision: bigint;
  /** Position in `$all` of the last event of this append. */
  readonly position: bigint;
}

export interface ReadStreamOptions {
  /** Default 'forwards'. */
  readonly direction?: 'forwards' | 'backwards';
  /** Inclusive. Default: the first event (forwards) or the last (backwards). */
  readonly fromRevision?: bigint;
  /** Default: no limit. */
  readonly maxCount?: number;
  /** Skip upcasting and return events as stored (integrity checks need this). */
  readonly raw?: boolean;
}

export interface ReadAllOptions {
  /**
   * Inclusive lower bound; default the beginning. To read the next batch,
   * pass the last event's `position + 1n`.
   */
  readonly fromPosition?: bigint;
  readonly maxCount: number;
  readonly raw?: boolean;
}

/** Both parts must hold when both are given; an empty filter passes everything. */
export interface SubscriptionFilter {
  /** Stream id starts with any of these, e.g. 'license-'. */
  readonly streamPrefixes?: readonly string[];
  readonly eventTypes?: readonly string[];
}

export interface SubscribeOptions {
  /**
   * 'start', or a checkpoint: the position of the last event the subscriber
   * has handled. Delivery starts strictly after it (exclusive).
   */
  readonly fromPosition: bigint | 'start';
  readonly filter?: SubscriptionFilter;
  /** Deliver events as stored, not upcast: the verifiable log hashes the stored bytes. */
  readonly raw?: boolean;
  /** Called once, when the subscription first has nothing left to catch up. */
  readonly onCaughtUp?: () => void;
  /**
   * Called when the handler or the store fails; the subscription has then
   * stopped, and the subscriber restarts it from its last checkpoint.
   */
  readonly onError?: (error: unknown) => void;
}

/**
 * Receives events one at a time in `$all` order; the next event waits for the
 * returned promise, so a handler may save its checkpoint before returning.
 */
export type EventHandler = (event: RecordedEvent) => void | Promise<void>;

export interface Subscription {
  /** Resolves once no handler call is running and none will start. */
  stop(): Promise<void>;
}

/**
 * The event-store port. Every adapter passes `eventStoreContract`
 * (`@licensing/event-store/testing`).
 *
 * Idempotency (same as idempotency.ts): an append whose event ids are all
 * already stored, consecutively, in this stream, in the same order, at the
 * place its expectedRevision points to ('any': anywhere), stores nothing and
 * succeeds with the original result. Any other overlap with stored ids
 * throws DuplicateEventIdError. Only ids are compared, as in EventStoreDB.
 */
export interface EventStore {
  /** All of `events` are stored, or none. Throws WrongExpectedRevisionError on conflict. */
  append(streamId: string, events: readonly ProposedEvent[], options: AppendOptions): Promise<AppendResult>;
  /** A stream that does not exist reads as empty. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** One batch of `$all` in position order; empty when there is nothing more. */
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * Optional: `readAll` raw, with data and metadata as the stored JSON text.
   * A store that keeps JSON text (SQLite) spares a verifier parsing and
   * re-serialising every event; the text is hashed as it is, and only an
   * event whose text does not give its hash is parsed to find out why.
   */
  readAllText?(options: Omit<ReadAllOptions, 'raw'>): Promise<StoredEventText[]>;
  /**
   * Optional: the position of the last event in `$all`, null while it is
   * empty. A reader that starts "from now" (the live tail) asks it instead
   * of reading `$all` to its end.
   */
  readHeadPosition?(): Promise<bigint | null>;
  /**
   * Optional: how many events `$all` holds from `fromPosition` (inclusive;
   * default the start), told without reading them. A progress total (a
   * rebuild's) asks it; without it the caller counts what it reads.
   */
  countAll?(options?: { readonly fromPosition?: bigint }): Promise<number>;
  /** Catches up from the checkpoint, then delivers new events as they are committed. */
  subscribeToAll(options: SubscribeOptions, handler: EventHandler): Subscription;
  /** Finishes pending appends, stops subscriptions and releases the store. */
  close(): Promise<void>;
}

/**
 * The event envelope every adapter stores and returns (docs/architecture.md, "The event
 * envelope"). Payloads are opaque JSON here: their zod schemas live in the
 * domain, and the store stays generic.
 */

/** Who, why and when, copied verbatim from the command that caused the event. */
export interface EventMetadata {
  /** Id of the acting user (the verified token's subject) or system principal. */
  readonly actor: string;
  readonly role: string;
  /** Who vouched for the actor: the verified token's `iss`. Absent for the system and for events before tokens. */
  readonly issuer?: string;
  /** The exporters an exporter user acted for, as their token said. */
  readonly exporterIds?: readonly string[];
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  /** When the command was issued (ISO 8601 UTC). */
  readonly occurredAt: string;
  /**
   * When the event was recorded (ISO 8601 UTC). Callers take it from an
   * injectable clock; adapters store it as given so replays and tests are exact.
   */
  readonly recordedAt: string;
  /**
   * The W3C trace context of the append that stored the event, when tracing
   * was on: projections and the relay continue the trace from it. Absent
   * otherwise (never null), so events stored without tracing hash as before.
   */
  readonly traceparent?: string;
}

/** What a caller appends. */
export interface ProposedEvent<Data = unknown> {
  /** A UUID chosen by the caller; it makes retries idempotent. */
  readonly id: string;
  readonly type: string;
  /** Schema version of `data`, starting at 1. */
  readonly version: number;
  readonly data: Data;
  readonly metadata: EventMetadata;
}

/** Per-stream SHA-256 chain link (see integrity.ts). */
export interface Integrity {
  readonly prevHash: string;
  readonly hash: string;
}

/** A proposed event once the store has placed it in its stream and sealed it. */
export interface SealedEvent<Data = unknown> extends ProposedEvent<Data> {
  readonly streamId: string;
  /** 0-based place in its stream. */
  readonly revision: bigint;
  readonly integrity: Integrity;
}

/**
 * A sealed event with its data and metadata as their canonical JSON text,
 * the text its hash covers: what a store writes, as it is.
 */
export interface SealedEventText extends Omit<SealedEvent, 'data' | 'metadata'> {
  readonly dataJson: string;
  readonly metadataJson: string;
}

/**
 * An event as stored, its data and metadata the stored JSON text, never
 * parsed: what a verifier hashes when the store can give it (readAllText).
 */
export interface StoredEventText extends SealedEventText {
  readonly position: bigint;
}

/** An event as read back: sealed, plus its place in the global `$all` order. */
export interface RecordedEvent<Data = unknown> extends SealedEvent<Data> {
  /**
   * Strictly increasing across the whole store. Adapters may leave gaps
   * (EventStoreDB does), so never compute "the next position" other than as
   * `position + 1n` for an inclusive lower bound.
   */
  readonly position: bigint;
}

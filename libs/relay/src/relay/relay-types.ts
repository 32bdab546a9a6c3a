import type { EventStore } from '@licensing/event-store';
import type { BackoffSettings, Metrics } from '@licensing/platform';
import type { Kafka } from 'kafkajs';
import type { RelayCheckpointStore } from './checkpoint-store';
import type { ParkedRelayEvent, RelayParkedEventStore } from './parked-relay-events';
import type { RelayRetryResult } from './parked-relay-retry';

/** Shaped like Nest's `Logger`, so the Nest app passes one as is; the default writes to the console. */
export interface RelayLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export type RelayState = 'starting' | 'catching_up' | 'live' | 'retrying' | 'stopped';

export interface RelayStatus {
  readonly state: RelayState;
  /** The relay's name: the checkpoint row it owns. */
  readonly relayName: string;
  /** Position of the last event in the store, as far as the lag probe has read; null for an empty store. */
  readonly storePosition: bigint | null;
  /** Position of the last event whose messages the broker acknowledged (the saved checkpoint). */
  readonly publishedPosition: bigint | null;
  /** Events the relay still has to publish (only streams it relays). */
  readonly lagEvents: number;
  /** False while the probe has not read up to the head yet: `lagEvents` is then a lower bound. */
  readonly lagExact: boolean;
  /** Since this relay started: source events published, messages sent, failures survived. */
  readonly publishedEvents: number;
  readonly publishedMessages: number;
  readonly restarts: number;
  /** The last failure that made the relay back off, while it has not published since. */
  readonly lastError: string | null;
}

export interface LicenseRelayOptions {
  readonly store: EventStore;
  /** The client id is the Kafka client's (see kafkaFromBrokers); the relay makes its producer and admin from it. */
  readonly kafka: Kafka;
  readonly checkpoints: RelayCheckpointStore;
  readonly log?: RelayLogger;
  /** The checkpoint row. Default 'license-relay'. */
  readonly relayName?: string;
  /**
   * Prepended to every contract topic name, e.g. 'staging.' on a shared
   * cluster, or a unique prefix per test run. Default '' (the contract names).
   */
  readonly topicPrefix?: string;
  /** Most source events in one produce request (one checkpoint after it). Default 2 000. */
  readonly maxBatchEvents?: number;
  /** Bytes of messages (values, keys, headers) after which a produce request is sent. Default 512 KiB. */
  readonly maxBatchBytes?: number;
  /** Stream memories kept between events (license state, measure facts). Default 10 000 streams. */
  readonly memoryCacheSize?: number;
  /** How often the lag probe reads the store head. Default 1 000 ms. */
  readonly probeIntervalMs?: number;
  /** How often a non-zero lag is logged. Default 10 000 ms. */
  readonly lagLogIntervalMs?: number;
  /**
   * Backoff after a failure, over the platform's RESTART_BACKOFF (jittered,
   * 200 ms growing to 10 000 ms). Checked at start.
   */
  readonly retryBackoff?: Partial<BackoffSettings>;
  /** Where to record lag, produce latency and throughput (see relay-metrics.ts); nothing is recorded without it. */
  readonly metrics?: Metrics;
  /**
   * Runs in a row an event that cannot be mapped may fail before it goes to
   * the dead-letter topic and the relay goes on (see dead-letters.ts). Default 5.
   */
  readonly parkAfterAttempts?: number;
  /**
   * Where dead-lettered events are recorded for ops to list, retry or skip
   * (`openRelayCheckpointStore` gives one). Without it they are on the dead-letter topic only.
   */
  readonly parkedEvents?: RelayParkedEventStore;
}

export interface LicenseRelay {
  /** Stops reading, publishes nothing more, and disconnects from Kafka. The store and checkpoints stay open (the caller owns them). */
  stop(): Promise<void>;
  status(): RelayStatus;
  /** The events this relay dead-lettered, oldest first (none without `parkedEvents`). */
  parkedEvents(): Promise<ParkedRelayEvent[]>;
  /** Maps and publishes a dead-lettered event again (see parked-relay-retry.ts). */
  retryParked(position: bigint): Promise<RelayRetryResult>;
  /** Gives a dead-lettered event up for good: it stays on the dead-letter topic and is never published. */
  skipParked(position: bigint): Promise<void>;
}

/** The stream categories that have public messages (see the mapping table in mapping/map-recorded-event.ts). */
export const RELAYED_STREAM_PREFIXES = ['license-', 'application-', 'control-measure-'] as const;

/**
 * Batches close on whichever limit comes first. Larger requests cost the
 * broker and the relay less per message (P4 in docs/performance.md). The
 * byte cap keeps a request's record batch for one partition under Kafka's
 * default `message.max.bytes` (1 MiB) even if every message of the batch
 * lands on one partition, however many messages each event maps to and
 * however large they are; the batch closes after the record that crosses
 * it, so one message larger than the rest still goes out.
 */
export const DEFAULT_RELAY_BATCH = { maxBatchEvents: 2_000, maxBatchBytes: 512 * 1024 } as const;

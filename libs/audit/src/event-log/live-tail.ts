import type { EventStore, RecordedEvent, Subscription, SubscriptionFilter } from '@licensing/event-store';
import { type EventEnvelopeJson, toEnvelopeJson } from './envelope-json';

/** Where a client of the live tail is: the transport (SSE) behind it. */
export interface TailSink {
  /** Hands one event to the client; false: its connection is full, send nothing more until `drained`. */
  send(event: EventEnvelopeJson): boolean;
  /** Resolves once the connection takes more again, or is gone. */
  drained(): Promise<void>;
}

export interface LiveTailOptions {
  /** The position the client has already seen (exclusive), or 'start' for the whole log. */
  readonly after: bigint | 'start';
  readonly filter?: SubscriptionFilter;
  /** The most events held for one client that does not keep up (at least 1). */
  readonly bufferEvents: number;
}

/**
 * Why a tail ended by itself, or was stopped. `resumeFrom` is the position
 * of the last event handed to the client: its Last-Event-ID to come back with.
 */
export type TailEnd =
  | { readonly reason: 'stopped' }
  | { readonly reason: 'fell-behind'; readonly resumeFrom: bigint }
  | { readonly reason: 'failed'; readonly error: unknown };

export interface LiveTailStatus {
  /** Caught up with the log: new events are no longer read at the client's pace. */
  readonly live: boolean;
  /** Events read from the log and not handed to the client yet. */
  readonly buffered: number;
  /** The most that were ever buffered at once: never more than `bufferEvents`. */
  readonly maxBuffered: number;
  /** Events handed to the client. */
  readonly delivered: number;
  /** The store subscription is still running. */
  readonly subscribed: boolean;
}

/**
 * `$all` for one client, from a position, then live (docs/architecture.md,
 * "The live tail"). Events go from the store subscription through a bounded
 * queue to the sink. While catching up the subscription waits for room in
 * the queue: the store is the buffer and the client sets the pace. Once
 * live, new events cannot wait (the log does not slow down for a reader), so
 * a client that lets the queue fill up is cut off with `fell-behind`: its
 * memory stays bounded whatever it does, and it can come back from
 * `resumeFrom`.
 */
export class LiveTail {
  /** Resolves once the tail has ended and its subscription has stopped. */
  readonly ended: Promise<TailEnd>;
  private readonly queue: RecordedEvent[] = [];
  private readonly subscription: Subscription;
  private stopping = false;
  private subscribed = true;
  private live = false;
  private maxBuffered = 0;
  private delivered = 0;
  private lastDelivered: bigint | null = null;
  /** The pump handed over an event the connection had no room for, and waits for it to drain. */
  private waitingForClient = false;
  private wakePump: (() => void) | undefined;
  private roomFreed: (() => void) | undefined;
  private finish!: (end: TailEnd) => void;

  constructor(
    store: EventStore,
    private readonly options: LiveTailOptions,
    private readonly sink: TailSink,
  ) {
    if (!Number.isInteger(options.bufferEvents) || options.bufferEvents < 1)
      throw new RangeError(`bufferEvents must be a whole number ≥ 1, got ${options.bufferEvents}`);
    const ended = new Promise<TailEnd>((resolve) => (this.finish = resolve));
    this.subscription = store.subscribeToAll(
      {
        fromPosition: options.after,
        raw: true,
        ...(options.filter ? { filter: options.filter } : {}),
        onCaughtUp: () => {
          this.live = true;
        },
        onError: (error) => void this.end({ reason: 'failed', error }),
      },
      (event) => this.accept(event),
    );
    this.ended = ended;
    void this.pump().catch((error: unknown) => this.end({ reason: 'failed', error }));
  }

  status(): LiveTailStatus {
    const { live, maxBuffered, delivered, subscribed } = this;
    return { live, buffered: this.queue.length, maxBuffered, delivered, subscribed };
  }

  /** Ends the tail (the client left, the service stops); resolves once its subscription has stopped. */
  async stop(): Promise<TailEnd> {
    await this.end({ reason: 'stopped' });
    return this.ended;
  }

  private async accept(event: RecordedEvent): Promise<void> {
    if (this.stopping) return;
    if (this.queue.length >= this.options.bufferEvents) {
      // Not awaited: stopping the subscription waits for this handler to return.
      if (this.live && this.waitingForClient && this.lastDelivered !== null)
        return void this.end({ reason: 'fell-behind', resumeFrom: this.lastDelivered });
      await new Promise<void>((resolve) => (this.roomFreed = resolve));
      if (this.stopping) return;
    }
    this.queue.push(event);
    this.maxBuffered = Math.max(this.maxBuffered, this.queue.length);
    this.wakePump?.();
  }

  private async pump(): Promise<void> {
    while (!this.stopping) {
      const event = this.queue.shift();
      if (event === undefined) {
        await new Promise<void>((resolve) => (this.wakePump = resolve));
        this.wakePump = undefined;
        continue;
      }
      this.freeRoom();
      const writable = this.sink.send(toEnvelopeJson(event));
      this.delivered += 1;
      this.lastDelivered = event.position;
      if (writable) continue;
      this.waitingForClient = true;
      await this.sink.drained();
      this.waitingForClient = false;
    }
  }

  private freeRoom(): void {
    const freed = this.roomFreed;
    this.roomFreed = undefined;
    freed?.();
  }

  private async end(end: TailEnd): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    this.queue.length = 0;
    this.freeRoom();
    this.wakePump?.();
    await this.subscription.stop();
    this.subscribed = false;
    this.finish(end);
  }
}

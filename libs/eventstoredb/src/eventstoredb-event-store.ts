import { BACKWARDS, EventStoreDBClient, FORWARDS, ReadPosition } from '@eventstore/db-client';
import {
  AppendOptions,
  AppendResult,
  checkExpectedRevision,
  EventHandler,
  EventStore,
  GENESIS_HASH,
  planAppend,
  ProposedEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  sealEvents,
  StoreClosedError,
  SubscribeOptions,
  Subscription,
  Upcasters,
  validateAppend,
} from '@licensing/event-store';
import {
  type BackoffSettings,
  backoffSettings,
  type RetryPolicy,
  retryPolicy,
  WRITE_CONFLICT_RETRY,
} from '@licensing/platform';
import { readAppendSnapshot } from './append-snapshot';
import { clientLiveFeed } from './client-feed';
import {
  isStreamNotFound,
  isTransientSubscriptionError,
  isWrongExpectedVersion,
  toWrongExpectedRevision,
} from './client-errors';
import { parseEventStoreConnectionString } from './connection-string';
import { envelopeFromClient, toEventData } from './envelope-codec';
import { EventStoreDbEventStoreOptions, RESUBSCRIBE_BACKOFF } from './eventstoredb-options';
import { positionOf, readAllStart } from './positions';
import { startResubscribingSubscription } from './resubscribing-subscription';
import {
  checkedMaxCount,
  expectedRevisionForError,
  expectedRevisionForWrite,
  toClientReadStreamOptions,
} from './revisions';

/**
 * Opens the production adapter on an EventStoreDB / KurrentDB node or
 * cluster. The client connects lazily: a wrong address shows up on the
 * first call, a malformed string here.
 */
export function openEventStoreDbEventStore(options: EventStoreDbEventStoreOptions): EventStoreDbEventStore {
  parseEventStoreConnectionString(options.connectionString);
  return new EventStoreDbEventStore(EventStoreDBClient.connectionString(options.connectionString), options);
}

/** The port on EventStoreDB. See README.md for how each call maps to the client. */
export class EventStoreDbEventStore implements EventStore {
  private closed = false;
  private readonly upcasters: Upcasters;
  private readonly pageSize: number;
  private readonly appendRetry: RetryPolicy;
  private readonly resubscribeBackoff: BackoffSettings;
  private readonly subscriptions = new Set<Subscription>();
  private readonly appending = new Set<Promise<unknown>>();

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: EventStoreDbEventStoreOptions,
  ) {
    this.upcasters = options.upcasters ?? new Upcasters();
    this.pageSize = Math.max(2, options.readPageSize ?? 500);
    const appendAttempts = Math.max(1, Math.ceil(options.maxAppendAttempts ?? 5));
    this.appendRetry = retryPolicy(isWrongExpectedVersion, { ...WRITE_CONFLICT_RETRY, retries: appendAttempts - 1 });
    this.resubscribeBackoff = backoffSettings(
      RESUBSCRIBE_BACKOFF,
      options.resubscribeBackoff,
      're-subscription backoff',
    );
  }

  async append(streamId: string, events: readonly ProposedEvent[], options: AppendOptions): Promise<AppendResult> {
    if (this.closed) throw new StoreClosedError('append');
    validateAppend(streamId, events, options.expectedRevision);
    const pending = this.appendValidated(
      streamId,
      events.map((event) => ({ ...event, id: event.id.toLowerCase() })),
      options,
    );
    this.appending.add(pending);
    try {
      return await pending;
    } finally {
      this.appending.delete(pending);
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    if (this.closed) throw new StoreClosedError('read a stream');
    return this.readStreamEvents(streamId, options);
  }

  /**
   * Also used by appends still running while close() waits for them. An
   * append reads from the leader (`requiresLeader`): a lagging follower would
   * show an old head, and the append would report a conflict that is not one.
   */
  private async readStreamEvents(
    streamId: string,
    options: ReadStreamOptions,
    requiresLeader = false,
  ): Promise<RecordedEvent[]> {
    if (options.maxCount !== undefined && checkedMaxCount(options.maxCount) === 0) return [];
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, {
        ...toClientReadStreamOptions(options),
        requiresLeader,
      })) {
        const event = envelopeFromClient(resolved);
        if (event) events.push(event);
      }
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw error;
    }
    return options.raw ? events : events.map((event) => this.upcasters.apply(event));
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    if (this.closed) throw new StoreClosedError('read $all');
    const maxCount = checkedMaxCount(options.maxCount);
    if (maxCount === 0) return [];
    const start = readAllStart(options.fromPosition);
    // One more than asked: a page after the first starts with the event the previous page ended on.
    const pageSize = Math.min(maxCount + 1, this.pageSize);
    const events: RecordedEvent[] = [];
    let from: ReadPosition = start.from;
    let lastSeen = start.skipBelow - 1n;
    for (;;) {
      let count = 0;
      let lastRecord: ReadPosition | undefined;
      for await (const resolved of this.client.readAll({
        fromPosition: from,
        maxCount: pageSize,
        direction: FORWARDS,
        resolveLinkTos: false,
      })) {
        count += 1;
        const position = resolved.event?.position;
        if (position) lastRecord = position;
        const event = envelopeFromClient(resolved);
        if (!event || event.position <= lastSeen) continue;
        lastSeen = event.position;
        events.push(options.raw ? event : this.upcasters.apply(event));
        if (events.length === maxCount) return events;
      }
      if (count < pageSize || !lastRecord) return events;
      from = lastRecord;
    }
  }

  subscribeToAll(options: SubscribeOptions, handler: EventHandler): Subscription {
    if (this.closed) throw new StoreClosedError('subscribe');
    const inner = startResubscribingSubscription(clientLiveFeed(this.client), options, handler, {
      backoff: this.resubscribeBackoff,
      isTransient: isTransientSubscriptionError,
      prepare: (event) => (options.raw ? event : this.upcasters.apply(event)),
      onRetry: this.options.onSubscriptionRetry,
    });
    const subscription: Subscription = {
      stop: async () => {
        this.subscriptions.delete(subscription);
        await inner.stop();
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.appending]);
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.client.dispose();
  }

  /**
   * Read the head and the ids' places → apply the port's idempotency rule →
   * check the expected revision → seal on the head's hash → write with the
   * exact revision read. A writer slipping in between makes the server
   * refuse the write; the retry policy then starts over from a fresh read,
   * which either replays, refuses for good, or (for 'any') writes on the new head.
   */
  private async appendValidated(
    streamId: string,
    events: readonly ProposedEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    const { expectedRevision } = options;
    let head: bigint | undefined;
    try {
      return await this.appendRetry.execute(() =>
        this.appendOnce(streamId, events, expectedRevision, (read) => (head = read)),
      );
    } catch (error) {
      if (!isWrongExpectedVersion(error)) throw error;
      throw toWrongExpectedRevision(error, streamId, expectedRevisionForError(expectedRevision, head));
    }
  }

  /** One attempt; `onHead` learns the head it sealed on, for the error once every attempt lost. */
  private async appendOnce(
    streamId: string,
    events: readonly ProposedEvent[],
    expectedRevision: AppendOptions['expectedRevision'],
    onHead: (head: bigint | undefined) => void,
  ): Promise<AppendResult> {
    const snapshot = await readAppendSnapshot(
      (fromRevision, maxCount) =>
        this.readStreamEvents(streamId, { direction: 'backwards', fromRevision, maxCount, raw: true }, true),
      events.map((event) => event.id),
      this.pageSize,
    );
    const plan = planAppend(streamId, expectedRevision, snapshot.stored);
    if (plan.kind === 'replay') return plan.result;
    const head = snapshot.head?.revision;
    onHead(head);
    checkExpectedRevision(streamId, expectedRevision, head);
    const sealed = sealEvents(
      snapshot.head?.hash ?? GENESIS_HASH,
      streamId,
      head === undefined ? 0n : head + 1n,
      events,
    );
    // Another writer in between: the client's WrongExpectedVersionError, which the retry policy retries.
    const written = await this.client.appendToStream(streamId, sealed.map(toEventData), {
      expectedRevision: expectedRevisionForWrite(head),
    });
    const { position } = written;
    // One event is one record, so the reply's position is the event's; for
    // several, read the last one back rather than trust which record the
    // reply describes.
    if (events.length === 1 && position && position.commit === position.prepare) {
      return { nextExpectedRevision: written.nextExpectedRevision, position: positionOf(position) };
    }
    return {
      nextExpectedRevision: written.nextExpectedRevision,
      position: await this.positionAt(streamId, written.nextExpectedRevision),
    };
  }

  private async positionAt(streamId: string, revision: bigint): Promise<bigint> {
    for await (const resolved of this.client.readStream(streamId, {
      direction: BACKWARDS,
      fromRevision: revision,
      maxCount: 1n,
      requiresLeader: true,
    })) {
      const event = envelopeFromClient(resolved);
      if (event) return event.position;
    }
    throw new Error(
      `EventStoreDB acknowledged ${streamId}@${revision} but does not return it; check the stream's $maxCount/$tb metadata.`,
    );
  }
}

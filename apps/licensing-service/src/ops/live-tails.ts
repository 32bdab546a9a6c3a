import { type BeforeApplicationShutdown, Logger } from '@nestjs/common';
import { headPosition, LiveTail, type LiveTailStatus } from '@licensing/audit';
import type { EventStore, SubscriptionFilter } from '@licensing/event-store';
import type { Counter, Metrics } from '@licensing/platform';
import { EdgeRefusal } from '@licensing/workflow';
import type { SseStream } from './sse-stream';

/** Where a tail starts: after a position the client has seen (exclusive), from the beginning, or from now. */
export type TailStart = { readonly after: bigint | 'start' } | 'head';

export interface TailRequest {
  readonly start: TailStart;
  readonly filter?: SubscriptionFilter;
}

export interface LiveTailSettings {
  readonly heartbeatMs: number;
  readonly bufferEvents: number;
  readonly maxConnections: number;
}

/** How long a client that was sent its last bytes may take to read them before its socket is cut. */
const CLOSE_GRACE_MS = 10_000;
const SHUTDOWN_GRACE_MS = 1_000;

interface Session {
  tail?: LiveTail;
  readonly finished: Promise<void>;
}

/**
 * Every open live tail of this process: at most LIVE_TAIL_MAX_CONNECTIONS
 * (one more is a 503 problem), each ended when its client leaves, falls
 * behind or the service stops, so neither a test nor a shutdown waits on an
 * open stream.
 */
export class LiveTails implements BeforeApplicationShutdown {
  private readonly logger = new Logger('LiveTails');
  private readonly sessions = new Set<Session>();
  private readonly cutOff: Counter | undefined;
  private closing = false;
  private fellBehind = 0;
  /** The most events any ended tail held for its client at once. */
  private maxBufferedEnded = 0;

  constructor(
    private readonly store: EventStore,
    private readonly settings: LiveTailSettings,
    metrics?: Metrics,
  ) {
    metrics?.gauge({
      name: 'licensing_live_tails_open',
      help: 'Live tails (GET /ops/events/live) open now.',
      collect: (gauge) => gauge.set(this.sessions.size),
    });
    this.cutOff = metrics?.counter({
      name: 'licensing_live_tail_fell_behind_total',
      help: 'Live tail clients cut off because they fell more than LIVE_TAIL_BUFFER_EVENTS events behind.',
    });
  }

  /** Streams `$all` to one client until it leaves, falls behind or the service stops. */
  async serve(request: TailRequest, stream: SseStream): Promise<void> {
    this.admit();
    let finish!: () => void;
    const session: Session = { finished: new Promise((resolve) => (finish = resolve)) };
    this.sessions.add(session);
    try {
      const after = request.start === 'head' ? ((await headPosition(this.store)) ?? 'start') : request.start.after;
      if (stream.closed) return;
      // Shutting down while the head was read: nothing is sent yet, so it can still be refused.
      if (this.closing) throw shuttingDown();
      stream.open(this.settings.heartbeatMs);
      const { filter } = request;
      const options = { after, bufferEvents: this.settings.bufferEvents, ...(filter ? { filter } : {}) };
      const tail = (session.tail = new LiveTail(this.store, options, stream));
      stream.onClose(() => void tail.stop());
      const end = await tail.ended;
      this.maxBufferedEnded = Math.max(this.maxBufferedEnded, tail.status().maxBuffered);
      if (end.reason === 'fell-behind') {
        this.fellBehind += 1;
        this.cutOff?.inc();
        stream.fellBehind(end.resumeFrom);
      }
      if (end.reason === 'failed') this.logger.warn(`A live tail stopped: the store failed (${String(end.error)})`);
      await stream.close(this.closing ? SHUTDOWN_GRACE_MS : CLOSE_GRACE_MS);
    } finally {
      this.sessions.delete(session);
      finish();
    }
  }

  /**
   * Open tails, the subscriptions they hold, how many clients were cut off,
   * and the most events any tail ever held for its client at once: for specs.
   */
  status(): { open: number; subscriptions: number; fellBehind: number; maxBuffered: number; tails: LiveTailStatus[] } {
    const tails = [...this.sessions].flatMap((session) => (session.tail ? [session.tail.status()] : []));
    return {
      open: this.sessions.size,
      subscriptions: tails.filter((tail) => tail.subscribed).length,
      fellBehind: this.fellBehind,
      maxBuffered: Math.max(this.maxBufferedEnded, ...tails.map((tail) => tail.maxBuffered)),
      tails,
    };
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    const sessions = [...this.sessions];
    await Promise.all(sessions.flatMap((session) => (session.tail ? [session.tail.stop()] : [])));
    await Promise.all(sessions.map((session) => session.finished));
  }

  /** Refuses a tail (503 problem) past the limit or once the service is shutting down. */
  private admit(): void {
    if (this.closing) throw shuttingDown();
    const limit = this.settings.maxConnections;
    if (this.sessions.size >= limit)
      throw new EdgeRefusal(
        503,
        'ops.too_many_live_tails',
        `${limit} live tails are open already (LIVE_TAIL_MAX_CONNECTIONS); close one or try again later.`,
        { limit },
      );
  }
}

const shuttingDown = () =>
  new EdgeRefusal(503, 'ops.shutting_down', 'The service is shutting down; tail another instance.');

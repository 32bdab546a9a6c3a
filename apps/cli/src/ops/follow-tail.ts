import { type BackoffSettings, readEventStream, RestartBackoff, sleepUnlessAborted } from '@licensing/platform';
import { CliFailure } from '../cli-failure';
import type { CliIo } from '../output';
import { networkReason, refusal, type ServiceTarget } from '../service-client';

/** What to follow: the query of GET /ops/events/live. */
export interface TailQuery {
  /** The first position (inclusive); none: from now. */
  readonly from?: string;
  readonly streamPrefix: readonly string[];
  readonly category: readonly string[];
  readonly type: readonly string[];
}

export interface FollowOptions {
  readonly io: CliIo;
  /** NDJSON (one envelope a line) instead of one readable line an event. */
  readonly json: boolean;
  /** Aborted: stop at once (Ctrl-C). */
  readonly stop: AbortSignal;
  readonly reconnect?: BackoffSettings;
}

/** A dropped connection is retried soon, then less often, never slower than every 5 s. */
const RECONNECT: BackoffSettings = { initialDelayMs: 250, maxDelayMs: 5000, multiplier: 2, jitter: true };

/** One stored event as the tail sends it (the envelope of GET /audit/events). */
interface Envelope {
  readonly position: string;
  readonly streamId: string;
  readonly type: string;
  readonly metadata?: { readonly recordedAt?: string; readonly actor?: string; readonly role?: string };
}

/** `position  recordedAt  stream  type  actor (role)`: one line a person can scan. */
export function eventLine(event: Envelope): string {
  const { recordedAt = '?', actor = '?', role } = event.metadata ?? {};
  const who = role ? `${actor} (${role})` : actor;
  return [event.position.padStart(7), recordedAt, event.streamId, event.type, who].join('  ');
}

/** How one connection ended: the service cut a client that fell behind, or the connection ended. */
type ConnectionEnd = { readonly resumeFrom: string } | { readonly lost: string };

/**
 * Prints the live tail until `stop` aborts. A dropped connection, or a
 * `fell-behind` from a service that would not wait, is followed by a new
 * request with Last-Event-ID, so no event is printed twice or skipped (until
 * the first event arrives it asks again as at first). The first request
 * failing, or any refusal but a busy service's 503, is a CliFailure (exit 2).
 */
export class TailFollower {
  private readonly backoff: RestartBackoff;
  private lastEventId: string | undefined;
  private connected = false;

  constructor(
    private readonly target: ServiceTarget,
    private readonly query: TailQuery,
    private readonly options: FollowOptions,
  ) {
    this.backoff = new RestartBackoff(options.reconnect ?? RECONNECT);
  }

  async run(): Promise<void> {
    const { stop, io } = this.options;
    while (!stop.aborted) {
      const response = await this.connect();
      if (response === null) continue;
      const end = await this.print(response);
      if (stop.aborted) return;
      if ('resumeFrom' in end) {
        this.lastEventId = end.resumeFrom;
        io.err(`Fell behind the log (the service does not wait); catching up again after position ${end.resumeFrom}.`);
      } else await this.retry(`The connection was lost (${end.lost})`);
    }
  }

  /** The stream, or null when the attempt failed in a way worth retrying (after waiting). */
  private async connect(): Promise<Response | null> {
    let response: Response;
    try {
      response = await fetch(this.url(), { headers: this.headers(), signal: this.options.stop });
    } catch (error) {
      if (this.options.stop.aborted) return null;
      if (!this.connected)
        throw new CliFailure(
          `Could not reach the licensing service at ${this.target.url} (${networkReason(error)}). Is it running (npm start)? Pass --url or set LICENSING_URL to reach another one.`,
        );
      await this.retry(`The service did not answer (${networkReason(error)})`);
      return null;
    }
    if (!response.ok) {
      if (!this.connected || response.status !== 503) throw await refusal(response, 'ops');
      await response.body?.cancel();
      await this.retry('The service is busy (503)');
      return null;
    }
    if (!/^text\/event-stream\b/.test(response.headers.get('content-type') ?? ''))
      throw new CliFailure(`${this.target.url} did not answer an event stream: is it the licensing service?`);
    this.connected = true;
    return response;
  }

  /** Prints the events of one connection until it ends. */
  private async print(response: Response): Promise<ConnectionEnd> {
    const { io, json } = this.options;
    if (response.body === null) return { lost: 'the answer had no body' };
    try {
      for await (const item of readEventStream(response.body)) {
        if (item.kind !== 'message') continue;
        const data = parsed(item.data);
        if (item.event === 'fell-behind' && typeof data.resumeFrom === 'string') return { resumeFrom: data.resumeFrom };
        if (item.event !== 'recorded') continue;
        io.out(json ? JSON.stringify(data) : eventLine(data));
        this.lastEventId = item.id ?? data.position;
        this.backoff.reset();
      }
      return { lost: 'the service closed it' };
    } catch (error) {
      if (error instanceof CliFailure) throw error;
      return { lost: networkReason(error) };
    }
  }

  private async retry(what: string): Promise<void> {
    const delayMs = this.backoff.nextDelayMs();
    const from = this.lastEventId === undefined ? 'as at first' : `after position ${this.lastEventId}`;
    this.options.io.err(`${what}; reconnecting ${from} in ${(delayMs / 1000).toFixed(1)} s.`);
    await sleepUnlessAborted(delayMs, this.options.stop);
  }

  private headers(): Record<string, string> {
    return {
      authorization: `Bearer ${this.target.token}`,
      accept: 'text/event-stream',
      ...(this.lastEventId === undefined ? {} : { 'last-event-id': this.lastEventId }),
    };
  }

  private url(): URL {
    const url = new URL(`${this.target.url.replace(/\/+$/, '')}/ops/events/live`);
    // Once an event arrived, Last-Event-ID says where to go on; `from` would only be overridden.
    if (this.query.from !== undefined && this.lastEventId === undefined) url.searchParams.set('from', this.query.from);
    for (const name of ['streamPrefix', 'category', 'type'] as const)
      if (this.query[name].length > 0) url.searchParams.set(name, this.query[name].join(','));
    return url;
  }
}

function parsed(data: string): Envelope & { readonly resumeFrom?: unknown } {
  try {
    return JSON.parse(data) as Envelope;
  } catch {
    throw new CliFailure('The service sent an event that is not JSON: is --url the licensing service?');
  }
}

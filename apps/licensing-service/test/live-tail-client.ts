import type { EventEnvelopeJson } from '@licensing/audit';
import { readEventStream, type SseItem, type SseMessage } from '@licensing/platform';

/** What a message of the live tail carries: a recorded event's envelope, or a fell-behind's resumeFrom. */
export type TailData = Partial<EventEnvelopeJson> & { readonly resumeFrom?: string };

/** One message of the live tail, its data parsed; `id` only when the message has its own. */
export interface TailMessage {
  readonly event: string;
  readonly id?: string;
  readonly data: TailData;
}

/** A message as the spec sees it: the SSE fields, `data` parsed. */
export function tailMessage(item: SseMessage): TailMessage {
  return {
    event: item.event,
    ...(item.id === undefined ? {} : { id: item.id }),
    data: JSON.parse(item.data) as TailData,
  };
}

/**
 * A client of GET /ops/events/live for specs: reads the stream as it comes
 * (fetch + the platform's SSE reader) and waits for what a test expects
 * until a deadline, never for a fixed time. `close()` hangs up.
 */
export class TailClient {
  private readonly items: AsyncIterator<SseItem> | undefined;
  private pending: Promise<IteratorResult<SseItem>> | undefined;

  private constructor(
    readonly response: Response,
    private readonly abort: AbortController,
  ) {
    if (response.ok && response.body) this.items = readEventStream(response.body)[Symbol.asyncIterator]();
  }

  static async open(url: string, token: string | null, headers: Record<string, string> = {}): Promise<TailClient> {
    const abort = new AbortController();
    const response = await fetch(url, {
      headers: { ...(token === null ? {} : { Authorization: `Bearer ${token}` }), ...headers },
      signal: abort.signal,
    });
    return new TailClient(response, abort);
  }

  get status(): number {
    return this.response.status;
  }

  /** The body of a refusal (problem details). */
  async problem(): Promise<Record<string, unknown>> {
    return (await this.response.json()) as Record<string, unknown>;
  }

  /** The next message or comment; null once the server has ended the stream. Throws past the deadline. */
  async next(deadline: number = Date.now() + 5000): Promise<SseItem | null> {
    if (!this.items) throw new Error(`The tail answered ${this.response.status}, not a stream.`);
    this.pending ??= this.items.next();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), deadline - Date.now())));
    try {
      const result = await Promise.race([this.pending, late]);
      if (result === 'late') throw new Error('Nothing arrived on the live tail before the deadline.');
      this.pending = undefined;
      return result.done ? null : result.value;
    } finally {
      clearTimeout(timer);
    }
  }

  /** The next `count` messages (comments skipped), each by the deadline. */
  async messages(count: number, deadline: number = Date.now() + 5000): Promise<TailMessage[]> {
    const found: TailMessage[] = [];
    while (found.length < count) {
      const item = await this.next(deadline);
      if (item === null) throw new Error(`The tail ended after ${found.length} of ${count} messages.`);
      if (item.kind === 'message') found.push(tailMessage(item));
    }
    return found;
  }

  /** Reads to the end of the stream: every message still to come. */
  async rest(deadline: number = Date.now() + 10_000): Promise<TailMessage[]> {
    const found: TailMessage[] = [];
    for (let item = await this.next(deadline); item !== null; item = await this.next(deadline))
      if (item.kind === 'message') found.push(tailMessage(item));
    return found;
  }

  /** Messages read from this tail as the answer the OpenAPI contract checks (the body: the messages). */
  reply(messages: readonly TailMessage[]): { status: number; headers: Headers; body: TailMessage[] } {
    return { status: this.response.status, headers: this.response.headers, body: [...messages] };
  }

  close(): void {
    this.abort.abort();
    // The read in flight fails with the abort; nobody waits for it any more.
    this.pending?.catch(() => undefined);
    this.pending = undefined;
  }
}

/** One dispatched Server-Sent Events message. */
export interface SseMessage {
  readonly kind: 'message';
  /** The `event` field, or `message` when the message named none. */
  readonly event: string;
  /** The `data` lines, joined with line feeds. */
  readonly data: string;
  /** The `id` field of this message itself, if it had one. */
  readonly id?: string;
  /** The last event id the stream set so far (an `id` field carries over to later messages), or '' for none. */
  readonly lastEventId: string;
}

/** A comment line (`: heartbeat`), without its colon and one leading space. */
export interface SseComment {
  readonly kind: 'comment';
  readonly text: string;
}

export type SseItem = SseMessage | SseComment;

/**
 * A `text/event-stream` parser after the WHATWG HTML standard's rules
 * ("Server-sent events", interpreting an event stream): lines end in CRLF,
 * LF or CR; a blank line dispatches the message; `data` lines add up; `id`
 * persists; unknown fields and `retry` are ignored; a message left without
 * its blank line at the end of the stream is dropped. Comments are reported
 * too, so a client can see heartbeats.
 */
export class EventStreamParser {
  private pending = '';
  private started = false;
  private data: string[] = [];
  private event = '';
  private id: string | undefined;
  private lastEventId = '';

  /** Feeds the next piece of decoded text; answers the items it completes. */
  push(text: string): SseItem[] {
    let input = this.pending + text;
    if (!this.started && input.length > 0) {
      this.started = true;
      if (input.startsWith('\uFEFF')) input = input.slice(1);
    }
    const items: SseItem[] = [];
    let start = 0;
    for (let i = 0; i < input.length; i += 1) {
      const char = input[i];
      if (char !== '\n' && char !== '\r') continue;
      // A CR at the very end may be the first half of a CRLF: wait for the next piece.
      if (char === '\r' && i === input.length - 1) break;
      this.line(input.slice(start, i), items);
      if (char === '\r' && input[i + 1] === '\n') i += 1;
      start = i + 1;
    }
    this.pending = input.slice(start);
    return items;
  }

  /** The stream ended: a trailing lone CR still ends its line; an undispatched message is dropped. */
  end(): SseItem[] {
    const items: SseItem[] = [];
    if (this.pending.endsWith('\r')) this.line(this.pending.slice(0, -1), items);
    this.pending = '';
    this.data = [];
    this.event = '';
    this.id = undefined;
    return items;
  }

  private line(line: string, items: SseItem[]): void {
    if (line === '') return this.dispatch(items);
    if (line.startsWith(':')) return void items.push({ kind: 'comment', text: withoutSpace(line.slice(1)) });
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : withoutSpace(line.slice(colon + 1));
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.event = value;
    else if (field === 'id' && !value.includes('\0')) this.lastEventId = this.id = value;
  }

  private dispatch(items: SseItem[]): void {
    if (this.data.length > 0)
      items.push({
        kind: 'message',
        event: this.event === '' ? 'message' : this.event,
        data: this.data.join('\n'),
        ...(this.id === undefined ? {} : { id: this.id }),
        lastEventId: this.lastEventId,
      });
    this.data = [];
    this.event = '';
    this.id = undefined;
  }
}

const withoutSpace = (value: string) => (value.startsWith(' ') ? value.slice(1) : value);

/** The items of a `text/event-stream` body (e.g. fetch's `response.body`), as they arrive. */
export async function* readEventStream(body: AsyncIterable<Uint8Array>): AsyncGenerator<SseItem> {
  const decoder = new TextDecoder('utf-8');
  const parser = new EventStreamParser();
  for await (const chunk of body) yield* parser.push(decoder.decode(chunk, { stream: true }));
  yield* parser.push(decoder.decode());
  yield* parser.end();
}

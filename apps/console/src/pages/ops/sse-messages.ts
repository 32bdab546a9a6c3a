/** One Server-Sent Events message: its `event` name (default `message`), `id` and joined `data` lines. */
export interface SseMessage {
  readonly event: string;
  readonly id: string | null;
  readonly data: string;
}

/**
 * The messages of an event stream, from its lines (the WHATWG
 * "event stream interpretation", minus `retry`, which only EventSource uses):
 * fields accumulate until a blank line dispatches them; comments (`: heartbeat`)
 * and a message with no data dispatch nothing.
 */
export async function* sseMessages(lines: AsyncIterable<string>): AsyncGenerator<SseMessage> {
  let event = '';
  let id: string | null = null;
  let data: string[] = [];
  for await (const line of lines) {
    if (line === '') {
      if (data.length > 0) yield { event: event || 'message', id, data: data.join('\n') };
      event = '';
      data = [];
      continue;
    }
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    // One space after the colon belongs to the syntax, not the value.
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\0')) id = value;
  }
}

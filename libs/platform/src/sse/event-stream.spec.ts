import { EventStreamParser, readEventStream, type SseItem } from './event-stream';

const parse = (...pieces: string[]): SseItem[] => {
  const parser = new EventStreamParser();
  return [...pieces.flatMap((piece) => parser.push(piece)), ...parser.end()];
};

async function* bytes(...pieces: (string | Uint8Array)[]): AsyncGenerator<Uint8Array> {
  for (const piece of pieces) yield typeof piece === 'string' ? new TextEncoder().encode(piece) : piece;
}

describe('reading text/event-stream', () => {
  it('dispatches a message at each blank line, with its event name, data and id', () => {
    expect(parse('id: 7\nevent: recorded\ndata: {"a":1}\n\n: heartbeat\n\ndata: plain\n\n')).toEqual([
      { kind: 'message', event: 'recorded', data: '{"a":1}', id: '7', lastEventId: '7' },
      { kind: 'comment', text: 'heartbeat' },
      // No event field: `message`; the id carries over from the message before.
      { kind: 'message', event: 'message', data: 'plain', lastEventId: '7' },
    ]);
  });

  it('joins data lines, takes CRLF, LF and CR line ends, and a field with no colon or no space', () => {
    expect(parse('data:one\r\ndata: two\rdata\n\n')).toEqual([
      { kind: 'message', event: 'message', data: 'one\ntwo\n', lastEventId: '' },
    ]);
    expect(parse('data: x\r', '\n\r\n')).toEqual([{ kind: 'message', event: 'message', data: 'x', lastEventId: '' }]);
  });

  it('reads a message split anywhere, even inside a CRLF or a character', async () => {
    const whole = 'id: 12\r\nevent: fell-behind\r\ndata: {"resumeFrom":"12","note":"ü"}\r\n\r\n';
    const encoded = new TextEncoder().encode(whole);
    for (let cut = 1; cut < encoded.length; cut += 1) {
      const items: SseItem[] = [];
      for await (const item of readEventStream(bytes(encoded.slice(0, cut), encoded.slice(cut)))) items.push(item);
      expect(items).toEqual([
        { kind: 'message', event: 'fell-behind', data: '{"resumeFrom":"12","note":"ü"}', id: '12', lastEventId: '12' },
      ]);
    }
  });

  it('ignores retry, unknown fields, an id with NUL and an empty message; drops a message cut off at the end', () => {
    expect(parse('retry: 10\nfoo: bar\nid: a\0b\n\nid: 5\nevent: lost\n\ndata: kept\n\ndata: cut off')).toEqual([
      // The id of the message that was never dispatched still sets the last event id.
      { kind: 'message', event: 'message', data: 'kept', lastEventId: '5' },
    ]);
  });

  it('drops a byte order mark at the start only', () => {
    expect(parse('\uFEFFdata: a\n\n', '\uFEFFdata: b\n\n')).toEqual([
      { kind: 'message', event: 'message', data: 'a', lastEventId: '' },
    ]);
  });
});

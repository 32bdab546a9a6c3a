import { linesOf } from '../../api/streamed-response';
import { type SseMessage, sseMessages } from './sse-messages';

async function* chunks(...parts: string[]) {
  yield* parts;
}

async function messagesOf(...parts: string[]): Promise<SseMessage[]> {
  const found: SseMessage[] = [];
  for await (const message of sseMessages(linesOf(chunks(...parts)))) found.push(message);
  return found;
}

describe('reading the live tail as Server-Sent Events', () => {
  it('dispatches each message at its blank line, however the bytes were cut', async () => {
    expect(
      await messagesOf(
        'id: 41\nevent: rec',
        'orded\ndata: {"a":',
        '1}\n\nid: 42\r\nevent: recorded\r\ndata: {}\r\n\r\n',
      ),
    ).toEqual([
      { event: 'recorded', id: '41', data: '{"a":1}' },
      { event: 'recorded', id: '42', data: '{}' },
    ]);
  });

  it('skips heartbeats (comments) and joins data lines; a message with no data dispatches nothing', async () => {
    expect(
      await messagesOf(': heartbeat\n\n', 'event: fell-behind\ndata: {"resumeFrom":\ndata: "7"}\n\n', 'id: 9\n\n'),
    ).toEqual([{ event: 'fell-behind', id: null, data: '{"resumeFrom":\n"7"}' }]);
  });

  it('names a message without an event field `message`, and keeps the last id seen', async () => {
    expect(await messagesOf('id: 3\n\ndata: x\n\n')).toEqual([{ event: 'message', id: '3', data: 'x' }]);
  });
});

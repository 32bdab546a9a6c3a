import { sampleContractMessages } from '@licensing/contracts/testing';
import { serializeContractMessage, toContractRecord } from '@licensing/contracts';
import { toTopicMessages, wireSize } from './relay-topics';

const record = toContractRecord(sampleContractMessages()['license.state']);

describe('a record on the wire', () => {
  it('is sized by its serialised value, key and headers, in UTF-8 bytes', () => {
    const headers = Object.entries(record.headers).reduce(
      (sum, [name, value]) => sum + Buffer.byteLength(name) + Buffer.byteLength(value ?? ''),
      0,
    );
    const expected = serializeContractMessage(record.value).length + Buffer.byteLength(record.key) + headers;
    expect(wireSize(record)).toBe(expected);
    const named = { ...record, key: `${record.key}-ü` };
    expect(wireSize(named)).toBe(expected + Buffer.byteLength('-ü'));
  });

  it('is sent with the bytes it was sized by, grouped by prefixed topic in order', () => {
    const second = { ...record, key: 'other' };
    const [topic, ...others] = toTopicMessages('staging.', [record, second]);
    expect(others).toEqual([]);
    expect(topic?.topic).toBe(`staging.${record.topic}`);
    expect(topic?.messages.map((message) => message.key)).toEqual([record.key, 'other']);
    expect(topic?.messages[0]?.value).toEqual(serializeContractMessage(record.value));
  });
});

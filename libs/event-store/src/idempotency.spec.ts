import { DuplicateEventIdError, WrongExpectedRevisionError } from './errors';
import { checkExpectedRevision, planAppend, StoredEventRef } from './idempotency';

const ref = (id: string, revision: bigint, streamId = 'order-1'): StoredEventRef => ({
  id,
  streamId,
  revision,
  position: 100n + revision,
});

describe('planAppend', () => {
  it('writes when no id is stored yet', () => {
    expect(planAppend('order-1', 3n, [undefined, undefined])).toEqual({ kind: 'write' });
  });

  it.each<[string, 'any' | 'no_stream' | bigint, StoredEventRef[]]>([
    ['an exact revision', 4n, [ref('a', 5n), ref('b', 6n)]],
    ["'no_stream'", 'no_stream', [ref('a', 0n), ref('b', 1n)]],
    ["'any', wherever the events are", 'any', [ref('a', 5n), ref('b', 6n)]],
  ])('replays with %s when every id is stored consecutively at that place', (_, expected, stored) => {
    const last = stored[stored.length - 1]!;
    expect(planAppend('order-1', expected, stored)).toEqual({
      kind: 'replay',
      result: { nextExpectedRevision: last.revision, position: last.position },
    });
  });

  it.each<[string, 'any' | 'no_stream' | bigint, (StoredEventRef | undefined)[], RegExp]>([
    ['some ids stored, some not', 'any', [ref('a', 0n), undefined], /already stored but the others are not/],
    ['an id stored in another stream', 'any', [ref('a', 0n, 'order-2')], /already stored in stream order-2/],
    ['ids out of order', 'any', [ref('a', 1n), ref('b', 0n)], /not consecutively/],
    ['ids at another place than expected', 0n, [ref('a', 3n)], /from revision 3, not from revision 1/],
    ["'no_stream' for ids stored later in the stream", 'no_stream', [ref('a', 2n)], /not from revision 0/],
  ])('refuses %s', (_, expected, stored, message) => {
    expect(() => planAppend('order-1', expected, stored)).toThrow(DuplicateEventIdError);
    expect(() => planAppend('order-1', expected, stored)).toThrow(message);
  });
});

describe('checkExpectedRevision', () => {
  it('accepts matching expectations', () => {
    expect(() => checkExpectedRevision('order-1', 'any', 4n)).not.toThrow();
    expect(() => checkExpectedRevision('order-1', 'any', undefined)).not.toThrow();
    expect(() => checkExpectedRevision('order-1', 'no_stream', undefined)).not.toThrow();
    expect(() => checkExpectedRevision('order-1', 4n, 4n)).not.toThrow();
  });

  it('reports the actual revision on a conflict', () => {
    expect(() => checkExpectedRevision('order-1', 'no_stream', 0n)).toThrow(
      expect.objectContaining({ expected: 'no_stream', actual: 0n }),
    );
    try {
      checkExpectedRevision('order-1', 2n, undefined);
      throw new Error('expected a conflict');
    } catch (error) {
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ streamId: 'order-1', expected: 2n, actual: 'no_stream' });
      expect((error as Error).message).toBe(
        'Stream order-1 is at no stream, but the append expected revision 2. Another writer got there first: reload the stream, decide again and retry.',
      );
    }
  });
});

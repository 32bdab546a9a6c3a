import { BACKWARDS, END, FORWARDS, NO_STREAM, START } from '@eventstore/db-client';
import {
  actualRevisionFrom,
  checkedMaxCount,
  expectedRevisionForError,
  expectedRevisionForWrite,
  toClientReadStreamOptions,
} from './revisions';

describe('revision mapping', () => {
  it("writes with the head the adapter read: the client's NO_STREAM for a new stream, else that exact revision", () => {
    expect(expectedRevisionForWrite(undefined)).toBe(NO_STREAM);
    expect(expectedRevisionForWrite(0n)).toBe(0n);
    expect(expectedRevisionForWrite(41n)).toBe(41n);
  });

  it("reads the client's current revision as ours: 'no_stream' (or the old -1) is no stream", () => {
    expect(actualRevisionFrom(NO_STREAM)).toBe('no_stream');
    expect(actualRevisionFrom(-1n)).toBe('no_stream');
    expect(actualRevisionFrom(7n)).toBe(7n);
  });

  it("reports the caller's expectation in a conflict, and for 'any' the head its last attempt expected", () => {
    expect(expectedRevisionForError('no_stream', 3n)).toBe('no_stream');
    expect(expectedRevisionForError(2n, 3n)).toBe(2n);
    expect(expectedRevisionForError('any', 3n)).toBe(3n);
    expect(expectedRevisionForError('any', undefined)).toBe('no_stream');
  });

  it('maps read options: direction, inclusive fromRevision with START / END defaults, maxCount', () => {
    expect(toClientReadStreamOptions({})).toEqual({ direction: FORWARDS, fromRevision: START, resolveLinkTos: false });
    expect(toClientReadStreamOptions({ direction: 'backwards' })).toEqual({
      direction: BACKWARDS,
      fromRevision: END,
      resolveLinkTos: false,
    });
    expect(toClientReadStreamOptions({ direction: 'backwards', fromRevision: 4n, maxCount: 1 })).toEqual({
      direction: BACKWARDS,
      fromRevision: 4n,
      maxCount: 1n,
      resolveLinkTos: false,
    });
    expect(toClientReadStreamOptions({ fromRevision: 2n, maxCount: 3, raw: true })).toEqual({
      direction: FORWARDS,
      fromRevision: 2n,
      maxCount: 3n,
      resolveLinkTos: false,
    });
  });

  it('refuses a negative or fractional maxCount instead of reading everything', () => {
    expect(checkedMaxCount(0)).toBe(0);
    expect(() => checkedMaxCount(-1)).toThrow(RangeError);
    expect(() => checkedMaxCount(1.5)).toThrow('maxCount must be a whole number ≥ 0, got 1.5');
  });
});

import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  ErrorType,
  NotLeaderError,
  StreamDeletedError,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { EventStoreError, WrongExpectedRevisionError } from '@licensing/event-store';
import {
  isStreamNotFound,
  isTransientSubscriptionError,
  isWrongExpectedVersion,
  toWrongExpectedRevision,
} from './client-errors';

// The client's real classes. Most constructors take (serviceError?, message?)
// or an explicit details object, so they are built the way the client builds
// them. NotLeaderError's constructor needs a gRPC ServiceError with leader
// metadata, so it is made with Object.create and the fields the client sets
// (type, leader, message).
function notLeader(): NotLeaderError {
  return Object.assign(Object.create(NotLeaderError.prototype) as NotLeaderError, {
    type: ErrorType.NOT_LEADER,
    leader: { address: 'node2', port: 2113 },
    message: 'Leader info available',
  });
}

describe('client error mapping', () => {
  it("maps the client's WrongExpectedVersionError to ours with the caller's expectation and the actual revision", () => {
    const clientError = new WrongExpectedVersionError(undefined, {
      streamName: 'license-1',
      expected: 4n,
      current: 6n,
    });
    expect(isWrongExpectedVersion(clientError)).toBe(true);
    const ours = toWrongExpectedRevision(clientError, 'license-1', 3n);
    expect(ours).toBeInstanceOf(WrongExpectedRevisionError);
    expect(ours).toMatchObject({
      code: 'event_store.wrong_expected_revision',
      streamId: 'license-1',
      expected: 3n,
      actual: 6n,
    });
    expect(ours.message).toBe(
      'Stream license-1 is at revision 6, but the append expected revision 3. Another writer got there first: reload the stream, decide again and retry.',
    );
  });

  it("maps a stream the server reports missing to actual 'no_stream'", () => {
    const clientError = new WrongExpectedVersionError(undefined, {
      streamName: 'license-1',
      expected: 0n,
      current: 'no_stream',
    });
    expect(toWrongExpectedRevision(clientError, 'license-1', 0n)).toMatchObject({ expected: 0n, actual: 'no_stream' });
  });

  it('recognises a missing stream (read as empty) and nothing else', () => {
    expect(isStreamNotFound(new StreamNotFoundError(undefined, 'license-1'))).toBe(true);
    expect(isStreamNotFound(StreamDeletedError.fromStreamName('license-1'))).toBe(false);
    expect(isStreamNotFound(new Error('license-1 not found'))).toBe(false);
    expect(isWrongExpectedVersion(new UnavailableError(undefined, 'down'))).toBe(false);
  });

  it('re-subscribes after connection loss, leader change, timeouts and raw gRPC transport failures', () => {
    const transient = [
      new UnavailableError(undefined, 'connect ECONNREFUSED'),
      notLeader(),
      new DeadlineExceededError(undefined, 'deadline'),
      new CancelledError(undefined, 'cancelled by server'),
      Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 }),
      Object.assign(new Error('13 INTERNAL: Received RST_STREAM'), { code: 13 }),
    ];
    expect(transient.map(isTransientSubscriptionError)).toEqual(transient.map(() => true));
  });

  it('stops on failures a retry cannot fix: access denied, a deleted stream, malformed events, bugs', () => {
    const permanent = [
      new AccessDeniedError(undefined, 'Access denied'),
      StreamDeletedError.fromStreamName('license-1'),
      new EventStoreError('event_store.malformed_event', 'not an envelope'),
      new TypeError('x is undefined'),
      'a string',
      Object.assign(new Error('3 INVALID_ARGUMENT'), { code: 3 }),
    ];
    expect(permanent.map(isTransientSubscriptionError)).toEqual(permanent.map(() => false));
  });
});

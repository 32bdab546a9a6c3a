import { ProposedEvent } from './envelope';
import { InvalidAppendError } from './errors';
import { ExpectedRevision } from './event-store';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `<category>-<id>` with both parts non-empty, so EventStoreDB's
 * `$by_category` projection works. `$`-prefixed ids are system streams.
 */
export function isValidStreamId(streamId: string): boolean {
  const dash = streamId.indexOf('-');
  return dash > 0 && dash < streamId.length - 1 && !streamId.startsWith('$');
}

/** Refuses malformed appends before any adapter touches storage. */
export function validateAppend(
  streamId: string,
  events: readonly ProposedEvent[],
  expectedRevision: ExpectedRevision,
): void {
  const refuse = (reason: string): never => {
    throw new InvalidAppendError(streamId, reason);
  };
  if (!isValidStreamId(streamId)) refuse('a stream id has the form <category>-<id>, e.g. license-42');
  if (events.length === 0) refuse('an append needs at least one event');
  if (typeof expectedRevision === 'bigint' && expectedRevision < 0n) {
    refuse(`expectedRevision ${expectedRevision} is negative; use 'no_stream' for a new stream`);
  }
  const ids = new Set<string>();
  for (const event of events) {
    if (!UUID.test(event.id)) refuse(`event id ${JSON.stringify(event.id)} is not a UUID`);
    if (ids.has(event.id)) refuse(`event id ${event.id} appears twice in the same append`);
    ids.add(event.id);
    if (event.type.length === 0) refuse(`event ${event.id} has an empty type`);
    if (!Number.isInteger(event.version) || event.version < 1) {
      refuse(`event ${event.id} has schema version ${event.version}; versions are integers from 1`);
    }
  }
}

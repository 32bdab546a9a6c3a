import { RecordedEvent, StoredEventRef } from '@licensing/event-store';

/** What an append must know of its stream before it seals and writes. */
export interface AppendSnapshot {
  /** The last event: its revision is the next expected one and its hash the next prevHash. */
  readonly head?: { readonly revision: bigint; readonly hash: string };
  /** Where each proposed id is already stored in this stream (undefined: not there). */
  readonly stored: readonly (StoredEventRef | undefined)[];
}

/** Reads a stream backwards from `fromRevision` (or the end), raw, at most `maxCount` events. */
export type ReadBackwards = (fromRevision: bigint | undefined, maxCount: number) => Promise<RecordedEvent[]>;

/**
 * Reads the stream backwards page by page for its head and for where the
 * proposed ids are stored, stopping once every id is found or the stream's
 * start is reached. EventStoreDB has no lookup by event id, so this scan of
 * the target stream is how the port's idempotency rule (planAppend) gets
 * its input; a stream shorter than one page costs a single read. Ids stored
 * in other streams cannot be seen here (see README, "Idempotency").
 *
 * Ids are compared in lower case: the server returns UUIDs that way.
 */
export async function readAppendSnapshot(
  read: ReadBackwards,
  ids: readonly string[],
  pageSize: number,
): Promise<AppendSnapshot> {
  const wanted = new Map(ids.map((id, index) => [id.toLowerCase(), index]));
  const stored: (StoredEventRef | undefined)[] = ids.map(() => undefined);
  let found = 0;
  let head: AppendSnapshot['head'];
  let from: bigint | undefined;
  for (;;) {
    const page = await read(from, pageSize);
    const first = page[0];
    if (first && head === undefined) head = { revision: first.revision, hash: first.integrity.hash };
    for (const event of page) {
      const index = wanted.get(event.id.toLowerCase());
      if (index !== undefined && stored[index] === undefined) {
        stored[index] = { id: event.id, streamId: event.streamId, revision: event.revision, position: event.position };
        found += 1;
      }
    }
    const last = page[page.length - 1];
    if (found === ids.length || page.length < pageSize || !last || last.revision === 0n) return { head, stored };
    from = last.revision - 1n;
  }
}

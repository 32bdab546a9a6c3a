import type { EventStore } from '@licensing/event-store';

const SCAN_BATCH = 1000;

/**
 * The position of the last event in `$all`, null while it is empty: the
 * store's own answer where the port offers one (SQLite: the primary key's
 * end), else one read of `$all` to its end.
 */
export async function headPosition(store: EventStore): Promise<bigint | null> {
  if (store.readHeadPosition) return store.readHeadPosition();
  let head: bigint | null = null;
  for (;;) {
    const fromPosition = head === null ? undefined : head + 1n;
    const batch = await store.readAll({ fromPosition, maxCount: SCAN_BATCH, raw: true });
    head = batch.at(-1)?.position ?? head;
    if (batch.length < SCAN_BATCH) return head;
  }
}

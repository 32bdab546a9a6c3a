import type { RecordedEvent } from '@licensing/event-store';
import { matchesFilter } from '@licensing/event-store';
import type { Projection } from '../../projection';

/** The runner's loop without I/O: filter, keys, evolve, delete on null. */
export function applyProjection<Doc>(projection: Projection<Doc>, events: readonly RecordedEvent[]): Map<string, Doc> {
  const docs = new Map<string, Doc>();
  for (const event of events) {
    if (!matchesFilter(projection.filter, event)) continue;
    for (const key of projection.keysOf(event)) {
      const next = projection.evolve(docs.get(key) ?? null, event, key);
      if (next === null) docs.delete(key);
      else docs.set(key, next);
    }
  }
  return docs;
}

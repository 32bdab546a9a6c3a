import type { RecordedEvent } from '@licensing/event-store';
import type { DocumentStore } from './document-store';
import type { Projection } from './projection';

/**
 * Writes what one event does to a read model's documents, kept under
 * `storage` (the read model's name, or a rebuild's shadow name). Run it
 * inside a transaction: a throw midway leaves writes the caller must roll back.
 */
export function applyEvent(documents: DocumentStore, projection: Projection, event: RecordedEvent, storage: string) {
  for (const key of projection.keysOf(event)) {
    const next = projection.evolve(documents.get(storage, key), event, key);
    if (next === null) documents.delete(storage, key, projection.index);
    else documents.put(storage, key, next, projection.index);
  }
}

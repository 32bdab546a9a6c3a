import type { RecordedEvent } from '@licensing/event-store';
import type { DocumentStore } from './document-store';
import type { Projection } from './projection';

/** One document as an event leaves it. */
export interface DocumentChange {
  readonly key: string;
  /** Its next version; null: deleted. */
  readonly doc: unknown;
  /** The store held a version of it before: only then can it have index rows to replace. */
  readonly stored: boolean;
}

/** A document as it is now (null: none), and whether the store holds it. */
export type DocumentRead = (key: string) => { readonly doc: unknown; readonly stored: boolean };

/**
 * What one event does to a read model's documents, computed before anything
 * is written: an event that throws midway leaves nothing to undo. A key
 * named twice evolves from its own first result.
 */
export function evolveDocuments(projection: Projection, event: RecordedEvent, read: DocumentRead): DocumentChange[] {
  const changes = new Map<string, DocumentChange>();
  for (const key of projection.keysOf(event)) {
    const current = changes.get(key) ?? { key, ...read(key) };
    changes.set(key, { key, doc: projection.evolve(current.doc, event, key), stored: current.stored });
  }
  return [...changes.values()];
}

/**
 * Writes what one event does to a read model's documents, kept under
 * `storage` (the read model's name, or a rebuild's shadow name), at once.
 * Run it inside a transaction: a failing write leaves writes the caller must roll back.
 */
export function applyEvent(documents: DocumentStore, projection: Projection, event: RecordedEvent, storage: string) {
  const read: DocumentRead = (key) => {
    const doc = documents.get(storage, key);
    return { doc, stored: doc !== null };
  };
  for (const { key, doc } of evolveDocuments(projection, event, read)) {
    if (doc === null) documents.delete(storage, key, projection.index);
    else documents.put(storage, key, doc, projection.index);
  }
}

import type { RecordedEvent, SubscriptionFilter } from '@licensing/event-store';
import type { ProjectionIndex } from './indexes/read-model-index';

/**
 * A read model as pure functions over documents: for each event, which
 * documents it touches, and how each one evolves. Returning null deletes the
 * document. The runner owns all I/O, so rebuild and live follow run the same
 * code.
 */
export interface Projection<Doc = unknown> {
  /** Stable name; the documents and the checkpoint are stored under it. */
  readonly name: string;
  /**
   * Bump when evolve changes meaning: the runner then rebuilds this read
   * model from position 0 on its next start.
   */
  readonly version: number;
  /** Only matching events reach this projection. */
  readonly filter: SubscriptionFilter;
  /** The ids of the documents this event changes (none: ignore it). */
  keysOf(event: RecordedEvent): readonly string[];
  evolve(doc: Doc | null, event: RecordedEvent, key: string): Doc | null;
  /** Rows of SQL index tables derived from each document, written with it (lists read them). */
  readonly index?: ProjectionIndex<Doc>;
}

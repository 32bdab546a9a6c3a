import type { Checkpoint, DocumentStore } from './document-store';
import type { DocumentChange } from './apply-event';
import type { ProjectionIndex } from './indexes/read-model-index';

export interface WriteBatchLimits {
  /** Events held before the batch is written. */
  readonly maxEvents: number;
  /** How long the oldest held event waits, at most, before the batch is written. */
  readonly maxHeldMs: number;
}

export const DEFAULT_WRITE_BATCH: WriteBatchLimits = { maxEvents: 10_000, maxHeldMs: 250 };

interface HeldDocument {
  doc: unknown;
  readonly index: ProjectionIndex<unknown> | undefined;
  /** The store had no such document when the batch first read it: it has no index rows to replace. */
  readonly fresh: boolean;
}

interface HeldCheckpoint {
  readonly checkpoint: Checkpoint;
  readonly at: string;
}

/**
 * Catching up applies many events in a row to the same documents: a case's
 * application is submitted, accepted, reviewed and approved within a few
 * thousand events of the log. Writing each event's documents and index rows
 * at once rewrote every document and row once per event. A batch holds the
 * documents in memory instead, newest version only, and writes each one
 * (and its changed index rows) and each read model's checkpoint once, in
 * one transaction, when it holds `maxEvents`, its oldest event has waited
 * `maxHeldMs`, or someone asks (`commit`: a reader waiting for a position,
 * catching up ended, a rebuild swapping in, the runner stopping). Live
 * events are held only until the next turn of the event loop: the commands
 * answered in one burst are written in one transaction instead of one per
 * event and read model, and a reader waiting for one of them gets it
 * written before it is told.
 *
 * An event is taken whole or not at all (`record` after every document is
 * evolved), so a poison event leaves nothing behind. Documents and
 * checkpoints commit together: a crash or a failed commit loses the batch
 * whole and the read models replay it from their stored checkpoints
 * (`onLost`).
 */
export class WriteBatch {
  private readonly documents = new Map<string, Map<string, HeldDocument>>();
  private readonly checkpoints = new Map<string, HeldCheckpoint>();
  private events = 0;
  private timer: NodeJS.Timeout | null = null;
  private immediate: NodeJS.Immediate | null = null;

  constructor(
    private readonly store: DocumentStore,
    /** The batch could not be written and is gone: what was applied in memory since must be applied again. */
    private readonly onLost: (error: unknown) => void,
    private readonly limits: WriteBatchLimits = DEFAULT_WRITE_BATCH,
  ) {}

  /** The document as the batch holds it, else as stored. */
  read(storage: string, id: string): { doc: unknown; stored: boolean } {
    const held = this.documents.get(storage)?.get(id);
    if (held !== undefined) return { doc: held.doc, stored: !held.fresh };
    const doc = this.store.get(storage, id);
    return { doc, stored: doc !== null };
  }

  /** One event's outcome for the read model kept under `storage`: its documents and the checkpoint past it. */
  record(
    storage: string,
    changes: readonly DocumentChange[],
    index: ProjectionIndex<unknown> | undefined,
    checkpoint: HeldCheckpoint,
    /** Live: written on the next turn of the event loop, with every event that arrived in the same burst. */
    { soon = false }: { readonly soon?: boolean } = {},
  ): void {
    let held = this.documents.get(storage);
    if (held === undefined) this.documents.set(storage, (held = new Map<string, HeldDocument>()));
    for (const { key, doc, stored } of changes) {
      const before = held.get(key);
      if (before !== undefined) before.doc = doc;
      else held.set(key, { doc, index, fresh: !stored });
    }
    this.checkpoints.set(storage, checkpoint);
    this.events += 1;
    if (this.events >= this.limits.maxEvents) this.commit();
    else if (soon) this.immediate ??= setImmediate(() => this.commit());
    else this.timer ??= setTimeout(() => this.commit(), this.limits.maxHeldMs);
  }

  /** Holds anything to write. */
  get pending(): boolean {
    return this.events > 0;
  }

  /** Forgets what it holds for `storage` (a shadow dropped): nothing of it is written. */
  forget(storage: string): void {
    this.documents.delete(storage);
    this.checkpoints.delete(storage);
  }

  /** Writes what the batch holds, now, in one transaction (nothing when it holds nothing). */
  commit(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.timer = null;
    this.immediate = null;
    if (this.events === 0) return;
    const documents = [...this.documents];
    const checkpoints = [...this.checkpoints];
    this.documents.clear();
    this.checkpoints.clear();
    this.events = 0;
    try {
      this.store.transaction(() => {
        for (const [storage, held] of documents) {
          for (const [id, { doc, index, fresh }] of held) {
            if (doc === null) {
              if (!fresh) this.store.delete(storage, id, index);
            } else this.store.put(storage, id, doc, index, { fresh });
          }
        }
        for (const [storage, { checkpoint, at }] of checkpoints) this.store.saveCheckpoint(storage, checkpoint, at);
      });
    } catch (error) {
      this.onLost(error);
    }
  }
}

import type { EventStore } from '@licensing/event-store';
import { applyEvent } from '../apply-event';
import type { DocumentStore } from '../document-store';
import type { Projection } from '../projection';
import { isInfrastructureFailure, messageOf } from './event-parking';
import type { ParkedEvent, ParkedEventStore } from './parked-event-store';

export type RetryResult = { readonly outcome: 'applied' } | { readonly outcome: 'failed'; readonly error: string };

/**
 * What ops do with the events the read models parked: list them, apply one
 * again now (after a fix), or give one up for good. A retry applies the
 * event to the documents as they are now, after the events the read model
 * went on with, exactly as the live run would have had it not failed; the
 * checkpoint stays where it is.
 */
export class ParkedProjectionEvents {
  constructor(
    private readonly store: EventStore,
    private readonly documents: DocumentStore,
    private readonly projections: readonly Projection[],
    private readonly parked: ParkedEventStore,
    private readonly now: () => string,
    /** Writes what the runner holds unwritten, so the retry applies to the documents as they are. */
    private readonly flushHeld: () => void = () => undefined,
  ) {}

  list(): ParkedEvent[] {
    return this.parked.list();
  }

  /** Events waiting for ops, per read model (those with none are absent). */
  parkedCounts(): Map<string, number> {
    return this.parked.parkedCounts();
  }

  find(readModel: string, position: bigint): ParkedEvent | null {
    return this.parked.find(readModel, position);
  }

  /**
   * Applies the parked event again. Applied: it is resolved; failed again:
   * it stays parked with the new error. Throws when the event cannot be read
   * or SQLite fails (nothing changes then).
   */
  async retry(readModel: string, position: bigint): Promise<RetryResult> {
    const parked = this.requireParked(readModel, position);
    const projection = this.projections.find((p) => p.name === readModel);
    if (projection === undefined) throw new Error(`No read model named ${readModel} runs in this process`);
    const [event] = await this.store.readAll({ fromPosition: position, maxCount: 1 });
    if (event === undefined || event.position !== position || event.id !== parked.eventId)
      throw new Error(`The event store has no event ${parked.eventId} at position ${position}`);
    this.flushHeld();
    try {
      this.documents.transaction(() => {
        applyEvent(this.documents, projection, event, readModel);
        this.parked.markResolved(readModel, position, this.now());
      });
      return { outcome: 'applied' };
    } catch (error) {
      if (isInfrastructureFailure(error, this.parked.db)) throw error;
      this.parked.recordFailedRetry(readModel, position, messageOf(error), this.now());
      return { outcome: 'failed', error: messageOf(error) };
    }
  }

  /** Gives it up for good: the read model never applies it (see EventParking for a rebuild). */
  skip(readModel: string, position: bigint): void {
    this.requireParked(readModel, position);
    this.parked.markSkipped(readModel, position, this.now());
  }

  private requireParked(readModel: string, position: bigint): ParkedEvent {
    const parked = this.parked.find(readModel, position);
    if (parked?.state !== 'parked')
      throw new Error(`${readModel} has no parked event at position ${position} (${parked?.state ?? 'none'})`);
    return parked;
  }
}

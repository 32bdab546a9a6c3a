import { type EventStore, matchesFilter, readAllAsStored, type SubscriptionFilter } from '@licensing/event-store';

export interface LagProbeSettings {
  /** Events per `readAll`. */
  readonly pageSize: number;
  /** Pages read per probe, so one probe stays cheap however far behind the relay is. */
  readonly maxPagesPerProbe: number;
  /** Relayed positions held at most; beyond that the lag is reported as a lower bound. */
  readonly maxPending: number;
}

const DEFAULTS: LagProbeSettings = { pageSize: 1000, maxPagesPerProbe: 10, maxPending: 100_000 };

/**
 * Finds the store's head and the relayed events not yet published, through
 * the port alone (it has no "last position" call): it reads `$all` forward
 * from where it stopped last time, so every event is read once by the
 * probe, however often it runs. It remembers the positions of relayed events
 * beyond the published checkpoint and forgets them as the checkpoint passes.
 */
export class LagProbe {
  private readonly settings: LagProbeSettings;
  private scannedTo: bigint | null = null;
  private pending: bigint[] = [];
  private headReached = false;

  constructor(
    private readonly store: EventStore,
    private readonly filter: SubscriptionFilter,
    settings: Partial<LagProbeSettings> = {},
  ) {
    this.settings = { ...DEFAULTS, ...settings };
  }

  async probe(published: bigint | null): Promise<void> {
    this.forgetPublished(published);
    const { pageSize, maxPagesPerProbe, maxPending } = this.settings;
    for (let page = 0; page < maxPagesPerProbe; page += 1) {
      if (this.pending.length >= maxPending) {
        this.headReached = false;
        return;
      }
      const fromPosition = this.scannedTo === null ? undefined : this.scannedTo + 1n;
      // The probe needs positions, streams and types, not parsed JSON.
      const batch = await readAllAsStored(this.store, { fromPosition, maxCount: pageSize });
      for (const event of batch) {
        if (matchesFilter(this.filter, event)) this.pending.push(event.position);
        this.scannedTo = event.position;
      }
      this.headReached = batch.length < pageSize;
      if (this.headReached) return;
    }
  }

  /** The relayed events after `published` that the probe has seen, and whether it has seen up to the head. */
  lag(published: bigint | null): { storePosition: bigint | null; lagEvents: number; lagExact: boolean } {
    this.forgetPublished(published);
    const storePosition =
      this.scannedTo === null || (published !== null && published > this.scannedTo) ? published : this.scannedTo;
    return { storePosition, lagEvents: this.pending.length, lagExact: this.headReached };
  }

  private forgetPublished(published: bigint | null): void {
    if (published === null) return;
    // The relay got ahead of the probe: nothing up to the checkpoint is pending.
    if (this.scannedTo === null || this.scannedTo < published) {
      this.scannedTo = published;
      this.pending = [];
      return;
    }
    let done = 0;
    while (done < this.pending.length && this.pending[done]! <= published) done += 1;
    if (done > 0) this.pending.splice(0, done);
  }
}

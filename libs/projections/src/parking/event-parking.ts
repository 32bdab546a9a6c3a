import Database from 'better-sqlite3';
import type { RecordedEvent } from '@licensing/event-store';
import type { ParkedEventStore } from './parked-event-store';

/** A read model gives up on an event after this many failed attempts in a row, and parks it. */
export const DEFAULT_PARK_AFTER_ATTEMPTS = 5;

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The rule that tells a poison event from an infrastructure failure: what
 * SQLite itself reports (a `SqliteError`: disk I/O, a full disk, a locked,
 * read-only or corrupt file) or a closed database is the infrastructure's,
 * and would fail the next event just the same, so it is retried forever and
 * never parks (parking would drain the whole log into the table). The store
 * failing never gets here: it ends the subscription (`onError`), which
 * re-subscribes. Anything else thrown while applying one event comes from
 * the read model's own code on that event (`keysOf`, `evolve`, a document
 * JSON cannot hold), so it fails the same way however often it is retried.
 */
export function isInfrastructureFailure(error: unknown, db: Database.Database): boolean {
  return error instanceof Database.SqliteError || !db.open;
}

interface Failing {
  readonly position: bigint;
  readonly attempts: number;
  readonly firstFailedAt: string;
}

export interface ParkingOptions {
  readonly parkAfterAttempts: number;
  readonly now: () => string;
  readonly log: (message: string) => void;
}

/**
 * Applies one event for a subscription run, or parks it. A poison event is
 * rethrown (the run re-subscribes after its backoff and meets it again)
 * until it has failed `parkAfterAttempts` times in a row; then it is
 * recorded in `parked_events` and the caller's transaction moves the
 * checkpoint past it, so later events flow. An event parked before (a
 * rebuild meets it again) parks at its first failure, and one ops skipped
 * is passed over at once; either that applies cleanly now (the read model
 * was fixed) is applied like any other.
 */
export class EventParking {
  /** Per subscription run (a live run and a rebuild's shadow run count apart). */
  private readonly failing = new WeakMap<object, Failing>();

  constructor(
    private readonly parked: ParkedEventStore,
    private readonly options: ParkingOptions,
  ) {
    if (!Number.isInteger(options.parkAfterAttempts) || options.parkAfterAttempts < 1)
      throw new RangeError(`parkAfterAttempts must be a whole number ≥ 1, got ${options.parkAfterAttempts}`);
  }

  /**
   * Runs `apply` (what the event does to the read model), which must leave
   * nothing behind when it throws: its writes under a savepoint of the
   * caller's transaction, or nothing written at all. True: applied; false:
   * parked or skipped. Throws to retry.
   */
  applyOrPark(run: object, readModel: string, event: RecordedEvent, apply: () => void): boolean {
    try {
      apply();
      this.failing.delete(run);
      return true;
    } catch (error) {
      if (isInfrastructureFailure(error, this.parked.db)) throw error;
      return this.poisoned(run, readModel, event, error);
    }
  }

  private poisoned(run: object, readModel: string, event: RecordedEvent, error: unknown): boolean {
    const known = this.parked.find(readModel, event.position);
    const where = `${readModel}: event ${event.id} (${event.type}) at position ${event.position}`;
    if (known?.state === 'skipped') {
      this.options.log(`${where} fails again and was skipped by ops: passed over`);
      this.failing.delete(run);
      return false;
    }
    const now = this.options.now();
    const before = this.failing.get(run);
    const again = before?.position === event.position ? before : undefined;
    const attempts = (again?.attempts ?? 0) + 1;
    const firstFailedAt = again?.firstFailedAt ?? now;
    if (known === null && attempts < this.options.parkAfterAttempts) {
      this.failing.set(run, { position: event.position, attempts, firstFailedAt });
      throw error;
    }
    this.failing.delete(run);
    this.parked.park({ readModel, event, error: messageOf(error), attempts, firstFailedAt, at: now });
    this.options.log(
      `${where} parked after ${attempts} failed attempt(s); later events go on (GET /ops/parked-events). ${messageOf(error)}`,
    );
    return false;
  }
}

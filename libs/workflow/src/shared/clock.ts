/**
 * The only source of "now" in the service. Tests and replays inject a fixed
 * or stepping clock; nothing calls Date.now() directly.
 */
export interface Clock {
  /** The current instant, ISO 8601 UTC. */
  now(): string;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date().toISOString() };

/** A clock a test can set and advance. */
export class ManualClock implements Clock {
  private instant: string;

  // Normalised like the system clock's, so `…T02:00:00Z` and
  // `…T02:00:00.000Z` are one instant in every record and comparison.
  constructor(instant: string) {
    this.instant = new Date(instant).toISOString();
  }

  now(): string {
    return this.instant;
  }

  set(instant: string): void {
    this.instant = new Date(instant).toISOString();
  }

  advanceDays(days: number): void {
    this.instant = new Date(Date.parse(this.instant) + days * 86_400_000).toISOString();
  }
}

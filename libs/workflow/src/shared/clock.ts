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
  constructor(private instant: string) {}

  now(): string {
    return this.instant;
  }

  set(instant: string): void {
    this.instant = instant;
  }

  advanceDays(days: number): void {
    this.instant = new Date(Date.parse(this.instant) + days * 86_400_000).toISOString();
  }
}

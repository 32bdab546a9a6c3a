import type { LicenseStateSnapshot } from '@licensing/contracts';

/**
 * `applied`: the snapshot replaced an older one (or was the first).
 * `stale`: the book already holds this version or a later one, so the
 * snapshot was a redelivery or arrived late and changed nothing.
 */
export type BookOutcome =
  | {
      readonly outcome: 'applied';
      readonly licenseId: string;
      readonly version: number;
      readonly previousVersion: number | null;
    }
  | { readonly outcome: 'stale'; readonly licenseId: string; readonly version: number; readonly heldVersion: number };

/**
 * What the gate knows about each license: its latest `license.state`
 * snapshot. Delivery is at least once and a relay crash re-sends, so a
 * snapshot can arrive twice or after a newer one; the license stream's
 * revision (`version`) decides, as the contract says, and `lastPosition`
 * must agree with it, so an inconsistent producer is caught, not absorbed.
 */
export class GateLicenseBook {
  private readonly licenses = new Map<string, LicenseStateSnapshot>();

  apply(snapshot: LicenseStateSnapshot): BookOutcome {
    const held = this.licenses.get(snapshot.licenseId);
    if (held !== undefined && snapshot.version <= held.version) {
      return { outcome: 'stale', licenseId: snapshot.licenseId, version: snapshot.version, heldVersion: held.version };
    }
    if (held !== undefined && BigInt(snapshot.lastPosition) <= BigInt(held.lastPosition)) {
      throw new Error(
        `license.state for ${snapshot.licenseId} has version ${snapshot.version} above the held ${held.version} but position ` +
          `${snapshot.lastPosition} not above ${held.lastPosition}: the producer broke the contract (both grow together). ` +
          'The message is left uncommitted; fix the relay.',
      );
    }
    this.licenses.set(snapshot.licenseId, snapshot);
    return {
      outcome: 'applied',
      licenseId: snapshot.licenseId,
      version: snapshot.version,
      previousVersion: held?.version ?? null,
    };
  }

  get(licenseId: string): LicenseStateSnapshot | undefined {
    return this.licenses.get(licenseId);
  }

  has(licenseId: string): boolean {
    return this.licenses.has(licenseId);
  }

  get size(): number {
    return this.licenses.size;
  }

  /** Builds a book from snapshots in delivery order; for tests and replays. */
  static of(snapshots: Iterable<LicenseStateSnapshot>): GateLicenseBook {
    const book = new GateLicenseBook();
    for (const snapshot of snapshots) book.apply(snapshot);
    return book;
  }
}

import type { IssuedLicenseState, LegalDate, LineQuantity } from '@licensing/domain';
import type { KnownApplicationState } from '../application-status';
import type { HistoryEntry } from '../parse-event';

/**
 * Documents of the `license-state` read model, keyed `application:<id>` and
 * `license:<id>`. Each holds the domain's own fold of its stream (`state`,
 * built with the domain's evolve), so status rules are the domain's; the
 * extra fields are what the fold drops but readers need.
 */
export interface ApplicationDocument {
  readonly kind: 'application';
  readonly id: string;
  readonly state: KnownApplicationState;
  /** Kept here because the domain state drops them once the case is decided. */
  readonly submittedOn: LegalDate | null;
  readonly reviewDeadline: LegalDate | null;
  readonly reviewerId: string | null;
  /** Set by the LicenseIssued event of the license stream. */
  readonly licenseId: string | null;
  readonly history: readonly HistoryEntry[];
  /** Revision of the last event of the application's own stream applied. */
  readonly revision: number;
}

export interface ShipmentEntry {
  readonly shipmentId: string;
  readonly shippedOn: LegalDate;
  readonly customsDeclarationRef: string;
  readonly lines: readonly LineQuantity[];
}

export interface LicenseDocument {
  readonly kind: 'license';
  readonly id: string;
  readonly state: IssuedLicenseState;
  readonly issuedOn: LegalDate;
  readonly shipments: readonly ShipmentEntry[];
  readonly history: readonly HistoryEntry[];
  /** Stream revision of the last event applied: the license's ETag. */
  readonly revision: number;
}

export type LicenseStateDocument = ApplicationDocument | LicenseDocument;

export const LICENSE_STATE = 'license-state';

export const applicationKey = (applicationId: string) => `application:${applicationId}`;
export const licenseKey = (licenseId: string) => `license:${licenseId}`;

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
  /** Every document the case names: the draft's own, then each supplied one, with the bytes' hash where uploaded. */
  readonly documents: readonly DocumentEntry[];
  readonly history: readonly HistoryEntry[];
  /** Revision of the last event of the application's own stream applied. */
  readonly revision: number;
}

/** A document named by an application, as the events recorded it. */
export interface DocumentEntry {
  readonly name: string;
  readonly ref: string;
  /** The SHA-256 of the bytes reviewed (GET /documents/{sha256}); null for a document recorded without them. */
  readonly sha256: string | null;
  readonly mediaType: string | null;
  /** `application`: named in the draft; `supplied`: supplied on request. */
  readonly source: 'application' | 'supplied';
  readonly namedOn: LegalDate;
}

/** A correction or cancellation of a shipment: what it was before, and why. */
export interface ShipmentChange {
  readonly change: 'corrected' | 'cancelled';
  readonly on: LegalDate;
  readonly reason: string;
  readonly previousLines: readonly LineQuantity[];
  readonly lines: readonly LineQuantity[];
}

export interface ShipmentEntry {
  readonly shipmentId: string;
  readonly shippedOn: LegalDate;
  /** Kept through corrections and a cancellation: the declaration the shipment was made under. */
  readonly customsDeclarationRef: string;
  /** As last corrected; empty once cancelled. */
  readonly lines: readonly LineQuantity[];
  readonly status: 'recorded' | 'corrected' | 'cancelled';
  /** The lines as first recorded, then each change in order: the history of the record. */
  readonly recordedLines: readonly LineQuantity[];
  readonly changes: readonly ShipmentChange[];
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

/** Which applications name a document's bytes: who may read them is who may read one of those. */
export interface DocumentReferenceDocument {
  readonly kind: 'document';
  readonly sha256: string;
  readonly applicationIds: readonly string[];
}

export type LicenseStateDocument = ApplicationDocument | LicenseDocument | DocumentReferenceDocument;

export const LICENSE_STATE = 'license-state';

export const applicationKey = (applicationId: string) => `application:${applicationId}`;
export const licenseKey = (licenseId: string) => `license:${licenseId}`;
export const documentKey = (sha256: string) => `document:${sha256}`;

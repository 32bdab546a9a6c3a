import type { AmendmentRequest, DecisionRecord, Item, LegalDate, LicenseType, Party } from '@licensing/domain';

/*
 * The API's answers for cases, as JSON (the service's read-model views; see
 * the OpenAPI document's ApplicationView and LicenseView). The console
 * cannot import the read models (they are server code), so the shapes are
 * written here from the domain's own types.
 */

export const APPLICATION_STATUSES = [
  'drafted',
  'submitted',
  'accepted',
  'under_review',
  'reviewed',
  'approved',
  'rejected',
  'withdrawn',
  'deadline_missed',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const LICENSE_STATUSES = ['not_yet_valid', 'active', 'suspended', 'exhausted', 'revoked', 'expired'] as const;
export type LicenseStatus = (typeof LICENSE_STATUSES)[number];

export interface HistoryEntry {
  readonly type: string;
  readonly at: string;
  readonly recordedAt: string;
  readonly actor: string;
  readonly role: string;
  readonly revision: number;
}

export interface DecisionView {
  readonly outcome: 'approved' | 'rejected';
  readonly decidedOn: LegalDate;
  readonly approverId: string;
  readonly reasons: readonly string[];
  readonly record: DecisionRecord | null;
  readonly measuresApplied: readonly { measureId: string; version: number; title: string }[];
}

export interface ApplicationView {
  readonly id: string;
  readonly exporterId: string;
  readonly licenseType: LicenseType;
  readonly status: ApplicationStatus;
  readonly recordedStatus: Exclude<ApplicationStatus, 'deadline_missed'>;
  readonly asOf: LegalDate;
  readonly items: readonly Item[];
  readonly destination: string;
  readonly endUser: Party;
  /** Every end user, the primary first. */
  readonly endUsers: readonly Party[];
  readonly submittedOn: LegalDate | null;
  readonly reviewDeadline: LegalDate | null;
  readonly reviewerId: string | null;
  readonly pendingDocuments: { documents: readonly string[]; reason: string; requestedOn: LegalDate } | null;
  readonly decision: DecisionView | null;
  readonly licenseId: string | null;
  readonly history: readonly HistoryEntry[];
  readonly revision: number;
}

export interface LicenseLineView {
  readonly lineId: string;
  readonly controlCode: string;
  readonly element: string | null;
  readonly description: string;
  readonly unit: string;
  readonly licensed: number;
  readonly shipped: number;
  readonly remaining: number;
}

export interface LineQuantityView {
  readonly lineId: string;
  readonly quantity: number;
}

export interface ShipmentEntry {
  readonly shipmentId: string;
  readonly shippedOn: LegalDate;
  readonly customsDeclarationRef: string;
  readonly lines: readonly LineQuantityView[];
  readonly status: 'recorded' | 'corrected' | 'cancelled';
  readonly changes: readonly { change: 'corrected' | 'cancelled'; on: LegalDate; reason: string }[];
}

export interface LicenseView {
  readonly id: string;
  readonly applicationId: string;
  readonly exporterId: string;
  readonly licenseType: LicenseType;
  readonly status: LicenseStatus;
  readonly asOf: LegalDate;
  readonly items: readonly LicenseLineView[];
  readonly endUsers: readonly Party[];
  readonly validFrom: LegalDate;
  readonly validUntil: LegalDate;
  readonly issuedOn: LegalDate;
  readonly suspension: { reason: string; suspendedOn: LegalDate; until: LegalDate | null; inEffect: boolean } | null;
  readonly revocation: { revokedOn: LegalDate; reason: string } | null;
  readonly shipments: readonly ShipmentEntry[];
  readonly amendmentRequests: readonly AmendmentRequest[];
  readonly decision: DecisionView | null;
  readonly history: readonly HistoryEntry[];
  readonly revision: number;
}

/** A page of a list or a work queue: keyset pages, `nextCursor` null on the last. */
export interface CasePage<Item> {
  readonly items: readonly Item[];
  readonly nextCursor: string | null;
}

/** One event of a stream as the event log answers it (GET /audit/streams/{streamId}/events). */
export interface RecordedEvent {
  readonly id: string;
  readonly type: string;
  readonly revision: number;
  readonly data: Record<string, unknown>;
  readonly metadata: { readonly actor: string; readonly role: string; readonly recordedAt: string };
}

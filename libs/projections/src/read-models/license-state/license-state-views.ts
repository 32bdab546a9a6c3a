import {
  type AmendmentRequest,
  type DecisionRecord,
  endUsersOf,
  type Item,
  type IssuedLicenseState,
  type LegalDate,
  licenseStatusOn,
  type LicenseStatusOnDate,
  type LicenseType,
  type Party,
  remainingOf,
  suspensionInEffect,
} from '@licensing/domain';
import {
  applicationStatusOn,
  type ApplicationStatusOnDate,
  recordedApplicationStatus,
  type RecordedApplicationStatus,
} from '../application-status';
import type { HistoryEntry } from '../parse-event';
import type { ApplicationDocument, DocumentEntry, LicenseDocument, ShipmentEntry } from './license-state-documents';

export interface DecisionView {
  readonly outcome: 'approved' | 'rejected';
  readonly decidedOn: LegalDate;
  readonly approverId: string;
  readonly reasons: readonly string[];
  /** Null for a rejection on explicit reasons without a rule evaluation. */
  readonly record: DecisionRecord | null;
  /** The measures that controlled an item or party of the application, with the versions evaluated. */
  readonly measuresApplied: readonly { measureId: string; version: number; title: string }[];
}

export interface ApplicationView {
  readonly id: string;
  readonly exporterId: string;
  readonly licenseType: LicenseType;
  /** Effective on `asOf`: `deadline_missed` once an open case is past its review deadline. */
  readonly status: ApplicationStatusOnDate;
  readonly recordedStatus: RecordedApplicationStatus;
  readonly asOf: LegalDate;
  readonly items: readonly Item[];
  readonly destination: string;
  /** The primary end user. */
  readonly endUser: Party;
  /** Every end user, the primary first (a general license names several). */
  readonly endUsers: readonly Party[];
  readonly submittedOn: LegalDate | null;
  readonly reviewDeadline: LegalDate | null;
  readonly reviewerId: string | null;
  readonly pendingDocuments: { documents: readonly string[]; reason: string; requestedOn: LegalDate } | null;
  readonly decision: DecisionView | null;
  readonly licenseId: string | null;
  /** The documents the case names, with the hash of the bytes where uploaded: which bytes the review saw. */
  readonly documents: readonly DocumentEntry[];
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

export interface LicenseView {
  readonly id: string;
  readonly applicationId: string;
  readonly exporterId: string;
  readonly licenseType: LicenseType;
  /** Effective on `asOf` (the domain's licenseStatusOn): expiry and lapsed suspensions need no event. */
  readonly status: LicenseStatusOnDate;
  readonly recordedStatus: IssuedLicenseState['status'];
  readonly asOf: LegalDate;
  readonly items: readonly LicenseLineView[];
  readonly endUsers: readonly Party[];
  readonly validFrom: LegalDate;
  readonly validUntil: LegalDate;
  readonly issuedOn: LegalDate;
  /** The recorded suspension, if the license is suspended; `inEffect` says whether it still holds on `asOf`. */
  readonly suspension: { reason: string; suspendedOn: LegalDate; until: LegalDate | null; inEffect: boolean } | null;
  readonly revocation: { revokedOn: LegalDate; reason: string } | null;
  /** Every shipment with its history: corrected and cancelled ones keep their customs reference. */
  readonly shipments: readonly ShipmentEntry[];
  /** The exporter's amendment requests, oldest first: the changes asked for, the review, the outcome and its record. */
  readonly amendmentRequests: readonly AmendmentRequest[];
  /** The decision of the application the license was issued on. */
  readonly decision: DecisionView | null;
  readonly history: readonly HistoryEntry[];
  readonly revision: number;
}

export function decisionOf(doc: ApplicationDocument): DecisionView | null {
  const { state } = doc;
  if (state.status !== 'approved' && state.status !== 'rejected') return null;
  const record = state.decision;
  return {
    outcome: state.status,
    decidedOn: state.decidedOn,
    approverId: state.approverId,
    reasons: state.status === 'rejected' ? state.reasons : state.decision.reasons,
    record,
    measuresApplied: (record?.measures ?? [])
      .filter((m) => m.applies)
      .map(({ measureId, version, title }) => ({ measureId, version, title })),
  };
}

export function applicationView(doc: ApplicationDocument, asOf: LegalDate): ApplicationView {
  const { state } = doc;
  const { application } = state;
  return {
    id: doc.id,
    exporterId: application.exporterId,
    licenseType: application.licenseType,
    status: applicationStatusOn(state, asOf),
    recordedStatus: recordedApplicationStatus(state),
    asOf,
    items: application.items,
    destination: application.destination,
    endUser: application.endUser,
    endUsers: endUsersOf(application),
    submittedOn: doc.submittedOn,
    reviewDeadline: doc.reviewDeadline,
    reviewerId: doc.reviewerId,
    pendingDocuments:
      state.status === 'submitted' || state.status === 'under_review' || state.status === 'reviewed'
        ? state.pendingDocuments
        : null,
    decision: decisionOf(doc),
    licenseId: doc.licenseId,
    documents: doc.documents,
    history: doc.history,
    revision: doc.revision,
  };
}

export function licenseView(
  doc: LicenseDocument,
  application: ApplicationDocument | null,
  asOf: LegalDate,
): LicenseView {
  const { state } = doc;
  const { license } = state;
  return {
    id: doc.id,
    applicationId: license.applicationId,
    exporterId: license.exporterId,
    licenseType: license.licenseType,
    status: licenseStatusOn(state, asOf),
    recordedStatus: state.status,
    asOf,
    items: license.lines.map((line) => ({
      lineId: line.item.lineId,
      controlCode: line.item.controlCode,
      element: line.item.element ?? null,
      description: line.item.description,
      unit: line.item.quantity.unit,
      licensed: line.item.quantity.amount,
      shipped: line.shipped,
      remaining: remainingOf(line),
    })),
    endUsers: license.endUsers,
    validFrom: license.validFrom,
    validUntil: license.validUntil,
    issuedOn: doc.issuedOn,
    suspension:
      state.status === 'suspended'
        ? { ...state.suspension, inEffect: suspensionInEffect(state.suspension, asOf) }
        : null,
    revocation: state.status === 'revoked' ? { revokedOn: state.revokedOn, reason: state.reason } : null,
    shipments: doc.shipments,
    amendmentRequests: license.amendmentRequests,
    decision: application === null ? null : decisionOf(application),
    history: doc.history,
    revision: doc.revision,
  };
}

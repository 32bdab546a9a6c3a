import { amendmentReviewerOf, endUsersOf, remainingOf } from '@licensing/domain';
import {
  type IndexRow,
  type IndexTable,
  type IndexValue,
  type ProjectionIndex,
  searchWords,
} from '../../indexes/read-model-index';
import { openReviewDeadline, recordedApplicationStatus } from '../application-status';
import type { HistoryEntry } from '../parse-event';
import type { ApplicationDocument, LicenseDocument, LicenseStateDocument } from './license-state-documents';
import { decisionRows, RECORD_TABLES, shipmentRows } from './record-list-index';

export const APPLICATION_ROWS = 'license_state_applications_v2';
export const LICENSE_ROWS = 'license_state_licenses_v2';
/**
 * Multi-valued facts (control codes, elements, words), one row each:
 * `field`, `value`, and the case's sort keys, so a term filter walks one
 * index in page order instead of sorting every case that has the term.
 */
export const APPLICATION_TERMS = 'license_state_application_terms_v2';
export const LICENSE_TERMS = 'license_state_license_terms_v2';
/** The sort keys of each kind, carried by its term rows. */
export const APPLICATION_SORT_KEYS = ['id', 'submitted_on', 'review_deadline'] as const;
export const LICENSE_SORT_KEYS = ['id', 'issued_on', 'valid_until'] as const;

/** Who recorded the first event of this type: the officer who accepted, issued, … */
const actorOf = (history: readonly HistoryEntry[], type: string) =>
  history.find((entry) => entry.type === type)?.actor ?? null;

const terms = (
  table: string,
  sortKeys: Readonly<Record<string, IndexValue>>,
  fields: Record<string, readonly (string | undefined)[]>,
): IndexRow[] =>
  Object.entries(fields).flatMap(([field, values]) =>
    [...new Set(values.filter((v): v is string => v !== undefined))].map((value) => ({
      table,
      values: { field, value, ...sortKeys },
    })),
  );

const pick = (values: Readonly<Record<string, IndexValue>>, keys: readonly string[]) =>
  Object.fromEntries(keys.map((key) => [key, values[key] ?? null]));

function applicationRows(doc: ApplicationDocument): IndexRow[] {
  const { state } = doc;
  const { application } = state;
  const decided = state.status === 'approved' || state.status === 'rejected';
  const parties = [application.consignee, ...endUsersOf(application)];
  const row: IndexRow = {
    table: APPLICATION_ROWS,
    values: {
      id: doc.id,
      exporter_id: application.exporterId,
      license_type: application.licenseType,
      recorded_status: recordedApplicationStatus(state),
      // Sort keys are never null ('' sorts first), so keyset pagination compares plain values.
      submitted_on: doc.submittedOn ?? '',
      review_deadline: doc.reviewDeadline ?? '',
      open_deadline: openReviewDeadline(state),
      reviewer_id: doc.reviewerId,
      accepted_by: actorOf(doc.history, 'ApplicationAccepted'),
      decided_by: decided ? state.approverId : null,
      destination: application.destination,
    },
  };
  return [
    row,
    ...decisionRows(doc),
    ...terms(APPLICATION_TERMS, pick(row.values, APPLICATION_SORT_KEYS), {
      controlCode: application.items.map((item) => item.controlCode),
      element: application.items.map((item) => item.element?.toLowerCase()),
      word: searchWords(
        doc.id,
        application.contractRef,
        application.endUserCertificateRef,
        application.endUseCertificateRef,
        ...parties.map((party) => party.name),
        ...doc.documents.flatMap((d) => [d.name, d.ref]),
      ),
    }),
  ];
}

function licenseRows(doc: LicenseDocument): IndexRow[] {
  const { state } = doc;
  const { license } = state;
  const percentsLeft = license.lines.map((line) =>
    line.item.quantity.amount > 0 ? (remainingOf(line) / line.item.quantity.amount) * 100 : 0,
  );
  const row: IndexRow = {
    table: LICENSE_ROWS,
    values: {
      id: doc.id,
      application_id: license.applicationId,
      exporter_id: license.exporterId,
      license_type: license.licenseType,
      recorded_status: state.status,
      valid_from: license.validFrom,
      valid_until: license.validUntil,
      // Only a recorded suspension; '' means "until further notice" (licenseStatusOn's null until).
      suspended_until: state.status === 'suspended' ? (state.suspension.until ?? '') : null,
      issued_on: doc.issuedOn,
      amendment_reviewer_id: amendmentReviewerOf(license.amendmentRequests),
      issued_by: actorOf(doc.history, 'LicenseIssued'),
      least_percent_left: Math.min(...percentsLeft),
    },
  };
  return [
    row,
    ...shipmentRows(doc, row.values),
    ...terms(LICENSE_TERMS, pick(row.values, LICENSE_SORT_KEYS), {
      controlCode: license.lines.map((line) => line.item.controlCode),
      element: license.lines.map((line) => line.item.element?.toLowerCase()),
      destination: license.endUsers.map((party) => party.country),
      word: searchWords(doc.id, license.applicationId, ...license.endUsers.map((party) => party.name)),
    }),
  ];
}

/**
 * A terms table, by term in each sort order. A second term is checked on
 * the document's own rows (the index every table has by document): one
 * index fewer to write on every change and to rename on every promotion.
 */
const termsTable = (name: string, sortKeys: readonly string[]): IndexTable => ({
  name,
  columns: Object.fromEntries(['field', 'value', ...sortKeys].map((column) => [column, 'TEXT' as const])),
  indexes: sortKeys.map((key) => (key === 'id' ? ['field', 'value', 'id'] : ['field', 'value', key, 'id'])),
});

/** The license-state lists' index: one row per application and license, and their terms. */
export const licenseStateIndex: ProjectionIndex<LicenseStateDocument> = {
  tables: [
    {
      name: APPLICATION_ROWS,
      columns: {
        id: 'TEXT',
        exporter_id: 'TEXT',
        license_type: 'TEXT',
        recorded_status: 'TEXT',
        submitted_on: 'TEXT',
        review_deadline: 'TEXT',
        open_deadline: 'TEXT',
        reviewer_id: 'TEXT',
        accepted_by: 'TEXT',
        decided_by: 'TEXT',
        destination: 'TEXT',
      },
      indexes: [
        ['id'],
        ['exporter_id', 'id'],
        ['submitted_on', 'id'],
        ['exporter_id', 'submitted_on', 'id'],
        ['review_deadline', 'id'],
        ['recorded_status', 'id'],
        ['recorded_status', 'submitted_on', 'id'],
        // open_deadline too, so skipping a missed deadline reads the index only.
        ['recorded_status', 'review_deadline', 'id', 'open_deadline'],
        ['reviewer_id', 'id'],
        ['reviewer_id', 'review_deadline', 'id'],
      ],
    },
    {
      name: LICENSE_ROWS,
      columns: {
        id: 'TEXT',
        application_id: 'TEXT',
        exporter_id: 'TEXT',
        license_type: 'TEXT',
        recorded_status: 'TEXT',
        valid_from: 'TEXT',
        valid_until: 'TEXT',
        suspended_until: 'TEXT',
        issued_on: 'TEXT',
        amendment_reviewer_id: 'TEXT',
        issued_by: 'TEXT',
        least_percent_left: 'REAL',
      },
      indexes: [
        ['id'],
        ['exporter_id', 'id'],
        ['issued_on', 'id'],
        ['exporter_id', 'issued_on', 'id'],
        ['valid_until', 'id'],
        ['exporter_id', 'valid_until', 'id'],
        ['amendment_reviewer_id', 'id'],
      ],
    },
    ...RECORD_TABLES,
    termsTable(APPLICATION_TERMS, APPLICATION_SORT_KEYS),
    termsTable(LICENSE_TERMS, LICENSE_SORT_KEYS),
  ],
  rows(doc) {
    if (doc.kind === 'application') return applicationRows(doc);
    if (doc.kind === 'license') return licenseRows(doc);
    return [];
  },
};

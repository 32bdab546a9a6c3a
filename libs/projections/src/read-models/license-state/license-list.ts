import { LegalDate, type LicenseStatusOnDate } from '@licensing/domain';
import type { DocumentStore } from '../../document-store';
import { keyset, type Page, type PageRequest, type SqlConditions, toPage } from '../../indexes/list-page';
import { type CaseFilter, liveRows, withCommonFilters, withDateRange, withScope, withTerm } from './case-list-sql';
import {
  type ApplicationDocument,
  applicationKey,
  LICENSE_STATE,
  type LicenseDocument,
  type LicenseStateDocument,
} from './license-state-documents';
import { LICENSE_ROWS, licenseStateIndex } from './license-state-index';
import { type LicenseView, licenseView } from './license-state-views';

export const LICENSE_SORTS = { id: 'r.id', issuedOn: 'r.issued_on', validUntil: 'r.valid_until' } as const;
export type LicenseSort = keyof typeof LICENSE_SORTS;

export interface LicenseListFilter extends CaseFilter {
  readonly status?: Exclude<LicenseStatusOnDate, 'none'>;
  /** A country of one of the license's end users. */
  readonly destination?: string;
  /** The reviewer of the latest amendment request. */
  readonly reviewerId?: string;
  /** The officer who issued it. */
  readonly officerId?: string;
  readonly issuedFrom?: LegalDate;
  readonly issuedTo?: LegalDate;
  readonly validUntilFrom?: LegalDate;
  readonly validUntilTo?: LegalDate;
}

interface Row {
  id: string;
  sort_value: string;
  doc: string;
}

const LIVE = "r.recorded_status IN ('active', 'suspended')";
const SUSPENSION_HOLDS = "r.recorded_status = 'suspended' AND (r.suspended_until = '' OR ? < r.suspended_until)";

/**
 * licenseStatusOn in SQL over the indexed dates, so the status filter is
 * right for any asOf: expiry and a lapsing suspension need no event.
 */
export function withLicenseStatus(where: SqlConditions, status: Exclude<LicenseStatusOnDate, 'none'>, asOf: LegalDate) {
  switch (status) {
    case 'expired':
      return where.add(`r.recorded_status = 'expired' OR (${LIVE} AND r.valid_until < ?)`, asOf);
    case 'exhausted':
    case 'revoked':
      return where.add('r.recorded_status = ?', status);
    case 'not_yet_valid':
      return where.add(`${LIVE} AND r.valid_until >= ? AND r.valid_from > ?`, asOf, asOf);
    case 'suspended':
      return where.add(
        `${LIVE} AND r.valid_from <= ? AND r.valid_until >= ? AND ${SUSPENSION_HOLDS}`,
        asOf,
        asOf,
        asOf,
      );
    case 'active':
      return where.add(
        `${LIVE} AND r.valid_from <= ? AND r.valid_until >= ? AND NOT (${SUSPENSION_HOLDS})`,
        asOf,
        asOf,
        asOf,
      );
  }
}

/** Pages of licenses from the index; each license's application is read for its decision. */
export class LicenseList {
  constructor(private readonly documents: DocumentStore) {
    documents.indexes.declare(licenseStateIndex);
  }

  page(filter: LicenseListFilter, page: PageRequest<LicenseSort>, extra?: (where: SqlConditions) => void) {
    const where = liveRows();
    withScope(where, filter.scope, 'r.amendment_reviewer_id');
    withCommonFilters(where, filter);
    if (filter.status !== undefined) withLicenseStatus(where, filter.status, filter.asOf);
    withTerm(where, 'destination', filter.destination);
    if (filter.reviewerId !== undefined) where.add('r.amendment_reviewer_id = ?', filter.reviewerId);
    if (filter.officerId !== undefined) where.add('r.issued_by = ?', filter.officerId);
    withDateRange(where, 'r.issued_on', filter.issuedFrom, filter.issuedTo);
    withDateRange(where, 'r.valid_until', filter.validUntilFrom, filter.validUntilTo);
    extra?.(where);
    const sortColumn = LICENSE_SORTS[page.sort];
    const { orderBy } = keyset(where, sortColumn, 'r.id', page);
    const rows = this.documents.db
      .prepare<unknown[], Row>(
        `SELECT r.id AS id, ${sortColumn} AS sort_value, d.doc AS doc FROM ${LICENSE_ROWS} r
         JOIN read_model_documents d ON d.projection = r.storage AND d.id = r.doc_id
         WHERE ${where.sql} ORDER BY ${orderBy} LIMIT ?`,
      )
      .all(...where.params, page.limit + 1);
    const asOf = LegalDate.parse(filter.asOf);
    return toPage(
      rows,
      page,
      (row) => row.sort_value,
      (row) => {
        const doc = this.documents.parse<LicenseDocument>(row.doc);
        return licenseView(doc, this.application(doc.state.license.applicationId), asOf);
      },
    ) satisfies Page<LicenseView>;
  }

  private application(applicationId: string): ApplicationDocument | null {
    const doc = this.documents.get<LicenseStateDocument>(LICENSE_STATE, applicationKey(applicationId));
    return doc?.kind === 'application' ? doc : null;
  }
}

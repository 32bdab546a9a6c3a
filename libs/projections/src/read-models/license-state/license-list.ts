import { LegalDate, type LicenseStatusOnDate } from '@licensing/domain';
import type { DocumentStore } from '../../document-store';
import { type Page, type PageRequest, type SqlConditions, toPage } from '../../indexes/list-page';
import { type CaseSql, casePageSql } from './case-list-query';
import { type CaseFilter, liveRows, termFilters, withCaseColumns, withDateRange, withScope } from './case-list-sql';
import {
  type ApplicationDocument,
  applicationKey,
  LICENSE_STATE,
  type LicenseDocument,
  type LicenseStateDocument,
} from './license-state-documents';
import { LICENSE_ROWS, LICENSE_TERMS, licenseStateIndex } from './license-state-index';
import { type LicenseView, licenseView } from './license-state-views';

/** Each sort's column, in the rows and in the terms. */
export const LICENSE_SORTS = { id: 'id', issuedOn: 'issued_on', validUntil: 'valid_until' } as const;
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

/**
 * The rows index a page walks: an exporter's or a reviewer's licenses
 * (few), else every license in page order (live statuses are most
 * licenses, so a page is found soon).
 */
function walkedIndex(filter: LicenseListFilter, sortKey: string): { walk: string[]; narrowed: boolean } {
  const inOrder = sortKey === 'id' ? ['id'] : [sortKey, 'id'];
  if (filter.scope.kind === 'exporters' || filter.exporterId !== undefined)
    return { walk: ['exporter_id', ...inOrder], narrowed: true };
  if (filter.scope.kind === 'reviewer' || filter.reviewerId !== undefined)
    return { walk: ['amendment_reviewer_id', 'id'], narrowed: true };
  return { walk: inOrder, narrowed: false };
}

/** Pages of licenses from the index; each license's application is read for its decision. */
export class LicenseList {
  constructor(private readonly documents: DocumentStore) {
    documents.indexes.declare(licenseStateIndex);
  }

  /** The page's SQL, as `page` runs it (specs read its query plan). */
  sql(filter: LicenseListFilter, page: PageRequest<LicenseSort>, extra?: (where: SqlConditions) => void): CaseSql {
    const where = liveRows();
    withScope(where, filter.scope, 'r.amendment_reviewer_id');
    withCaseColumns(where, filter);
    if (filter.status !== undefined) withLicenseStatus(where, filter.status, filter.asOf);
    if (filter.reviewerId !== undefined) where.add('r.amendment_reviewer_id = ?', filter.reviewerId);
    if (filter.officerId !== undefined) where.add('r.issued_by = ?', filter.officerId);
    withDateRange(where, 'r.issued_on', filter.issuedFrom, filter.issuedTo);
    withDateRange(where, 'r.valid_until', filter.validUntilFrom, filter.validUntilTo);
    extra?.(where);
    const sortKey = LICENSE_SORTS[page.sort];
    return casePageSql(
      this.documents.db,
      {
        tables: { rows: LICENSE_ROWS, terms: LICENSE_TERMS },
        where,
        terms: termFilters(filter, { destination: filter.destination }),
        sortKey,
        ...walkedIndex(filter, sortKey),
      },
      page,
    );
  }

  page(filter: LicenseListFilter, page: PageRequest<LicenseSort>, extra?: (where: SqlConditions) => void) {
    const { sql, params } = this.sql(filter, page, extra);
    const rows = this.documents.db.prepare<unknown[], Row>(sql).all(...params);
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

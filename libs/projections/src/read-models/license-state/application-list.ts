import { LegalDate } from '@licensing/domain';
import type { DocumentStore } from '../../document-store';
import { keyset, type Page, type PageRequest, type SqlConditions, toPage } from '../../indexes/list-page';
import type { ApplicationStatusOnDate } from '../application-status';
import { type CaseFilter, liveRows, withCommonFilters, withDateRange, withScope } from './case-list-sql';
import type { ApplicationDocument } from './license-state-documents';
import { APPLICATION_ROWS, licenseStateIndex } from './license-state-index';
import { type ApplicationView, applicationView } from './license-state-views';

export const APPLICATION_SORTS = {
  id: 'r.id',
  submittedOn: 'r.submitted_on',
  reviewDeadline: 'r.review_deadline',
} as const;
export type ApplicationSort = keyof typeof APPLICATION_SORTS;

export interface ApplicationListFilter extends CaseFilter {
  readonly status?: ApplicationStatusOnDate;
  readonly destination?: string;
  /** The reviewer assigned. */
  readonly reviewerId?: string;
  /** The officer who accepted the case or decided it. */
  readonly officerId?: string;
  readonly submittedFrom?: LegalDate;
  readonly submittedTo?: LegalDate;
  readonly reviewDeadlineFrom?: LegalDate;
  readonly reviewDeadlineTo?: LegalDate;
}

interface Row {
  id: string;
  sort_value: string;
  doc: string;
}

/**
 * Status on `asOf` in SQL: an open case past its recorded deadline reads
 * `deadline_missed` (applicationStatusOn), whatever the day asked.
 */
export function withApplicationStatus(where: SqlConditions, status: ApplicationStatusOnDate, asOf: LegalDate): void {
  if (status === 'deadline_missed') where.add('r.open_deadline IS NOT NULL AND r.open_deadline < ?', asOf);
  else where.add('r.recorded_status = ? AND (r.open_deadline IS NULL OR r.open_deadline >= ?)', status, asOf);
}

/** Pages of applications from the index: the SQL picks the page, then only its documents are parsed. */
export class ApplicationList {
  constructor(private readonly documents: DocumentStore) {
    documents.indexes.declare(licenseStateIndex);
  }

  page(filter: ApplicationListFilter, page: PageRequest<ApplicationSort>, extra?: (where: SqlConditions) => void) {
    const where = liveRows();
    withScope(where, filter.scope, 'r.reviewer_id');
    withCommonFilters(where, filter);
    if (filter.status !== undefined) withApplicationStatus(where, filter.status, filter.asOf);
    if (filter.destination !== undefined) where.add('r.destination = ?', filter.destination);
    if (filter.reviewerId !== undefined) where.add('r.reviewer_id = ?', filter.reviewerId);
    if (filter.officerId !== undefined)
      where.add('r.accepted_by = ? OR r.decided_by = ?', filter.officerId, filter.officerId);
    withDateRange(where, 'r.submitted_on', filter.submittedFrom, filter.submittedTo);
    withDateRange(where, 'r.review_deadline', filter.reviewDeadlineFrom, filter.reviewDeadlineTo);
    extra?.(where);
    const sortColumn = APPLICATION_SORTS[page.sort];
    const { orderBy } = keyset(where, sortColumn, 'r.id', page);
    const rows = this.documents.db
      .prepare<unknown[], Row>(
        `SELECT r.id AS id, ${sortColumn} AS sort_value, d.doc AS doc FROM ${APPLICATION_ROWS} r
         JOIN read_model_documents d ON d.projection = r.storage AND d.id = r.doc_id
         WHERE ${where.sql} ORDER BY ${orderBy} LIMIT ?`,
      )
      .all(...where.params, page.limit + 1);
    const asOf = LegalDate.parse(filter.asOf);
    return toPage(
      rows,
      page,
      (row) => row.sort_value,
      (row) => applicationView(this.documents.parse<ApplicationDocument>(row.doc), asOf),
    ) satisfies Page<ApplicationView>;
  }
}

import { LegalDate } from '@licensing/domain';
import type { DocumentStore } from '../../document-store';
import { type Page, type PageRequest, type SqlConditions, toPage } from '../../indexes/list-page';
import type { ApplicationStatusOnDate } from '../application-status';
import { type CaseSql, casePageSql } from './case-list-query';
import { type CaseFilter, liveRows, termFilters, withCaseColumns, withDateRange, withScope } from './case-list-sql';
import type { ApplicationDocument } from './license-state-documents';
import { APPLICATION_ROWS, APPLICATION_TERMS, licenseStateIndex } from './license-state-index';
import { type ApplicationView, applicationView } from './license-state-views';

/** Each sort's column, in the rows and in the terms. */
export const APPLICATION_SORTS = {
  id: 'id',
  submittedOn: 'submitted_on',
  reviewDeadline: 'review_deadline',
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

/**
 * The rows index a page walks: an exporter's or a reviewer's cases (few),
 * else a status on record (not one a date decides) in page order, else
 * every case in page order.
 */
function walkedIndex(filter: ApplicationListFilter, sortKey: string): { walk: string[]; narrowed: boolean } {
  const inOrder = sortKey === 'id' ? ['id'] : [sortKey, 'id'];
  if (filter.scope.kind === 'exporters' || filter.exporterId !== undefined)
    return { walk: sortKey === 'submitted_on' ? ['exporter_id', ...inOrder] : ['exporter_id', 'id'], narrowed: true };
  if (filter.scope.kind === 'reviewer' || filter.reviewerId !== undefined)
    return {
      walk: sortKey === 'review_deadline' ? ['reviewer_id', ...inOrder] : ['reviewer_id', 'id'],
      narrowed: true,
    };
  const { status } = filter;
  if (status === undefined || status === 'deadline_missed') return { walk: inOrder, narrowed: false };
  const withStatus = ['recorded_status', ...inOrder];
  return { walk: sortKey === 'review_deadline' ? [...withStatus, 'open_deadline'] : withStatus, narrowed: false };
}

/** Pages of applications from the index: the SQL picks the page, then only its documents are parsed. */
export class ApplicationList {
  constructor(private readonly documents: DocumentStore) {
    documents.indexes.declare(licenseStateIndex);
  }

  /** The page's SQL, as `page` runs it (specs read its query plan). */
  sql(
    filter: ApplicationListFilter,
    page: PageRequest<ApplicationSort>,
    extra?: (where: SqlConditions) => void,
  ): CaseSql {
    const where = liveRows();
    withScope(where, filter.scope, 'r.reviewer_id');
    withCaseColumns(where, filter);
    if (filter.status !== undefined) withApplicationStatus(where, filter.status, filter.asOf);
    if (filter.destination !== undefined) where.add('r.destination = ?', filter.destination);
    if (filter.reviewerId !== undefined) where.add('r.reviewer_id = ?', filter.reviewerId);
    if (filter.officerId !== undefined)
      where.add('r.accepted_by = ? OR r.decided_by = ?', filter.officerId, filter.officerId);
    withDateRange(where, 'r.submitted_on', filter.submittedFrom, filter.submittedTo);
    withDateRange(where, 'r.review_deadline', filter.reviewDeadlineFrom, filter.reviewDeadlineTo);
    extra?.(where);
    const sortKey = APPLICATION_SORTS[page.sort];
    return casePageSql(
      this.documents.db,
      {
        tables: { rows: APPLICATION_ROWS, terms: APPLICATION_TERMS },
        where,
        terms: termFilters(filter),
        sortKey,
        ...walkedIndex(filter, sortKey),
      },
      page,
    );
  }

  page(filter: ApplicationListFilter, page: PageRequest<ApplicationSort>, extra?: (where: SqlConditions) => void) {
    const { sql, params } = this.sql(filter, page, extra);
    const rows = this.documents.db.prepare<unknown[], Row>(sql).all(...params);
    const asOf = LegalDate.parse(filter.asOf);
    return toPage(
      rows,
      page,
      (row) => row.sort_value,
      (row) => applicationView(this.documents.parse<ApplicationDocument>(row.doc), asOf),
    ) satisfies Page<ApplicationView>;
  }
}

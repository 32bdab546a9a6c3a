import type { LegalDate, RowScope } from '@licensing/domain';
import { SqlConditions } from '../../indexes/list-page';
import { searchWords } from '../../indexes/read-model-index';
import { LICENSE_STATE } from './license-state-documents';

/** Free text: at most this many words, each matched as a word prefix. */
export const MAX_SEARCH_WORDS = 5;

/** Filters both lists share. */
export interface CaseFilter {
  readonly asOf: LegalDate;
  readonly scope: RowScope;
  readonly exporterId?: string;
  readonly licenseType?: 'individual' | 'general';
  readonly controlCode?: string;
  readonly element?: string;
  /** Names and references, by word prefix: `acme 2025` finds "ACME Magnets", contract "CT-2025-7". */
  readonly text?: string;
}

/** The live read model's rows only (a rebuild's shadow rows sit beside them). */
export function liveRows(): SqlConditions {
  return new SqlConditions().add('r.storage = ?', LICENSE_STATE);
}

/** A term the case must have: an exact value, or (free text) a word prefix. */
export interface TermFilter {
  readonly field: string;
  readonly value: string;
  readonly prefix: boolean;
}

/** The filter's terms: exact fields (control code, element, …) and each word of the free text. */
export function termFilters(filter: CaseFilter, exact: Record<string, string | undefined> = {}): TermFilter[] {
  const fields = { controlCode: filter.controlCode, element: filter.element?.toLowerCase(), ...exact };
  return [
    ...Object.entries(fields).flatMap(([field, value]) =>
      value === undefined ? [] : [{ field, value, prefix: false }],
    ),
    ...searchWords(filter.text)
      .slice(0, MAX_SEARCH_WORDS)
      .map((value) => ({ field: 'word', value, prefix: true })),
  ];
}

/** Filters on the case's own row (terms aside). */
export function withCaseColumns(where: SqlConditions, filter: CaseFilter): void {
  if (filter.exporterId !== undefined) where.add('r.exporter_id = ?', filter.exporterId);
  if (filter.licenseType !== undefined) where.add('r.license_type = ?', filter.licenseType);
}

/** Scope in the SQL: a reviewer's rows are those naming them in `reviewerColumn`. */
export function withScope(where: SqlConditions, scope: RowScope, reviewerColumn: string): void {
  switch (scope.kind) {
    case 'all':
      return;
    case 'exporters':
      where.oneOf('r.exporter_id', scope.exporterIds);
      return;
    case 'reviewer':
      where.add(`${reviewerColumn} = ?`, scope.reviewerId);
      return;
    default:
      where.add('0');
  }
}

/** A date range on a column whose "none" is ''. */
export function withDateRange(where: SqlConditions, column: string, from?: LegalDate, to?: LegalDate): void {
  if (from !== undefined) where.add(`${column} >= ?`, from);
  if (to !== undefined) where.add(`${column} <> '' AND ${column} <= ?`, to);
}

import type { LegalDate, RowScope } from '@licensing/domain';
import type { DocumentStore } from '../../document-store';
import { documentIndexName, indexName } from '../../indexes/index-tables';
import { keyset, type Page, type PageRequest, toPage } from '../../indexes/list-page';
import { liveRows, withDateRange, withScope } from './case-list-sql';
import { type ApplicationDocument, LICENSE_STATE } from './license-state-documents';
import { licenseStateIndex } from './license-state-index';
import { type DecisionView, decisionOf } from './license-state-views';
import { DECISION_MEASURES, DECISION_ROWS } from './record-list-index';

/** Each sort's column, in the decision rows and in their measure rows. */
export const DECISION_SORTS = { id: 'id', decidedOn: 'decided_on' } as const;
export type DecisionSort = keyof typeof DECISION_SORTS;

export interface DecisionListFilter {
  readonly scope: RowScope;
  readonly exporterId?: string;
  readonly verdict?: DecisionView['outcome'];
  /** A measure the decision record evaluated, applying or not. */
  readonly measureId?: string;
  readonly decidedFrom?: LegalDate;
  readonly decidedTo?: LegalDate;
}

/** A decided application's decision, with whose case it is. */
export interface DecisionListItem {
  /** The application's id. */
  readonly id: string;
  readonly exporterId: string;
  readonly reviewerId: string | null;
  readonly decision: DecisionView;
}

interface Row {
  id: string;
  sort_value: string;
  doc: string;
}

/**
 * The index a page walks, in page order: a measure's decisions from its
 * measure rows; one exporter's or a reviewer's (few) by theirs; else all.
 */
function walk(filter: DecisionListFilter, sortKey: string): { table: string; index: string } {
  const inOrder = sortKey === 'id' ? ['id'] : [sortKey, 'id'];
  if (filter.measureId !== undefined)
    return { table: DECISION_MEASURES, index: indexName(DECISION_MEASURES, ['measure_id', ...inOrder]) };
  if (filter.scope.kind === 'exporters' || filter.exporterId !== undefined)
    return { table: DECISION_ROWS, index: indexName(DECISION_ROWS, ['exporter_id', ...inOrder]) };
  if (filter.scope.kind === 'reviewer')
    return { table: DECISION_ROWS, index: indexName(DECISION_ROWS, ['reviewer_id', 'id']) };
  return { table: DECISION_ROWS, index: indexName(DECISION_ROWS, inOrder) };
}

/** Pages of recorded decisions from the license-state index, scoped as the applications they decided. */
export class DecisionList {
  constructor(private readonly documents: DocumentStore) {
    documents.indexes.declare(licenseStateIndex);
  }

  /** The page's SQL, as `page` runs it (specs read its query plan). */
  sql(filter: DecisionListFilter, page: PageRequest<DecisionSort>): { sql: string; params: unknown[] } {
    const where = liveRows();
    withScope(where, filter.scope, 'r.reviewer_id');
    if (filter.exporterId !== undefined) where.add('r.exporter_id = ?', filter.exporterId);
    if (filter.verdict !== undefined) where.add('r.verdict = ?', filter.verdict);
    withDateRange(where, 'r.decided_on', filter.decidedFrom, filter.decidedTo);
    const sortKey = DECISION_SORTS[page.sort];
    const walked = walk(filter, sortKey);
    const documents = 'CROSS JOIN read_model_documents d ON d.projection = r.storage AND d.id = r.doc_id';
    if (walked.table === DECISION_MEASURES) {
      where.add('m.storage = ? AND m.measure_id = ?', LICENSE_STATE, filter.measureId ?? null);
      const { orderBy } = keyset(where, `m.${sortKey}`, 'm.id', page);
      return {
        sql: `SELECT m.id AS id, m.${sortKey} AS sort_value, d.doc AS doc FROM ${DECISION_MEASURES} m INDEXED BY ${walked.index}
          CROSS JOIN ${DECISION_ROWS} r INDEXED BY ${documentIndexName(DECISION_ROWS)} ON r.storage = m.storage AND r.doc_id = m.doc_id
          ${documents} WHERE ${where.sql} ORDER BY ${orderBy} LIMIT ?`,
        params: [...where.params, page.limit + 1],
      };
    }
    const { orderBy } = keyset(where, `r.${sortKey}`, 'r.id', page);
    return {
      sql: `SELECT r.id AS id, r.${sortKey} AS sort_value, d.doc AS doc FROM ${DECISION_ROWS} r INDEXED BY ${walked.index}
        ${documents} WHERE ${where.sql} ORDER BY ${orderBy} LIMIT ?`,
      params: [...where.params, page.limit + 1],
    };
  }

  page(filter: DecisionListFilter, page: PageRequest<DecisionSort>): Page<DecisionListItem> {
    const { sql, params } = this.sql(filter, page);
    const rows = this.documents.db.prepare<unknown[], Row>(sql).all(...params);
    return toPage(
      rows,
      page,
      (row) => row.sort_value,
      (row) => decisionItem(this.documents.parse<ApplicationDocument>(row.doc)),
    );
  }
}

function decisionItem(doc: ApplicationDocument): DecisionListItem {
  const decision = decisionOf(doc);
  // The row is written from this document in the same transaction: no decision is a corrupt read model.
  if (decision === null) throw new Error(`Decision row ${doc.id} has no decision in its application document`);
  return { id: doc.id, exporterId: doc.state.application.exporterId, reviewerId: doc.reviewerId, decision };
}

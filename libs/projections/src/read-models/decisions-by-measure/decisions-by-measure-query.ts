import { Instant, type RowScope } from '@licensing/domain';
import type { DocumentStore } from '../../document-store';
import { indexName } from '../../indexes/index-tables';
import { keyset, type Page, type PageRequest, SqlConditions, toPage } from '../../indexes/list-page';
import { DECISIONS_BY_MEASURE_ROWS, decisionsByMeasureIndex } from './decisions-by-measure-index';
import { DECISIONS_BY_MEASURE, type DecisionUsingMeasure } from './decisions-by-measure-projection';

export interface DecisionsUsingMeasureFilter {
  readonly measureId: string;
  /** Only decisions that evaluated this version of the measure. */
  readonly version?: number;
  /** Only decisions recorded at or after this instant. */
  readonly from?: Instant;
  /** Only decisions recorded at or before this instant. */
  readonly to?: Instant;
  /** Which decisions the reader may see, as SQL (the domain's `rowScopeFor(operation, actor)`). */
  readonly scope: RowScope;
}

/** Recording order (`$all`), oldest or newest first. */
export type DecisionsUsingMeasureSort = 'position';

interface Row {
  id: string;
  doc: string;
}

/** The rows a page walks, in page order: one version's, one exporter's, or the measure's. */
function walkedIndex(filter: DecisionsUsingMeasureFilter): string {
  if (filter.version !== undefined) return indexName(DECISIONS_BY_MEASURE_ROWS, ['measure_id', 'version', 'position']);
  if (filter.scope.kind === 'exporters' && filter.scope.exporterIds.length === 1)
    return indexName(DECISIONS_BY_MEASURE_ROWS, ['measure_id', 'exporter_id', 'position']);
  return indexName(DECISIONS_BY_MEASURE_ROWS, ['measure_id', 'position']);
}

function withScope(where: SqlConditions, scope: RowScope): void {
  if (scope.kind === 'all') return;
  if (scope.kind === 'exporters') where.oneOf('r.exporter_id', scope.exporterIds);
  // A decision names no assigned reviewer here: a reviewer-scoped reader (none is granted this) sees none.
  else where.add('0');
}

/** Decisions by the measures they evaluated, for an auditor asking what a measure version decided. */
export class DecisionsByMeasureQuery {
  constructor(private readonly documents: DocumentStore) {
    documents.indexes.declare(decisionsByMeasureIndex);
  }

  /** The page's SQL, as `page` runs it (specs read its query plan). */
  sql(
    filter: DecisionsUsingMeasureFilter,
    page: PageRequest<DecisionsUsingMeasureSort>,
  ): { sql: string; params: unknown[] } {
    const where = new SqlConditions().add('r.storage = ? AND r.measure_id = ?', DECISIONS_BY_MEASURE, filter.measureId);
    if (filter.version !== undefined) where.add('r.version = ?', filter.version);
    if (filter.from !== undefined) where.add('r.decided_ms >= ?', Date.parse(Instant.parse(filter.from)));
    if (filter.to !== undefined) where.add('r.decided_ms <= ?', Date.parse(Instant.parse(filter.to)));
    withScope(where, filter.scope);
    // The position is the row's id: one row per decision of this measure.
    const { orderBy } = keyset(where, 'r.position', 'r.position', page);
    return {
      sql: `SELECT r.position AS id, d.doc AS doc FROM ${DECISIONS_BY_MEASURE_ROWS} r INDEXED BY ${walkedIndex(filter)}
        CROSS JOIN read_model_documents d ON d.projection = r.storage AND d.id = r.doc_id
        WHERE ${where.sql} ORDER BY ${orderBy} LIMIT ?`,
      params: [...where.params, page.limit + 1],
    };
  }

  /** A page in the order they were recorded (`$all`); empty for a measure no decision evaluated. */
  page(filter: DecisionsUsingMeasureFilter, page: PageRequest<DecisionsUsingMeasureSort>): Page<DecisionUsingMeasure> {
    const { sql, params } = this.sql(filter, page);
    const rows = this.documents.db.prepare<unknown[], Row>(sql).all(...params);
    return toPage(
      rows,
      page,
      (row) => row.id,
      (row) => this.documents.parse<DecisionUsingMeasure>(row.doc),
    );
  }
}

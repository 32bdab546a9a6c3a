import type { IndexTable, ProjectionIndex } from '../../indexes/read-model-index';
import type { DecisionUsingMeasure } from './decisions-by-measure-projection';

/** One row per (measure, decision): what GET /audit/decisions walks, in `$all` order. */
export const DECISIONS_BY_MEASURE_ROWS = 'decisions_by_measure_v1';

/**
 * `$all` positions are 64-bit: as 20 zero-padded digits they sort as text in
 * numeric order, and stay exact past JavaScript's 2^53 (a bound parameter).
 */
export const sortablePosition = (position: string | bigint) => position.toString().padStart(20, '0');

const table: IndexTable = {
  name: DECISIONS_BY_MEASURE_ROWS,
  columns: {
    measure_id: 'TEXT',
    position: 'TEXT',
    version: 'INTEGER',
    // Epoch milliseconds: instants compare as numbers whatever their written precision.
    decided_ms: 'INTEGER',
    exporter_id: 'TEXT',
  },
  indexes: [
    ['measure_id', 'position'],
    ['measure_id', 'version', 'position'],
    ['measure_id', 'exporter_id', 'position'],
  ],
};

export const decisionsByMeasureIndex: ProjectionIndex<DecisionUsingMeasure> = {
  tables: [table],
  rows: (decision) => [
    {
      table: DECISIONS_BY_MEASURE_ROWS,
      values: {
        measure_id: decision.measureId,
        position: sortablePosition(decision.position),
        version: decision.version,
        decided_ms: Date.parse(decision.decidedAt),
        exporter_id: decision.exporterId,
      },
    },
  ],
};

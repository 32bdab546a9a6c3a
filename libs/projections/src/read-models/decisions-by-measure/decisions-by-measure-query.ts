import { Instant, type ScopePredicate } from '@licensing/domain';
import type { DocumentStore } from '../../document-store';
import {
  DECISIONS_BY_MEASURE,
  type DecisionUsingMeasure,
  type MeasureDecisionsDocument,
} from './decisions-by-measure-projection';

export interface DecisionsUsingMeasureFilter {
  readonly measureId: string;
  /** Only decisions that evaluated this version of the measure. */
  readonly version?: number;
  /** Only decisions recorded at or after this instant. */
  readonly from?: Instant;
  /** Only decisions recorded at or before this instant. */
  readonly to?: Instant;
  /** Which applications the reader may see (the domain's `scopeFor(operation, actor)`). */
  readonly scope: ScopePredicate;
}

/** Decisions by the measures they evaluated, for an auditor asking what a measure version decided. */
export class DecisionsByMeasureQuery {
  constructor(private readonly documents: DocumentStore) {}

  /** In the order they were recorded (`$all`); empty for a measure no decision evaluated. */
  decisionsUsingMeasure(filter: DecisionsUsingMeasureFilter): DecisionUsingMeasure[] {
    const doc = this.documents.get<MeasureDecisionsDocument>(DECISIONS_BY_MEASURE, filter.measureId);
    const from = filter.from === undefined ? -Infinity : Date.parse(Instant.parse(filter.from));
    const to = filter.to === undefined ? Infinity : Date.parse(Instant.parse(filter.to));
    return (doc?.decisions ?? [])
      .filter((d) => filter.version === undefined || d.version === filter.version)
      .filter((d) => Date.parse(d.decidedAt) >= from && Date.parse(d.decidedAt) <= to)
      .filter((d) => filter.scope({ exporterId: d.exporterId }))
      .sort((a, b) => (BigInt(a.position) < BigInt(b.position) ? -1 : BigInt(a.position) > BigInt(b.position) ? 1 : 0));
  }
}

import { Controller, Get, Inject, Query, UseGuards } from '@nestjs/common';
import { IdInput, type RowScope } from '@licensing/domain';
import { DecisionList, type DecisionSort, DocumentStore } from '@licensing/projections';
import { ActorGuard, Authorize, ReadRowScope, ZodBody } from '@licensing/workflow';
import { z } from 'zod';
import { dateFilter, pageRequest, Paging, sortParameter } from './list-query';
import { ReadConsistency, ReadQuery } from './read-query';

/** A recorded decision is the same on every date: no asOf, only minPosition. */
export const DecisionListQuery = ReadQuery.omit({ asOf: true }).extend({
  exporterId: IdInput.optional().describe("Only this exporter's."),
  verdict: z.enum(['approved', 'rejected']).optional().describe('Only approvals, or only rejections.'),
  measureId: IdInput.optional().describe('Only decisions whose record evaluated this measure (applying or not).'),
  decidedFrom: dateFilter('Decided on or after this date.'),
  decidedTo: dateFilter('Decided on or before this date.'),
  sort: sortParameter(['id', 'decidedOn']),
  ...Paging,
});

/**
 * Recorded decisions across applications, from the license-state read
 * model's index; scoped like the applications they decided.
 */
@Controller('decisions')
@UseGuards(ActorGuard)
export class DecisionsController {
  private readonly list: DecisionList;

  constructor(
    @Inject(DocumentStore) documents: DocumentStore,
    @Inject(ReadConsistency) private readonly consistency: ReadConsistency,
  ) {
    this.list = new DecisionList(documents);
  }

  @Get()
  @Authorize('ListDecisions')
  async decisions(
    @Query(new ZodBody(DecisionListQuery)) query: z.infer<typeof DecisionListQuery>,
    @ReadRowScope() scope: RowScope,
  ) {
    await this.consistency.asOf(query);
    const { exporterId, verdict, measureId, decidedFrom, decidedTo } = query;
    const page = this.list.page(
      { scope, exporterId, verdict, measureId, decidedFrom, decidedTo },
      pageRequest<DecisionSort>(query),
    );
    return { decisions: page.items, nextCursor: page.nextCursor };
  }
}

import { Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import { Instant, legalDateAt, LegalDate } from '@licensing/domain';
import { DocumentStore, RuleHistoryQuery } from '@licensing/projections';
import { ActorGuard, Authorize, CLOCK, NotFound, ZodBody, type Clock } from '@licensing/workflow';
import { z } from 'zod';

/** The queries of the rule history; the OpenAPI document shows them as its parameters. */
export const MeasuresQuery = z.object({
  validOn: LegalDate.optional().describe(
    'The legal date (China Standard Time) whose law is asked about; default today.',
  ),
  knownAt: Instant.optional().describe('What was known at this instant (UTC); default now.'),
});
export const MeasureHistoryQuery = MeasuresQuery.pick({ knownAt: true });
export const ChangesQuery = z.object({
  from: Instant.describe('Changes recorded after this instant (UTC; exclusive).'),
  to: Instant.describe('Changes recorded up to this instant (UTC; inclusive).'),
});

/** The bitemporal rule history: what applied on D, as known at T. */
@Controller('rule-history')
@UseGuards(ActorGuard)
export class RuleHistoryController {
  private readonly rules: RuleHistoryQuery;

  constructor(
    @Inject(DocumentStore) documents: DocumentStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.rules = new RuleHistoryQuery(documents);
  }

  @Get('measures')
  @Authorize('ListMeasures')
  measures(@Query(new ZodBody(MeasuresQuery)) query: z.infer<typeof MeasuresQuery>) {
    const knownAt = query.knownAt ?? this.clock.now();
    const validOn = query.validOn ?? legalDateAt(knownAt);
    return { validOn, knownAt, measures: this.rules.snapshot(validOn, knownAt).measures };
  }

  @Get('measures/:measureId')
  @Authorize('GetMeasureHistory')
  history(
    @Param('measureId') measureId: string,
    @Query(new ZodBody(MeasureHistoryQuery)) query: z.infer<typeof MeasureHistoryQuery>,
  ) {
    const knownAt = query.knownAt ?? this.clock.now();
    const history = this.rules.history(measureId, knownAt);
    if (!history)
      throw new NotFound('control_measure.not_found', `No control measure ${measureId} was recorded by ${knownAt}.`);
    return history;
  }

  @Get('changes')
  @Authorize('ListPolicyChanges')
  changes(@Query(new ZodBody(ChangesQuery)) query: z.infer<typeof ChangesQuery>) {
    return { from: query.from, to: query.to, changes: this.rules.changesBetween(query.from, query.to) };
  }
}

import { Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import { Instant, legalDateAt, LegalDate } from '@licensing/domain';
import { DocumentStore, RuleHistoryQuery } from '@licensing/projections';
import { ActorGuard, Authorize, CLOCK, NotFound, ZodBody, type Clock } from '@licensing/workflow';
import { z } from 'zod';

const AsOf = z.object({
  /** The legal date (China Standard Time) whose law is asked about; default today. */
  validOn: LegalDate.optional(),
  /** What we knew at this instant (UTC); default now. */
  knownAt: Instant.optional(),
});
const Between = z.object({ from: Instant, to: Instant });

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
  measures(@Query(new ZodBody(AsOf)) query: z.infer<typeof AsOf>) {
    const knownAt = query.knownAt ?? this.clock.now();
    const validOn = query.validOn ?? legalDateAt(knownAt);
    return { validOn, knownAt, measures: this.rules.snapshot(validOn, knownAt).measures };
  }

  @Get('measures/:measureId')
  @Authorize('GetMeasureHistory')
  history(
    @Param('measureId') measureId: string,
    @Query(new ZodBody(AsOf.pick({ knownAt: true }))) query: { knownAt?: string },
  ) {
    const knownAt = query.knownAt ?? this.clock.now();
    const history = this.rules.history(measureId, knownAt);
    if (!history)
      throw new NotFound('control_measure.not_found', `No control measure ${measureId} was recorded by ${knownAt}.`);
    return history;
  }

  @Get('changes')
  @Authorize('ListPolicyChanges')
  changes(@Query(new ZodBody(Between)) query: z.infer<typeof Between>) {
    return { from: query.from, to: query.to, changes: this.rules.changesBetween(query.from, query.to) };
  }
}

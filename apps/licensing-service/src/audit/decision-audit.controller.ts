import { Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import { DecisionAudit, type DecisionAuditResult } from '@licensing/audit';
import { DomainError, IdInput, Instant, LegalDate, type ScopePredicate } from '@licensing/domain';
import { DecisionsByMeasureQuery, DocumentStore } from '@licensing/projections';
import { ActorGuard, Authorize, NotFound, ReadScope, ZodBody } from '@licensing/workflow';
import { z } from 'zod';

/** The replay reads the event log itself: it takes no parameter. */
export const DecisionReplayQuery = z.strictObject({});

export const WhatIfQuery = z.strictObject({
  validOn: LegalDate.optional().describe(
    "The legal date (China Standard Time) whose law to apply; default the decision's own validOn.",
  ),
  knownAt: Instant.optional().describe(
    "The policy as known at this instant (UTC); default the decision's own knownAt.",
  ),
});

export const DecisionsByMeasure = z
  .strictObject({
    measureId: IdInput.describe('The measure, e.g. `no-18-2025`.'),
    version: z.coerce
      .number()
      .int()
      .min(1)
      .optional()
      .describe('Only decisions that evaluated this version of the measure (the number of its events known then).'),
    from: Instant.optional().describe('Only decisions recorded at or after this instant (UTC; inclusive).'),
    to: Instant.optional().describe('Only decisions recorded at or before this instant (UTC; inclusive).'),
  })
  .superRefine((query, context) => {
    if (query.from !== undefined && query.to !== undefined && Date.parse(query.to) < Date.parse(query.from))
      context.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  });

/** The decision event is there but does not fit the domain schema: there is no record to replay. */
class DecisionUnreadable extends DomainError {
  override readonly kind = 'conflict';
}

/** The answer, or the refusal that says why there is none; out of scope reads like not there. */
function answerOf<Answer>(id: string, result: DecisionAuditResult<Answer>): Answer {
  switch (result.kind) {
    case 'audited':
      return result.answer;
    case 'no_application':
      throw new NotFound('application.not_found', `No application ${id} has been drafted.`);
    case 'no_decision_record':
      throw new NotFound(
        'application.no_decision_record',
        `Application ${id} has no recorded decision to check: it is not decided, or was rejected without a rule evaluation.`,
      );
    case 'unreadable_decision':
      throw new DecisionUnreadable('audit.decision_unreadable', result.detail, { integrity: result.integrity });
  }
}

/**
 * "Decisions, from the log": the auditor's checks of recorded decisions,
 * read from the event store and its hash chains rather than the read
 * models (libs/audit/src/decisions), and which decisions a measure decided.
 */
@Controller()
@UseGuards(ActorGuard)
export class DecisionAuditController {
  private readonly decisions: DecisionsByMeasureQuery;

  constructor(
    @Inject(DecisionAudit) private readonly audit: DecisionAudit,
    @Inject(DocumentStore) documents: DocumentStore,
  ) {
    this.decisions = new DecisionsByMeasureQuery(documents);
  }

  /** The recorded decision replayed on the policy log as known then: it must match, with every chain intact. */
  @Get('applications/:id/decision-replay')
  @Authorize('ReplayDecision')
  async replay(
    @Param('id') id: string,
    @Query(new ZodBody(DecisionReplayQuery)) _query: z.output<typeof DecisionReplayQuery>,
    @ReadScope() scope: ScopePredicate,
  ) {
    return answerOf(id, await this.audit.replay(id, scope));
  }

  /** The recorded inputs at another legal date and/or knowledge time, rule by rule against the record. */
  @Get('applications/:id/what-if')
  @Authorize('WhatIfDecision')
  async whatIf(
    @Param('id') id: string,
    @Query(new ZodBody(WhatIfQuery)) query: z.output<typeof WhatIfQuery>,
    @ReadScope() scope: ScopePredicate,
  ) {
    return answerOf(id, await this.audit.whatIf(id, query, scope));
  }

  /** Which decisions relied on this measure (version), decided in [from, to]. */
  @Get('audit/decisions')
  @Authorize('FindDecisionsByMeasure')
  decisionsByMeasure(
    @Query(new ZodBody(DecisionsByMeasure)) query: z.output<typeof DecisionsByMeasure>,
    @ReadScope() scope: ScopePredicate,
  ) {
    const { measureId, version, from, to } = query;
    return {
      measureId,
      version: version ?? null,
      from: from ?? null,
      to: to ?? null,
      decisions: this.decisions.decisionsUsingMeasure({ measureId, version, from, to, scope }),
    };
  }
}

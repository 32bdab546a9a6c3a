import { Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import { type AmendmentDecisionAuditResult, DecisionAudit, type DecisionAuditResult } from '@licensing/audit';
import { DomainError, IdInput, Instant, LegalDate, type RowScope, type ScopePredicate } from '@licensing/domain';
import { DecisionsByMeasureQuery, type DecisionsUsingMeasureSort, DocumentStore } from '@licensing/projections';
import { pageRequest, Paging } from '../queries/list-query';
import { ActorGuard, Authorize, NotFound, ReadRowScope, ReadScope, ZodBody } from '@licensing/workflow';
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

const AmendmentRequestId = IdInput.describe(
  "The license's amendment request whose recorded decision to check, e.g. `amd-1` (a license's decisions are its amendment requests').",
);
/** A license's decision is an amendment request's: the query names which, as the amendment commands' bodies do. */
export const AmendmentDecisionReplayQuery = z.strictObject({ amendmentRequestId: AmendmentRequestId });
export const AmendmentWhatIfQuery = z.strictObject({ amendmentRequestId: AmendmentRequestId, ...WhatIfQuery.shape });

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
    sort: z
      .enum(['position', '-position'])
      .default('position')
      .describe('Recording order (`$all` position), oldest first; `-position` for the newest first.'),
    ...Paging,
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

/** The same for an amendment request's decision: an unknown license, request or record is a 404. */
function amendmentAnswerOf<Answer>(licenseId: string, requestId: string, result: AmendmentDecisionAuditResult<Answer>) {
  switch (result.kind) {
    case 'no_license':
      throw new NotFound('license.not_found', `No license ${licenseId} has been issued.`);
    case 'no_amendment_request':
      throw new NotFound(
        'license.unknown_amendment_request',
        `License ${licenseId} has no amendment request ${requestId}.`,
        { amendmentRequestId: requestId },
      );
    case 'no_decision_record':
      throw new NotFound(
        'license.no_amendment_decision_record',
        `Amendment request ${requestId} of license ${licenseId} has no recorded decision to check: it is not decided, or was rejected without a rule evaluation.`,
      );
    default:
      return answerOf(licenseId, result);
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

  /** An amendment request's recorded decision replayed like an application's: it must match. */
  @Get('licenses/:id/decision-replay')
  @Authorize('ReplayAmendmentDecision')
  async replayAmendment(
    @Param('id') id: string,
    @Query(new ZodBody(AmendmentDecisionReplayQuery)) query: z.output<typeof AmendmentDecisionReplayQuery>,
    @ReadScope() scope: ScopePredicate,
  ) {
    const { amendmentRequestId } = query;
    return amendmentAnswerOf(id, amendmentRequestId, await this.audit.replayAmendment(id, amendmentRequestId, scope));
  }

  /** An amendment request's recorded inputs at another legal date and/or knowledge time. */
  @Get('licenses/:id/what-if')
  @Authorize('WhatIfAmendmentDecision')
  async whatIfAmendment(
    @Param('id') id: string,
    @Query(new ZodBody(AmendmentWhatIfQuery)) query: z.output<typeof AmendmentWhatIfQuery>,
    @ReadScope() scope: ScopePredicate,
  ) {
    const { amendmentRequestId, ...at } = query;
    return amendmentAnswerOf(
      id,
      amendmentRequestId,
      await this.audit.whatIfAmendment(id, amendmentRequestId, at, scope),
    );
  }

  /** Which decisions relied on this measure (version), decided in [from, to]. */
  @Get('audit/decisions')
  @Authorize('FindDecisionsByMeasure')
  decisionsByMeasure(
    @Query(new ZodBody(DecisionsByMeasure)) query: z.output<typeof DecisionsByMeasure>,
    @ReadRowScope() scope: RowScope,
  ) {
    const { measureId, version, from, to } = query;
    const page = this.decisions.page(
      { measureId, version, from, to, scope },
      pageRequest<DecisionsUsingMeasureSort>(query),
    );
    return {
      measureId,
      version: version ?? null,
      from: from ?? null,
      to: to ?? null,
      decisions: page.items,
      nextCursor: page.nextCursor,
    };
  }
}

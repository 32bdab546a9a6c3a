import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  amendedLicenseForEvaluation,
  type AmendmentRequest,
  type AmendmentRequestStatus,
  type CommandMetadata,
  type DecisionRecord,
  type LicenseCommand,
  type LicenseState,
  NotFoundError,
  requireAmendmentRequest,
} from '@licensing/domain';
import { applications, exporters, licenses } from '../shared/aggregates';
import { CommandRunner, type CommandOutcome, type RunOptions } from '../shared/command-runner';
import { evaluateNow } from './evaluate-now';
import { POLICY_HISTORY, type PolicyHistory } from './policy-history';

const OPEN: readonly AmendmentRequestStatus[] = ['requested', 'under_review', 'reviewed'];

export type AmendmentOutcome = { kind: 'approve' } | { kind: 'reject'; reasons: string[] };

/**
 * An officer's decision on an exporter's amendment request. As for an
 * application, the officer says which; the service evaluates the license as
 * amended on the rules in force today, as known now, and the decision event
 * carries that record (a rejection too, beside the officer's reasons).
 */
export class DecideAmendment extends Command<CommandOutcome> {
  constructor(
    readonly licenseId: string,
    readonly amendmentRequestId: string,
    readonly outcome: AmendmentOutcome,
    readonly metadata: CommandMetadata,
    readonly options: RunOptions,
  ) {
    super();
  }
}

@CommandHandler(DecideAmendment)
export class DecideAmendmentHandler implements ICommandHandler<DecideAmendment> {
  constructor(
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(POLICY_HISTORY) private readonly policy: PolicyHistory,
  ) {}

  execute({ licenseId, amendmentRequestId, outcome, metadata, options }: DecideAmendment): Promise<CommandOutcome> {
    const ids = { licenseId, amendmentRequestId };
    return this.runner.execute(
      licenses,
      licenseId,
      {
        // The runner holds the officer to the row's data scope on the loaded license before build runs.
        type: outcome.kind === 'approve' ? 'ApproveAmendment' : 'RejectAmendment',
        metadata,
        build: async (state: LicenseState): Promise<LicenseCommand> => {
          if (outcome.kind === 'reject') {
            const open = requireAmendmentRequest(state, amendmentRequestId, OPEN, 'reject an amendment request');
            const decision = await this.evaluate(state, open, metadata);
            return { type: 'RejectAmendment', data: { ...ids, reasons: outcome.reasons, decision }, metadata };
          }
          const reviewed = requireAmendmentRequest(
            state,
            amendmentRequestId,
            ['reviewed'],
            'approve an amendment request',
          );
          const decision = await this.evaluate(state, reviewed, metadata);
          return { type: 'ApproveAmendment', data: { ...ids, decision }, metadata };
        },
      },
      options,
    );
  }

  /** The rule evaluation of the license as the request would amend it. */
  private async evaluate(
    state: LicenseState,
    request: AmendmentRequest,
    metadata: CommandMetadata,
  ): Promise<DecisionRecord> {
    if (state.status === 'none') throw new Error('An amendment request was found on a license never issued');
    // The application the license was issued on, read by the service for a license already in scope.
    const { state: application } = await this.runner.load(applications, state.license.applicationId);
    if (application.status === 'none') {
      throw new NotFoundError(
        'application.not_found',
        `Application ${state.license.applicationId} of license ${state.license.licenseId} is not in the event log.`,
      );
    }
    const inputs = amendedLicenseForEvaluation(application.application, state.license, request.changes);
    return evaluateNow(this.runner, exporters, this.policy, inputs, metadata);
  }
}

import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  type ApplicationCommand,
  type ApplicationState,
  applicationsForEvaluation,
  type CommandMetadata,
  type DecisionRecord,
  IllegalTransitionError,
} from '@licensing/domain';
import { applications, exporters } from '../shared/aggregates';
import { CommandRunner, type CommandOutcome, type RunOptions } from '../shared/command-runner';
import { evaluateNow } from './evaluate-now';
import { POLICY_HISTORY, type PolicyHistory } from './policy-history';

export type DecisionOutcome = { kind: 'approve' } | { kind: 'reject'; reasons: string[] };

/**
 * An officer's approval or rejection. The officer says which; the service
 * evaluates the rules in force today, as known now, and the decision event
 * carries that record, so an auditor can replay exactly what was decided.
 */
export class DecideApplication extends Command<CommandOutcome> {
  constructor(
    readonly applicationId: string,
    readonly outcome: DecisionOutcome,
    readonly metadata: CommandMetadata,
    readonly options: RunOptions,
  ) {
    super();
  }
}

const EVALUABLE = new Set<ApplicationState['status']>(['submitted', 'under_review', 'reviewed']);

@CommandHandler(DecideApplication)
export class DecideApplicationHandler implements ICommandHandler<DecideApplication> {
  constructor(
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(POLICY_HISTORY) private readonly policy: PolicyHistory,
  ) {}

  execute({ applicationId, outcome, metadata, options }: DecideApplication): Promise<CommandOutcome> {
    return this.runner.execute(
      applications,
      applicationId,
      {
        // The runner holds the officer to this row's data scope on the loaded
        // application before build runs, so nothing is evaluated out of scope.
        type: outcome.kind === 'approve' ? 'ApproveApplication' : 'RejectApplication',
        metadata,
        build: async (state: ApplicationState): Promise<ApplicationCommand> => {
          const decision = EVALUABLE.has(state.status) ? await this.evaluate(state, metadata) : undefined;
          if (outcome.kind === 'reject') {
            return { type: 'RejectApplication', data: { applicationId, decision, reasons: outcome.reasons }, metadata };
          }
          if (decision === undefined) {
            throw new IllegalTransitionError(
              'application',
              'approve an application',
              state.status,
              'Only a reviewed application can be approved.',
            );
          }
          return { type: 'ApproveApplication', data: { applicationId, decision }, metadata };
        },
      },
      options,
    );
  }

  private evaluate(state: ApplicationState, metadata: CommandMetadata): Promise<DecisionRecord> {
    return evaluateNow(this.runner, exporters, this.policy, applicationsForEvaluation(state), metadata);
  }
}

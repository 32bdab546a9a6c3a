import { Inject, Injectable } from '@nestjs/common';
import {
  type Actor,
  type DecisionRecord,
  type ExporterState,
  exporterProfile,
  fold,
  inScope,
  legalDateAt,
  policySnapshot,
  preCheck,
  type PreCheckRequest,
} from '@licensing/domain';
import { InvalidRequest, NotFound } from '../shared/application-errors';
import { exporters } from '../shared/aggregates';
import { CLOCK, type Clock } from '../shared/clock';
import { CommandRunner, toDomainEvent } from '../shared/command-runner';
import { POLICY_HISTORY, type PolicyHistory } from '../commands/policy-history';

export interface PreCheckAnswer {
  /** The legal date evaluated and the knowledge time, as asked or defaulted. */
  readonly validOn: string;
  readonly knownAt: string;
  /** Always false: a pre-check records nothing, so it can be asked again freely. */
  readonly stored: false;
  readonly decision: DecisionRecord;
}

/**
 * The rule evaluation of an approval, without an application: the policy and
 * the exporter's profile as known at `knownAt` (its events recorded by then,
 * so an answer about the past does not change when the exporter is later
 * penalised), evaluated on `validOn`. Reads only; appends nothing.
 */
@Injectable()
export class PreCheckExport {
  constructor(
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(POLICY_HISTORY) private readonly policy: PolicyHistory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async check(request: PreCheckRequest, actor: Actor): Promise<PreCheckAnswer> {
    // Another exporter's profile is out of scope: the same 404 as one never registered.
    if (!inScope('PreCheckExport', actor, { exporterId: request.exporterId })) throw this.noExporter(request);
    const now = this.clock.now();
    const knownAt = request.knownAt === undefined ? now : new Date(request.knownAt).toISOString();
    if (knownAt > now) {
      throw new InvalidRequest(
        'pre_check.known_at_in_future',
        `knownAt ${knownAt} is after now (${now}): nothing is known yet.`,
        {
          knownAt,
          now,
        },
      );
    }
    const validOn = request.validOn ?? legalDateAt(knownAt);
    const exporter = await this.exporterKnownAt(request.exporterId, knownAt);
    if (exporter.status === 'unregistered') throw this.noExporter(request);
    const snapshot = policySnapshot(await this.policy.policyEventsKnownAt(knownAt), { validOn, knownAt });
    const decision = preCheck(request, exporterProfile(exporter, validOn), snapshot);
    return { validOn, knownAt, stored: false, decision };
  }

  private async exporterKnownAt(exporterId: string, knownAt: string): Promise<ExporterState> {
    const { recorded } = await this.runner.load(exporters, exporterId);
    const known = recorded.filter((event) => event.metadata.recordedAt <= knownAt);
    return fold(
      exporters.decider,
      known.map((event) => toDomainEvent(exporters, event)),
    );
  }

  private noExporter(request: PreCheckRequest): NotFound {
    return new NotFound(
      'exporter.not_found',
      `No exporter ${request.exporterId} was registered as known at ${request.knownAt ?? 'now'}.`,
    );
  }
}

import {
  type ApplicationForEvaluation,
  type CommandMetadata,
  decisiveDecision,
  type DecisionRecord,
  evaluate,
  exporterProfile,
  legalDateAt,
  policySnapshot,
} from '@licensing/domain';
import type { exporters as Exporters } from '../shared/aggregates';
import type { CommandRunner } from '../shared/command-runner';
import type { PolicyHistory } from './policy-history';

/**
 * The rule evaluation a decision records: the rules in force on the day of
 * the command, as known at its instant, with the exporter's profile on that
 * day; one evaluation per end user, the most decisive one kept.
 */
export async function evaluateNow(
  runner: CommandRunner,
  exporters: typeof Exporters,
  policy: PolicyHistory,
  inputs: readonly ApplicationForEvaluation[],
  metadata: CommandMetadata,
): Promise<DecisionRecord> {
  const knownAt = metadata.occurredAt;
  const validOn = legalDateAt(knownAt);
  const exporterId = inputs[0]?.exporterId ?? '';
  // The exporter's profile is an input of the evaluation, read by the service
  // for a case already in scope, not a read by the actor.
  const { state: exporterState } = await runner.load(exporters, exporterId);
  const exporter = exporterProfile(exporterState, validOn);
  const snapshot = policySnapshot(await policy.policyEventsKnownAt(knownAt), { validOn, knownAt });
  return decisiveDecision(inputs.map((application) => evaluate(application, exporter, snapshot)));
}

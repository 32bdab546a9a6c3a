import { PolicySnapshot } from '../policy/policy-snapshot';
import { ApplicationForEvaluation, DecisionRecord, ExporterProfile, RuleOutcome } from './decision-record';
import { evaluateGeneralLicense } from './general-license';
import { describeItem } from './item-matching';
import { evaluateLicensing } from './licensing-rules';
import { evaluateScreening } from './screening-rules';

/** Bumped whenever the evaluation logic changes meaning, so a replay can tell logic drift from policy drift. */
export const EVALUATOR_VERSION = 1;

/**
 * The pure rule evaluation: application + exporter + policy snapshot →
 * decision record. Deterministic: it reads nothing else, and iterates
 * measures (sorted by id), provisions and items in their given order.
 */
export function evaluate(
  application: ApplicationForEvaluation,
  exporter: ExporterProfile,
  snapshot: PolicySnapshot,
): DecisionRecord {
  const inForce = snapshot.measures.filter((m) => m.status === 'in_force');
  const licensing = evaluateLicensing(application, inForce);
  const licensable = application.items.filter((item) => licensing.controlledBy.has(item.lineId));
  const licenseRequired = licensable.length > 0;
  const screening = evaluateScreening(application, inForce, licensable);
  const denied = screening.denialGrounds.length > 0;
  const general = evaluateGeneralLicense(application, exporter, inForce, { licenseRequired, denied });

  const statusOutcomes: RuleOutcome[] = snapshot.measures
    .filter((m) => m.status !== 'in_force')
    .map((m) => ({
      rule: 'measure_status',
      measureId: m.measureId,
      outcome: 'not_applicable',
      reason: `${m.announcementNumber} is ${m.status.replace(/_/g, ' ')} on ${snapshot.validOn}${m.suspendedBy.length > 0 ? ` (suspended by ${m.suspendedBy.join(', ')})` : ''}.`,
    }));
  const outcomes = [...statusOutcomes, ...licensing.outcomes, ...screening.outcomes, ...general.outcomes];

  const applied = new Set(
    [...licensing.outcomes, ...screening.outcomes]
      .filter((o) => o.outcome === 'license_required' || o.outcome === 'deny' || o.outcome === 'case_by_case')
      .flatMap((o) => (o.measureId === undefined ? [] : [o.measureId])),
  );
  const verdict: DecisionRecord['verdict'] = !licenseRequired ? 'not_controlled' : denied ? 'deny' : 'license_required';
  const reasons = [
    ...verdictReasons(application, snapshot, licensing.controlledBy, verdict, screening.denialGrounds),
    ...(verdict === 'license_required' ? screening.caseByCaseReview.map((c) => c.reason) : []),
  ];

  return {
    evaluatorVersion: EVALUATOR_VERSION,
    applicationId: application.applicationId,
    validOn: snapshot.validOn,
    knownAt: snapshot.knownAt,
    inputs: { application, exporter },
    measures: snapshot.measures.map((m) => ({
      measureId: m.measureId,
      version: m.version,
      title: m.title,
      status: m.status,
      applies: applied.has(m.measureId),
    })),
    outcomes,
    licenseRequired,
    denialGrounds: screening.denialGrounds,
    caseByCaseReview: screening.caseByCaseReview,
    generalLicense: general.generalLicense,
    verdict,
    reasons,
  };
}

function verdictReasons(
  application: ApplicationForEvaluation,
  snapshot: PolicySnapshot,
  controlledBy: ReadonlyMap<string, readonly string[]>,
  verdict: DecisionRecord['verdict'],
  denialGrounds: DecisionRecord['denialGrounds'],
): string[] {
  const titles = new Map(snapshot.measures.map((m) => [m.measureId, m.announcementNumber]));
  const position = `on ${snapshot.validOn}, as known at ${snapshot.knownAt}`;
  if (verdict === 'not_controlled') {
    return [`No measure in force ${position} controls any item of this application.`];
  }
  const itemReasons = application.items.map((item) => {
    const measures = controlledBy.get(item.lineId);
    return measures === undefined
      ? `${describeItem(item)} is not controlled ${position}.`
      : `${describeItem(item)} needs a license under ${measures.map((id) => titles.get(id) ?? id).join(', ')} ${position}.`;
  });
  return verdict === 'deny' ? [...itemReasons, ...denialGrounds.map((g) => g.reason)] : itemReasons;
}

import { GeneralLicenseConditions } from '../policy/provisions';
import { MeasureInSnapshot } from '../policy/policy-snapshot';
import { ApplicationForEvaluation, DecisionRecord, ExporterProfile, RuleOutcome } from './decision-record';
import { citation, ruleName, rulesInForce } from './rule-context';

export interface GeneralLicenseResult {
  readonly generalLicense: DecisionRecord['generalLicense'];
  readonly outcomes: RuleOutcome[];
}

/** Each unmet condition, in words an exporter can act on. */
function unmetConditions(c: GeneralLicenseConditions, exporter: ExporterProfile): string[] {
  const unmet: string[] = [];
  if (c.complianceProgrammeRequired && !exporter.complianceProgrammeCertified) {
    unmet.push('no certified internal compliance programme');
  }
  if (exporter.dualUseExportYears < c.minDualUseExportYears) {
    unmet.push(`${exporter.dualUseExportYears} years of dual-use export history, ${c.minDualUseExportYears} required`);
  }
  if (
    c.minLicensedExportsLastThreeYears !== undefined &&
    exporter.licensedExportsLastThreeYears < c.minLicensedExportsLastThreeYears
  ) {
    unmet.push(
      `${exporter.licensedExportsLastThreeYears} licensed exports in the last three years, ${c.minLicensedExportsLastThreeYears} required`,
    );
  }
  // The profile only says whether there was a penalty within three years, so a
  // longer penalty-free period cannot be proven and a shorter one cannot be refuted:
  // both count as unmet, since eligibility must be shown, not presumed.
  if (c.penaltyFreeYears > 0) {
    if (exporter.penalisedWithinThreeYears) {
      unmet.push(
        c.penaltyFreeYears >= 3
          ? `penalised within the last three years; ${c.penaltyFreeYears} penalty-free years required`
          : `penalised within the last three years; the profile cannot show ${c.penaltyFreeYears} penalty-free years`,
      );
    } else if (c.penaltyFreeYears > 3) {
      unmet.push(`${c.penaltyFreeYears} penalty-free years required, but the exporter profile only covers three`);
    }
  }
  if (c.qualificationRequired && !exporter.qualifiedForGeneralLicense) {
    unmet.push('not qualified by the ministry for general licenses');
  }
  return unmet;
}

/**
 * Eligibility for a general license, when one is requested. Every set of
 * conditions in force must be met. A general license is also unavailable
 * when no license is needed or a denial ground holds.
 */
export function evaluateGeneralLicense(
  application: ApplicationForEvaluation,
  exporter: ExporterProfile,
  measures: readonly MeasureInSnapshot[],
  context: { licenseRequired: boolean; denied: boolean },
): GeneralLicenseResult {
  const requested = application.licenseType === 'general';
  const conditionRules = rulesInForce(measures, ['general_license_conditions'] as const);
  if (!requested) {
    return {
      generalLicense: { requested, eligible: false, reasons: ['No general license was requested.'] },
      outcomes: conditionRules.map((r) => ({
        rule: ruleName(r),
        measureId: r.measure.measureId,
        outcome: 'not_applicable',
        reason: `An individual license was requested, so the general-license conditions of ${citation(r)} do not apply.`,
      })),
    };
  }
  const outcomes: RuleOutcome[] = [];
  const reasons: string[] = [];
  for (const r of conditionRules) {
    const c = r.rule.conditions;
    const unmet = unmetConditions(c, exporter);
    const caveat = c.confirmed
      ? ''
      : ` These conditions are unconfirmed (${c.source}); a policy officer should verify them.`;
    const reason =
      unmet.length === 0
        ? `The exporter meets the general-license conditions of ${citation(r)}.${caveat}`
        : `General license not available under ${citation(r)}: ${unmet.join('; ')}.${caveat}`;
    outcomes.push({
      rule: ruleName(r),
      measureId: r.measure.measureId,
      outcome: unmet.length === 0 ? 'pass' : 'deny',
      reason,
    });
    reasons.push(reason);
  }
  if (conditionRules.length === 0)
    reasons.push('No general-license conditions are in force on this date, so none can be granted.');
  if (!context.licenseRequired)
    reasons.push('No item needs a license, so there is nothing to grant a general license for.');
  if (context.denied) reasons.push('A denial ground holds, so no license of any kind can be granted.');
  const eligible =
    conditionRules.length > 0 &&
    outcomes.every((o) => o.outcome === 'pass') &&
    context.licenseRequired &&
    !context.denied;
  return { generalLicense: { requested, eligible, reasons }, outcomes };
}

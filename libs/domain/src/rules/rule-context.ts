import { MeasureInSnapshot } from '../policy/policy-snapshot';
import { PolicyRule, Provision } from '../policy/provisions';
import { ApplicationForEvaluation } from './decision-record';

/** One rule of one provision of one measure in force. */
export interface RuleRef {
  readonly measure: MeasureInSnapshot;
  readonly provision: Provision;
  readonly rule: PolicyRule;
}

export interface RuleInForce<K extends PolicyRule['kind']> extends RuleRef {
  readonly rule: Extract<PolicyRule, { kind: K }>;
}

export function rulesInForce<K extends PolicyRule['kind']>(
  measures: readonly MeasureInSnapshot[],
  kinds: readonly K[],
): RuleInForce<K>[] {
  const wanted = new Set<string>(kinds);
  return measures.flatMap((measure) =>
    measure.provisionsInForce.flatMap((provision) =>
      provision.rules
        .filter((rule): rule is Extract<PolicyRule, { kind: K }> => wanted.has(rule.kind))
        .map((rule) => ({ measure, provision, rule })),
    ),
  );
}

/** Rule names in outcomes read `<provision>.<kind>`, e.g. `clause-1.de_minimis`. */
export function ruleName(r: RuleRef): string {
  return `${r.provision.provisionId}.${r.rule.kind}`;
}

export function citation(r: RuleRef): string {
  return `${r.measure.announcementNumber} (${r.provision.provisionId})`;
}

/** No. 61 reaches items made abroad; the application says so by declaring a Chinese share or Chinese technology. */
export function isForeignMade(application: ApplicationForEvaluation): boolean {
  return (
    application.chineseRareEarthValueSharePercent !== undefined ||
    application.madeWithChineseRareEarthTechnology === true
  );
}

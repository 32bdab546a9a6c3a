import { assertNever } from '../shared/decider';
import { MeasureInSnapshot } from '../policy/policy-snapshot';
import { ApplicationForEvaluation, RuleOutcome } from './decision-record';
import { describeItem, matchingLine } from './item-matching';
import { citation, isForeignMade, RuleInForce, ruleName, rulesInForce } from './rule-context';

export interface LicensingResult {
  readonly outcomes: RuleOutcome[];
  /** Item line → measures that require a license for it, in snapshot order. */
  readonly controlledBy: ReadonlyMap<string, readonly string[]>;
}

type LicensingKind = 'license_required' | 'de_minimis' | 'foreign_direct_product';
const LICENSING_KINDS: readonly LicensingKind[] = ['license_required', 'de_minimis', 'foreign_direct_product'];

/** Why the rule reaches (or not) one matching item: a license outcome, or a pass with its reason. */
function itemOutcome(
  r: RuleInForce<LicensingKind>,
  application: ApplicationForEvaluation,
): { requires: boolean; why: string } {
  const rule = r.rule;
  switch (rule.kind) {
    case 'license_required':
      return { requires: true, why: `is listed by ${citation(r)}` };
    case 'de_minimis': {
      const share = application.chineseRareEarthValueSharePercent;
      if (share === undefined)
        return {
          requires: false,
          why: `declares no Chinese-origin rare-earth share, so the de minimis rule of ${citation(r)} does not reach it`,
        };
      return share >= rule.thresholdPercent
        ? {
            requires: true,
            why: `holds ${share} % Chinese-origin controlled rare earths by value, at or above the ${rule.thresholdPercent} % de minimis threshold of ${citation(r)}`,
          }
        : {
            requires: false,
            why: `holds ${share} % Chinese-origin controlled rare earths by value, below the ${rule.thresholdPercent} % de minimis threshold of ${citation(r)}`,
          };
    }
    case 'foreign_direct_product':
      return application.madeWithChineseRareEarthTechnology === true
        ? {
            requires: true,
            why: `was made abroad with Chinese technology (${rule.technologyControlCodes.join(', ')}) reached by ${citation(r)}`,
          }
        : { requires: false, why: `is not declared as made with Chinese rare-earth technology (${citation(r)})` };
    default:
      return assertNever(rule, 'licensing rule');
  }
}

/** License rules for items made in China; de minimis and foreign-direct-product rules for items made abroad. */
function reachesOrigin(r: RuleInForce<LicensingKind>, foreignMade: boolean): boolean {
  return r.rule.kind === 'license_required' ? !foreignMade : foreignMade;
}

export function evaluateLicensing(
  application: ApplicationForEvaluation,
  measures: readonly MeasureInSnapshot[],
): LicensingResult {
  const foreignMade = isForeignMade(application);
  const outcomes: RuleOutcome[] = [];
  const controlledBy = new Map<string, string[]>();
  for (const r of rulesInForce(measures, LICENSING_KINDS)) {
    const base = { rule: ruleName(r), measureId: r.measure.measureId };
    if (!reachesOrigin(r, foreignMade)) {
      const origin = foreignMade ? 'made abroad' : 'made in China';
      outcomes.push({ ...base, outcome: 'not_applicable', reason: `${citation(r)} does not reach items ${origin}.` });
      continue;
    }
    const matching = application.items.filter((item) => matchingLine(r.provision, item, application.destination));
    if (matching.length === 0) {
      outcomes.push({
        ...base,
        outcome: 'not_applicable',
        reason: `No item of this application is listed by ${citation(r)}.`,
      });
      continue;
    }
    for (const item of matching) {
      const { requires, why } = itemOutcome(r, application);
      outcomes.push({
        ...base,
        lineId: item.lineId,
        outcome: requires ? 'license_required' : 'pass',
        reason: `${describeItem(item)} ${why}${requires ? ': a license is required.' : '.'}`,
      });
      if (requires) {
        const list = controlledBy.get(item.lineId) ?? [];
        if (!list.includes(r.measure.measureId)) list.push(r.measure.measureId);
        controlledBy.set(item.lineId, list);
      }
    }
  }
  return { outcomes, controlledBy };
}

import { assertNever } from '../shared/decider';
import { Item, Party } from '../shared/items';
import { MeasureInSnapshot } from '../policy/policy-snapshot';
import { PolicyRule } from '../policy/provisions';
import { ApplicationForEvaluation, DecisionRecord, DenialGround, RuleOutcome } from './decision-record';
import { matchingLine } from './item-matching';
import { citation, RuleInForce, RuleRef, ruleName, rulesInForce } from './rule-context';

type ScreeningKind = 'deny_end_use' | 'deny_end_user' | 'case_by_case';
const SCREENING_KINDS: readonly ScreeningKind[] = ['deny_end_use', 'deny_end_user', 'case_by_case'];

export interface ScreeningResult {
  readonly outcomes: RuleOutcome[];
  readonly denialGrounds: DecisionRecord['denialGrounds'];
  readonly caseByCaseReview: DecisionRecord['caseByCaseReview'];
}

interface Finding {
  readonly ground?: DenialGround;
  readonly reason: string;
}

function partyFindings(rule: Extract<PolicyRule, { kind: 'deny_end_user' }>, role: string, party: Party): Finding[] {
  return rule.grounds.flatMap((ground): Finding[] => {
    switch (ground) {
      case 'military_end_user':
        return party.militaryUser ? [{ ground, reason: `the ${role} ${party.name} is a military user` }] : [];
      case 'listed_party': {
        if (party.listed) return [{ ground, reason: `the ${role} ${party.name} is a listed party` }];
        const owned = party.ownedByListedPartiesPercent;
        return owned >= rule.affiliateOwnershipThresholdPercent
          ? [
              {
                ground,
                reason: `the ${role} ${party.name} is ${owned} % owned by listed parties (threshold ${rule.affiliateOwnershipThresholdPercent} %)`,
              },
            ]
          : [];
      }
      default:
        return assertNever(ground, 'end-user ground');
    }
  });
}

function findings(r: RuleInForce<ScreeningKind>, application: ApplicationForEvaluation): Finding[] {
  const rule = r.rule;
  const endUse = application.endUse.category;
  switch (rule.kind) {
    case 'deny_end_use': {
      const ground = endUse === 'military' ? 'military_end_use' : endUse === 'wmd' ? 'wmd_end_use' : undefined;
      return ground !== undefined && rule.grounds.includes(ground)
        ? [{ ground, reason: `the declared end use is ${endUse}` }]
        : [];
    }
    case 'deny_end_user':
      return [
        ...partyFindings(rule, 'end user', application.endUser),
        ...partyFindings(rule, 'consignee', application.consignee),
      ];
    case 'case_by_case':
      return rule.endUses.includes(endUse) ? [{ reason: `the declared end use is ${endUse}` }] : [];
    default:
      return assertNever(rule, 'screening rule');
  }
}

/** A screening provision covers the application if it lists none of its own items (screens all) or lists a licensable item. */
function covers(r: RuleRef, licensable: readonly Item[], application: ApplicationForEvaluation): boolean {
  if (r.provision.controls.length === 0) return licensable.length > 0;
  return licensable.some((item) => matchingLine(r.provision, item, application.destination) !== undefined);
}

/** Denial grounds and case-by-case review, for applications that need a license at all. */
export function evaluateScreening(
  application: ApplicationForEvaluation,
  measures: readonly MeasureInSnapshot[],
  licensable: readonly Item[],
): ScreeningResult {
  const result: ScreeningResult = { outcomes: [], denialGrounds: [], caseByCaseReview: [] };
  for (const r of rulesInForce(measures, SCREENING_KINDS)) {
    const base = { rule: ruleName(r), measureId: r.measure.measureId };
    if (!covers(r, licensable, application)) {
      result.outcomes.push({
        ...base,
        outcome: 'not_applicable',
        reason: `${citation(r)} screens no item of this application that needs a license.`,
      });
      continue;
    }
    const found = findings(r, application);
    if (found.length === 0) {
      result.outcomes.push({ ...base, outcome: 'pass', reason: `No ground under ${citation(r)} holds.` });
      continue;
    }
    for (const f of found) {
      if (f.ground === undefined) {
        const reason = `Case-by-case review under ${citation(r)}: ${f.reason}.`;
        result.outcomes.push({ ...base, outcome: 'case_by_case', reason });
        result.caseByCaseReview.push({ measureId: r.measure.measureId, reason });
      } else {
        const reason = `Denial in principle under ${citation(r)}: ${f.reason}.`;
        result.outcomes.push({ ...base, outcome: 'deny', reason });
        result.denialGrounds.push({ ground: f.ground, measureId: r.measure.measureId, reason });
      }
    }
  }
  return result;
}

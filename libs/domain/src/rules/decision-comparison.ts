import { DecisionRecord, MeasureStatusOnDate, RuleOutcome } from './decision-record';
import { diffValues, RecordDifference } from './record-diff';

/** Only in the re-evaluation, only in the recorded decision, or in both and not alike. */
export type ComparisonChange = 'added' | 'removed' | 'changed';

/** What one rule concluded on one side, and why. */
export interface OutcomeSide {
  readonly outcome: RuleOutcome['outcome'];
  readonly reason: string;
}

/**
 * A rule outcome that differs between the recorded decision (`before`) and
 * the re-evaluation (`after`). Outcomes are matched by rule, measure and
 * item line (and, where one rule concludes several times, by their order).
 */
export interface RuleOutcomeDifference {
  readonly change: ComparisonChange;
  readonly rule: string;
  /** The measure the rule belongs to; null for a rule of no measure. */
  readonly measureId: string | null;
  /** The item line of a per-item rule; null otherwise. */
  readonly lineId: string | null;
  readonly before: OutcomeSide | null;
  readonly after: OutcomeSide | null;
}

/** A measure as one side evaluated it. */
export interface MeasureSide {
  readonly title: string;
  readonly version: number;
  readonly status: MeasureStatusOnDate;
  readonly applies: boolean;
}

/** A measure whose title, version, status on the date or application differs, or which only one side knew. */
export interface MeasureDifference {
  readonly change: ComparisonChange;
  readonly measureId: string;
  readonly before: MeasureSide | null;
  readonly after: MeasureSide | null;
}

export interface VerdictSide {
  readonly verdict: DecisionRecord['verdict'];
  readonly reasons: readonly string[];
}

export interface VerdictComparison {
  /** The verdict itself differs (its reasons may differ without it). */
  readonly changed: boolean;
  readonly before: VerdictSide;
  readonly after: VerdictSide;
}

/** The recorded decision against a re-evaluation of it, rule by rule. */
export interface DecisionComparison {
  /** Nothing differs but the policy position asked about (validOn, knownAt). */
  readonly same: boolean;
  readonly verdict: VerdictComparison;
  readonly outcomes: readonly RuleOutcomeDifference[];
  readonly measures: readonly MeasureDifference[];
  /** Every other field that differs (inputs, license requirement, denial grounds, general license), as JSON paths. */
  readonly otherFields: readonly RecordDifference[];
}

/** Fields the comparison reports on its own terms, or that are the position asked about. */
const COMPARED_APART = ['outcomes', 'measures', 'verdict', 'reasons', 'validOn', 'knownAt'] as const;

/** Rule, measure and line; the n-th conclusion of the same rule on the same line is matched with the n-th. */
function byRule(outcomes: readonly RuleOutcome[]): Map<string, RuleOutcome> {
  const seen = new Map<string, number>();
  return new Map(
    outcomes.map((o) => {
      const key = JSON.stringify([o.rule, o.measureId ?? null, o.lineId ?? null]);
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      return [`${key}#${occurrence}`, o];
    }),
  );
}

const outcomeSide = (o: RuleOutcome | undefined): OutcomeSide | null =>
  o === undefined ? null : { outcome: o.outcome, reason: o.reason };

function outcomeDifferences(before: readonly RuleOutcome[], after: readonly RuleOutcome[]): RuleOutcomeDifference[] {
  const recorded = byRule(before);
  const reevaluated = byRule(after);
  const differences: RuleOutcomeDifference[] = [];
  const report = (change: ComparisonChange, o: RuleOutcome, b?: RuleOutcome, a?: RuleOutcome) =>
    differences.push({
      change,
      rule: o.rule,
      measureId: o.measureId ?? null,
      lineId: o.lineId ?? null,
      before: outcomeSide(b),
      after: outcomeSide(a),
    });
  for (const [key, b] of recorded) {
    const a = reevaluated.get(key);
    if (a === undefined) report('removed', b, b);
    else if (a.outcome !== b.outcome || a.reason !== b.reason) report('changed', b, b, a);
  }
  for (const [key, a] of reevaluated) if (!recorded.has(key)) report('added', a, undefined, a);
  return differences;
}

type RecordedMeasure = DecisionRecord['measures'][number];
const measureSide = (m: RecordedMeasure | undefined): MeasureSide | null =>
  m === undefined ? null : { title: m.title, version: m.version, status: m.status, applies: m.applies };

function measureDifferences(
  before: readonly RecordedMeasure[],
  after: readonly RecordedMeasure[],
): MeasureDifference[] {
  const reevaluated = new Map(after.map((m) => [m.measureId, m]));
  const recordedIds = new Set(before.map((m) => m.measureId));
  const differences: MeasureDifference[] = [];
  for (const b of before) {
    const a = reevaluated.get(b.measureId);
    const change = a === undefined ? 'removed' : 'changed';
    const alike =
      a !== undefined &&
      a.title === b.title &&
      a.version === b.version &&
      a.status === b.status &&
      a.applies === b.applies;
    if (!alike) differences.push({ change, measureId: b.measureId, before: measureSide(b), after: measureSide(a) });
  }
  for (const a of after)
    if (!recordedIds.has(a.measureId))
      differences.push({ change: 'added', measureId: a.measureId, before: null, after: measureSide(a) });
  return differences;
}

function withoutComparedApart(record: DecisionRecord): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...record };
  for (const field of COMPARED_APART) delete rest[field];
  return rest;
}

/**
 * Compares a recorded decision with a re-evaluation of its inputs (a replay,
 * or a what-if at another policy position): which rule outcomes were added,
 * removed or changed and why, which measures changed title, version, status
 * or application, whether the verdict changed, and anything else that differs.
 */
export function compareDecisions(recorded: DecisionRecord, reevaluated: DecisionRecord): DecisionComparison {
  const outcomes = outcomeDifferences(recorded.outcomes, reevaluated.outcomes);
  const measures = measureDifferences(recorded.measures, reevaluated.measures);
  const otherFields = diffValues(withoutComparedApart(recorded), withoutComparedApart(reevaluated));
  const verdict: VerdictComparison = {
    changed: recorded.verdict !== reevaluated.verdict,
    before: { verdict: recorded.verdict, reasons: recorded.reasons },
    after: { verdict: reevaluated.verdict, reasons: reevaluated.reasons },
  };
  const reasonsAlike = diffValues(recorded.reasons, reevaluated.reasons).length === 0;
  const same =
    outcomes.length === 0 && measures.length === 0 && otherFields.length === 0 && !verdict.changed && reasonsAlike;
  return { same, verdict, outcomes, measures, otherFields };
}

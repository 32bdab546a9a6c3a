import { DecisionRecord, Instant, LegalDate, MeasureStatusOnDate, RuleOutcome } from '@licensing/domain';
import { z } from 'zod';
import { NextCursor } from './next-cursor';
import { EventInclusion, SignedTreeHead } from './verifiable-log-schemas';

/*
 * The answers of the decision audit (libs/audit/src/decisions) and of the
 * decisions-by-measure read model, as zod schemas of the JSON on the wire;
 * response-schemas.ts registers them with the others.
 */

const Count = z.int().min(0);
const Position = z.string().regex(/^\d{1,20}$/);
const Outcome = z
  .enum(['approved', 'rejected'])
  .describe('How the application (or the amendment request) was decided.');
const Change = z
  .enum(['added', 'removed', 'changed'])
  .describe('Only in the re-evaluation (`added`), only in the record (`removed`), or in both and not alike.');

const OutcomeSide = z.object({ outcome: RuleOutcome.shape.outcome, reason: z.string().describe('Why.') });
const MeasureSide = z.object({
  title: z.string(),
  version: Count.describe("The number of the measure's events known at knownAt."),
  status: MeasureStatusOnDate.describe('Its status on validOn.'),
  applies: z.boolean().describe('It controlled an item or party of the application.'),
});
const VerdictSide = z.object({ verdict: DecisionRecord.shape.verdict, reasons: z.array(z.string()) });

export const DecisionComparison = z
  .object({
    same: z.boolean().describe('Nothing differs but the policy position (validOn, knownAt).'),
    verdict: z.object({
      changed: z.boolean().describe('The verdict itself differs (its reasons may differ without it).'),
      before: VerdictSide.describe('The recorded decision.'),
      after: VerdictSide.describe('The re-evaluation.'),
    }),
    outcomes: z
      .array(
        z.object({
          change: Change,
          rule: z.string(),
          measureId: z.string().nullable().describe('The measure the rule belongs to.'),
          lineId: z.string().nullable().describe('The item line of a per-item rule.'),
          before: OutcomeSide.nullable().describe('The recorded outcome; null: `added`.'),
          after: OutcomeSide.nullable().describe('The re-evaluated outcome; null: `removed`.'),
        }),
      )
      .describe('Rule outcomes that differ, matched by rule, measure and item line.'),
    measures: z
      .array(
        z.object({
          change: Change,
          measureId: z.string(),
          before: MeasureSide.nullable(),
          after: MeasureSide.nullable(),
        }),
      )
      .describe('Measures whose title, version, status or application differs, or only one side knew.'),
    otherFields: z
      .array(z.object({ path: z.string(), recorded: z.unknown(), replayed: z.unknown() }))
      .describe('Any other field of the record that differs (inputs, license requirement, denial grounds…).'),
  })
  .describe('The recorded decision (`before`) against the re-evaluation (`after`), rule by rule.');

const StreamIntegrity = z.object({
  streamId: z.string(),
  ok: z.boolean().describe("The stream's SHA-256 chain holds over the events as stored."),
  events: Count,
  firstBrokenRevision: Count.nullable().describe('Where the chain first breaks; null: it holds.'),
  detail: z.string(),
});

export const DecisionIntegrity = z
  .object({
    ok: z.boolean().describe('Every chain holds.'),
    application: StreamIntegrity,
    policy: z.array(StreamIntegrity).describe('Every measure stream read: those the record lists and every other.'),
  })
  .describe('The hash chains of the streams read, checked on the events as stored (never upcast).');

export const DecisionProofs = z
  .object({
    status: z
      .enum(['proved', 'partial', 'unavailable'])
      .describe('`partial`: some events were appended after the head; `unavailable`: no signed tree head.'),
    detail: z.string(),
    treeHead: SignedTreeHead.nullable().describe('The signed tree head every proof is against; null: unavailable.'),
    decisionEvent: EventInclusion.nullable(),
    policyEvents: z.array(EventInclusion).describe("The events of the record's measures recorded by knownAt."),
    notInTreeHead: z
      .array(z.object({ eventId: z.string(), streamId: z.string(), revision: Count, position: Position }))
      .describe('Events the head does not include yet (appended after it was signed).'),
  })
  .describe('Inclusion proofs of every event the replay read, in the verifiable log.');

export const DecisionReplay = z.object({
  applicationId: z.string(),
  outcome: Outcome,
  validOn: LegalDate.describe('The date whose law the decision applied.'),
  knownAt: Instant.describe('The policy as it was known at this instant.'),
  matches: z.boolean().describe('The replay gave the recorded decision back and every chain holds.'),
  findings: z.array(z.string()).describe('Why it matches or not.'),
  differences: DecisionComparison,
  integrity: DecisionIntegrity,
  proofs: DecisionProofs,
});

const EvaluatedAt = z.object({
  validOn: LegalDate,
  knownAt: Instant,
  verdict: DecisionRecord.shape.verdict,
});

export const DecisionWhatIf = z.object({
  applicationId: z.string(),
  outcome: Outcome,
  recorded: EvaluatedAt.describe('The decision as recorded.'),
  whatIf: EvaluatedAt.describe('The recorded inputs at the position asked about.'),
  changed: z.boolean().describe('Anything differs from the recorded decision but the position itself.'),
  findings: z.array(z.string()),
  differences: DecisionComparison,
  integrity: DecisionIntegrity,
});

const AmendmentIntegrity = z
  .object({
    ok: z.boolean().describe('Every chain holds.'),
    license: StreamIntegrity,
    policy: z.array(StreamIntegrity).describe('Every measure stream read: those the record lists and every other.'),
  })
  .describe('The hash chains of the license stream and the measure streams, checked on the events as stored.');
const AmendmentSubject = {
  licenseId: z.string(),
  amendmentRequestId: z.string(),
  outcome: z.enum(['approved', 'rejected']).describe('How the amendment request was decided.'),
};

export const AmendmentDecisionReplay = DecisionReplay.omit({ applicationId: true }).extend({
  ...AmendmentSubject,
  integrity: AmendmentIntegrity,
});

export const AmendmentDecisionWhatIf = DecisionWhatIf.omit({ applicationId: true }).extend({
  ...AmendmentSubject,
  integrity: AmendmentIntegrity,
});

export const DecisionsUsingMeasure = z.object({
  measureId: z.string(),
  version: Count.nullable(),
  from: Instant.nullable(),
  to: Instant.nullable(),
  decisions: z
    .array(
      z.object({
        applicationId: z.string().describe('The application decided, or the one the amended license was issued on.'),
        licenseId: z
          .string()
          .nullable()
          .describe("An amendment request's decision: its license; null: the application's."),
        amendmentRequestId: z
          .string()
          .nullable()
          .describe("An amendment request's decision: the request; null: the application's."),
        exporterId: z.string(),
        outcome: Outcome,
        measureId: z.string(),
        version: Count.describe('The version of the measure the decision evaluated.'),
        status: MeasureStatusOnDate.describe('Its status on validOn.'),
        applies: z.boolean().describe('It controlled an item or party of the application.'),
        validOn: LegalDate,
        knownAt: Instant,
        decidedAt: Instant.describe('When the decision event was recorded.'),
        position: Position.describe('The decision event in `$all`.'),
      }),
    )
    .describe('In the order they were recorded (`sort`), one page.'),
  nextCursor: NextCursor,
});

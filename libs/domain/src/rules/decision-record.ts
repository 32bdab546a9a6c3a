import { z } from 'zod';
import { LegalDate } from '../shared/dates';
import { CountryCode, EndUse, Item, Party } from '../shared/items';
import { Instant } from '../shared/metadata';

/**
 * What the rule evaluation looks at. It is copied into the decision record,
 * so a replay years later needs nothing but the record and the policy log.
 */
export const ApplicationForEvaluation = z.object({
  applicationId: z.string().min(1),
  exporterId: z.string().min(1),
  licenseType: z.enum(['individual', 'general']),
  items: z.array(Item).min(1),
  consignee: Party,
  endUser: Party,
  endUse: EndUse,
  destination: CountryCode,
  /**
   * For foreign-made items (No. 61): the share of the item's value that is
   * Chinese-origin controlled rare earth, 0–100. Absent for items made in China.
   */
  chineseRareEarthValueSharePercent: z.number().min(0).max(100).optional(),
  /**
   * For foreign-made items (No. 61): made with Chinese rare-earth technology.
   * Absent or false: not declared.
   */
  madeWithChineseRareEarthTechnology: z.boolean().optional(),
});
export type ApplicationForEvaluation = z.infer<typeof ApplicationForEvaluation>;

/** The exporter facts the general-license conditions look at. */
export const ExporterProfile = z.object({
  exporterId: z.string().min(1),
  complianceProgrammeCertified: z.boolean(),
  /** Years of dual-use export history. */
  dualUseExportYears: z.number().min(0),
  /** Licensed exports in the last three years. */
  licensedExportsLastThreeYears: z.number().int().min(0),
  penalisedWithinThreeYears: z.boolean(),
  /** The ministry's qualification for general licenses, if granted and not withdrawn. */
  qualifiedForGeneralLicense: z.boolean(),
});
export type ExporterProfile = z.infer<typeof ExporterProfile>;

export const MeasureStatusOnDate = z.enum([
  'not_yet_published',
  'not_yet_in_force',
  'in_force',
  'suspended',
  'repealed',
]);
export type MeasureStatusOnDate = z.infer<typeof MeasureStatusOnDate>;

export const RuleOutcome = z.object({
  rule: z.string().min(1),
  measureId: z.string().min(1).optional(),
  outcome: z.enum(['not_applicable', 'pass', 'license_required', 'case_by_case', 'deny']),
  reason: z.string().min(1),
  /** The application item line the outcome is about, for per-item rules. */
  lineId: z.string().min(1).optional(),
});
export type RuleOutcome = z.infer<typeof RuleOutcome>;

export const DenialGround = z.enum(['military_end_use', 'military_end_user', 'wmd_end_use', 'listed_party']);
export type DenialGround = z.infer<typeof DenialGround>;

/**
 * The record a decision event carries: inputs, the exact policy it was taken
 * under (valid date, recorded-time cut-off, every measure and its version),
 * each rule's outcome and the reasons. `evaluate(inputs, snapshot)` on the
 * same snapshot must give back an equal record.
 */
export const DecisionRecord = z.object({
  evaluatorVersion: z.number().int().positive(),
  applicationId: z.string().min(1),
  /** The date whose law applied (valid time, China Standard Time). */
  validOn: LegalDate,
  /** The recorded-time cut-off: policy as known at this instant. */
  knownAt: Instant,
  inputs: z.object({
    application: ApplicationForEvaluation,
    exporter: ExporterProfile,
  }),
  measures: z.array(
    z.object({
      measureId: z.string().min(1),
      /** The measure's version: the number of policy events that shaped it. */
      version: z.number().int().positive(),
      title: z.string().min(1),
      status: MeasureStatusOnDate,
      /** Did it control any item or party of this application on validOn? */
      applies: z.boolean(),
    }),
  ),
  outcomes: z.array(RuleOutcome),
  licenseRequired: z.boolean(),
  denialGrounds: z.array(z.object({ ground: DenialGround, measureId: z.string().min(1), reason: z.string().min(1) })),
  caseByCaseReview: z.array(z.object({ measureId: z.string().min(1), reason: z.string().min(1) })),
  generalLicense: z.object({
    requested: z.boolean(),
    eligible: z.boolean(),
    reasons: z.array(z.string()),
  }),
  /**
   * `not_controlled`: no measure in force controls the items;
   * `license_required`: a license may be granted; `deny`: a denial ground holds.
   */
  verdict: z.enum(['not_controlled', 'license_required', 'deny']),
  reasons: z.array(z.string()),
});
export type DecisionRecord = z.infer<typeof DecisionRecord>;

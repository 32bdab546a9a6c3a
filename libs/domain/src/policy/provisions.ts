import { z } from 'zod';
import { LegalDate } from '../shared/dates';
import { ControlCode, CountryCode, EndUseCategory, ItemForm } from '../shared/items';

/**
 * One line of what a provision controls. A control code is the identifier
 * the list uses; an element alone is accepted because some announcements we
 * hold (No. 46 of 2024) name materials but no control code in our sources.
 */
export const ControlledItem = z
  .object({
    /** An entry (`1C902`, covers all sub-items) or a sub-item (`1C902.a`). */
    controlCode: ControlCode.optional(),
    element: z.string().min(1).optional(),
    /** Absent: every form. */
    forms: z.array(ItemForm).min(1).optional(),
    /** Absent: every destination. */
    destinations: z.array(CountryCode).min(1).optional(),
    description: z.string().min(1),
    /** Why a value is provisional, e.g. "control code unconfirmed". */
    note: z.string().min(1).optional(),
  })
  .refine((c) => c.controlCode !== undefined || c.element !== undefined, {
    message: 'a controlled item needs a control code or an element',
  });
export type ControlledItem = z.infer<typeof ControlledItem>;

/**
 * General-license conditions as data. The public guide is the 2009 rules;
 * whether the 2024 rules keep these numbers is unconfirmed, so `confirmed`
 * says so and a policy officer corrects them with a policy event.
 */
export const GeneralLicenseConditions = z.object({
  complianceProgrammeRequired: z.boolean(),
  minDualUseExportYears: z.number().min(0),
  /** Absent: the "steady volume" condition has no number we can check. */
  minLicensedExportsLastThreeYears: z.number().int().min(0).optional(),
  penaltyFreeYears: z.number().int().min(0),
  qualificationRequired: z.boolean(),
  confirmed: z.boolean(),
  source: z.string().min(1),
});
export type GeneralLicenseConditions = z.infer<typeof GeneralLicenseConditions>;

/** The rules a provision carries. Adding a regime means adding data, not code. */
export const PolicyRule = z.discriminatedUnion('kind', [
  /** Items made in China that match the provision's controls need a license. */
  z.object({ kind: z.literal('license_required') }),
  /** Foreign-made items holding Chinese-origin controlled material at or above the threshold share of value. */
  z.object({ kind: z.literal('de_minimis'), thresholdPercent: z.number().min(0).max(100) }),
  /** Foreign-made items produced with Chinese technology of these control codes. */
  z.object({ kind: z.literal('foreign_direct_product'), technologyControlCodes: z.array(ControlCode).min(1) }),
  z.object({
    kind: z.literal('deny_end_use'),
    grounds: z.array(z.enum(['military_end_use', 'wmd_end_use'])).min(1),
  }),
  z.object({
    kind: z.literal('deny_end_user'),
    grounds: z.array(z.enum(['military_end_user', 'listed_party'])).min(1),
    /** A party owned at or above this share by listed parties counts as listed. */
    affiliateOwnershipThresholdPercent: z.number().min(0).max(100),
  }),
  z.object({ kind: z.literal('case_by_case'), endUses: z.array(EndUseCategory).min(1) }),
  z.object({ kind: z.literal('general_license_conditions'), conditions: GeneralLicenseConditions }),
]);
export type PolicyRule = z.infer<typeof PolicyRule>;
export type PolicyRuleKind = PolicyRule['kind'];

/**
 * A clause of a measure. Each carries its own effective date because one
 * announcement can bring clauses into force on different days (No. 61).
 * Empty `controls` on a screening rule (deny / case-by-case) means it screens
 * every licensable item; on a licensing rule it controls nothing yet.
 */
export const Provision = z.object({
  provisionId: z.string().min(1),
  summary: z.string().min(1),
  effectiveFrom: LegalDate,
  controls: z.array(ControlledItem),
  rules: z.array(PolicyRule),
});
export type Provision = z.infer<typeof Provision>;

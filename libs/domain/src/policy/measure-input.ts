import { z } from 'zod';
import { LegalDate } from '../shared/dates';
import { IdInput, LIST_LIMITS, NameInput, TextInput } from '../shared/input-fields';
import { ControlCode, CountryCode, EndUseCategory, ItemForm } from '../shared/items';
import { ControlledItem, GeneralLicenseConditions, Provision } from './provisions';

/*
 * What a policy officer may send: the policy schemas the events store, with
 * limits (shared/input-fields.ts says why events keep the permissive ones).
 * The unions are spelt out again because zod cannot extend one option of a
 * union; `command-inputs.spec.ts` proves each twin equals its stored schema
 * once the limits are taken away, so the two cannot drift apart.
 */

export const ControlledItemInput = ControlledItem.safeExtend({
  element: NameInput.optional(),
  forms: z.array(ItemForm).min(1).max(ItemForm.options.length).optional(),
  destinations: z.array(CountryCode).min(1).max(LIST_LIMITS.codes).optional(),
  description: TextInput,
  note: TextInput.optional(),
});

const GeneralLicenseConditionsInput = GeneralLicenseConditions.extend({ source: TextInput });

export const PolicyRuleInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('license_required') }),
  z.object({ kind: z.literal('de_minimis'), thresholdPercent: z.number().min(0).max(100) }),
  z.object({
    kind: z.literal('foreign_direct_product'),
    technologyControlCodes: z.array(ControlCode).min(1).max(LIST_LIMITS.codes),
  }),
  z.object({
    kind: z.literal('deny_end_use'),
    grounds: z
      .array(z.enum(['military_end_use', 'wmd_end_use']))
      .min(1)
      .max(2),
  }),
  z.object({
    kind: z.literal('deny_end_user'),
    grounds: z
      .array(z.enum(['military_end_user', 'listed_party']))
      .min(1)
      .max(2),
    affiliateOwnershipThresholdPercent: z.number().min(0).max(100),
  }),
  z.object({
    kind: z.literal('case_by_case'),
    endUses: z.array(EndUseCategory).min(1).max(EndUseCategory.options.length),
  }),
  z.object({ kind: z.literal('general_license_conditions'), conditions: GeneralLicenseConditionsInput }),
]);

export const ProvisionInput = Provision.extend({
  provisionId: IdInput,
  summary: TextInput,
  controls: z.array(ControlledItemInput).max(LIST_LIMITS.controls),
  rules: z.array(PolicyRuleInput).max(LIST_LIMITS.rules),
});

export const CorrectedFactInput = z.discriminatedUnion('field', [
  z.object({ field: z.literal('title'), value: NameInput }),
  z.object({ field: z.literal('publishedOn'), value: LegalDate }),
  z.object({ field: z.literal('repealedOn'), value: LegalDate }),
  z.object({ field: z.literal('provision.effectiveFrom'), provisionId: IdInput, value: LegalDate }),
  z.object({
    field: z.literal('provision.controls'),
    provisionId: IdInput,
    value: z.array(ControlledItemInput).max(LIST_LIMITS.controls),
  }),
  z.object({
    field: z.literal('provision.rules'),
    provisionId: IdInput,
    value: z.array(PolicyRuleInput).max(LIST_LIMITS.rules),
  }),
  z.object({ field: z.literal('suspension.from'), suspensionId: IdInput, value: LegalDate }),
  /** `null`: the suspension in fact had no end date. */
  z.object({ field: z.literal('suspension.until'), suspensionId: IdInput, value: LegalDate.nullable() }),
]);

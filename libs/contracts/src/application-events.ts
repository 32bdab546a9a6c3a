import { z } from 'zod';
import { LegalDate, LicenseType } from './common';
import { contractEvent } from './envelope';

/** An exporter submitted an application; it now waits for the ministry to accept it for review. */
export const ApplicationSubmittedV1 = contractEvent(
  'application.submitted',
  'application',
  z.object({
    applicationId: z.string().min(1),
    exporterId: z.string().min(1),
    licenseType: LicenseType,
    submittedOn: LegalDate,
  }),
);
export type ApplicationSubmittedV1 = z.infer<typeof ApplicationSubmittedV1>;

/** A control measure the decision's rule evaluation found applicable, at the version it read. */
export const AppliedMeasure = z.object({
  measureId: z.string().min(1),
  /** The number of policy events that had shaped the measure; matches `control-measure.changed` `measureVersion`. */
  version: z.number().int().positive(),
});
export type AppliedMeasure = z.infer<typeof AppliedMeasure>;

/**
 * The rule evaluation behind a decision. `verdict`: `not_controlled` (no
 * measure in force controls the items), `license_required` (a license may
 * be granted) or `deny` (a denial ground holds).
 */
export const DecisionBasis = z.object({
  verdict: z.enum(['not_controlled', 'license_required', 'deny']),
  /** The date whose law applied (China Standard Time). */
  policyValidOn: LegalDate,
  /** Policy as known at this instant (UTC). */
  policyKnownAt: z.iso.datetime({ offset: false }),
  measuresApplied: z.array(AppliedMeasure),
});
export type DecisionBasis = z.infer<typeof DecisionBasis>;

const decidedCommon = {
  applicationId: z.string().min(1),
  exporterId: z.string().min(1),
  decidedOn: LegalDate,
  /** The licensing officer who decided. */
  decidedBy: z.string().min(1),
  /** Plain-language reasons: the evaluation's, and for a rejection the officer's. */
  reasons: z.array(z.string().min(1)),
};

/**
 * The ministry decided an application. An approval is followed by a
 * `license.issued` on the license topic (keyed by the new license id).
 */
export const ApplicationDecidedV1 = contractEvent(
  'application.decided',
  'application',
  z.discriminatedUnion('outcome', [
    z.object({ outcome: z.literal('approved'), ...decidedCommon, licenseType: LicenseType, basis: DecisionBasis }),
    z.object({
      outcome: z.literal('rejected'),
      ...decidedCommon,
      /** Null when the officer rejected on explicit reasons without a rule evaluation. */
      basis: DecisionBasis.nullable(),
    }),
  ]),
);
export type ApplicationDecidedV1 = z.infer<typeof ApplicationDecidedV1>;

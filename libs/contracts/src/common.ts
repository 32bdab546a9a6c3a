import { z } from 'zod';

/**
 * Building blocks shared by the public events. They are re-declared here,
 * not imported from the domain, so a downstream team depends on this package
 * alone and our internal model can change without breaking them.
 */

/** A calendar date in China Standard Time (UTC+8), `YYYY-MM-DD`: the day a legal effect starts or ends. */
export const LegalDate = z.iso.date().describe('Calendar date in China Standard Time (UTC+8), YYYY-MM-DD');
export type LegalDate = z.infer<typeof LegalDate>;

/** An instant in UTC, ISO 8601 with a `Z` suffix. */
export const Instant = z.iso.datetime({ offset: false }).describe('Instant in UTC, ISO 8601 with a Z suffix');
export type Instant = z.infer<typeof Instant>;

export const LicenseType = z
  .enum(['individual', 'general'])
  .describe('individual: one contract, one year at most; general: up to three years');
export type LicenseType = z.infer<typeof LicenseType>;

/** An amount in a unit of measure, e.g. `{ amount: 40, unit: 'kg' }`. Zero is allowed (a line used up). */
export const Quantity = z.object({
  amount: z.number().nonnegative(),
  unit: z.string().min(1),
});
export type Quantity = z.infer<typeof Quantity>;

/** A named party: consignee or end user. Screening attributes stay internal. */
export const PartyRef = z.object({
  name: z.string().min(1),
  /** ISO 3166-1 alpha-2. */
  country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code'),
});
export type PartyRef = z.infer<typeof PartyRef>;

/**
 * One licensed item line with what is authorised and what is left to ship.
 * `form` is an open set (metal, alloy, target, magnet_material, oxide,
 * compound, equipment, auxiliary_material, technology, other today):
 * consumers must accept values they do not know.
 */
export const LicenseLine = z.object({
  lineId: z.string().min(1),
  /** Dual-Use Items Export Control List code, e.g. `1C902.a`. */
  controlCode: z.string().min(1),
  /** Chemical element for rare-earth items, e.g. `samarium`; null otherwise. */
  element: z.string().min(1).nullable(),
  form: z.string().min(1),
  description: z.string().min(1),
  /** Customs HS code when declared; null otherwise. */
  hsCode: z.string().min(1).nullable(),
  authorised: Quantity,
  remaining: Quantity,
});
export type LicenseLine = z.infer<typeof LicenseLine>;

/** A quantity against one license line, in that line's unit. */
export const LineQuantity = z.object({
  lineId: z.string().min(1),
  quantity: Quantity,
});
export type LineQuantity = z.infer<typeof LineQuantity>;

import { z } from 'zod';

/**
 * A control code from the Dual-Use Items Export Control List, e.g. `1C902`
 * (an entry) or `1C902.a` (an entry's sub-item). HS codes still appear on
 * customs declarations but are not the control identifier.
 */
export const ControlCode = z
  .string()
  .regex(/^[0-9][A-E][0-9]{3}(\.[a-z](\.[0-9]+)?)?$/, 'a control code such as 1C902 or 1C902.a');
export type ControlCode = z.infer<typeof ControlCode>;

/** Does `code` fall under `entry` (an entry matches all its sub-items)? */
export function controlCodeCovers(entry: ControlCode, code: ControlCode): boolean {
  return code === entry || code.startsWith(`${entry}.`);
}

/**
 * The item forms the rare-earth announcements distinguish: `.a` metal,
 * alloys, targets and magnet materials; `.b` oxides and mixtures; `.c`
 * compounds and mixtures; plus equipment and technology for Nos. 56 and 62.
 */
export const ItemForm = z.enum([
  'metal',
  'alloy',
  'target',
  'magnet_material',
  'oxide',
  'compound',
  'equipment',
  'auxiliary_material',
  'technology',
  'other',
]);
export type ItemForm = z.infer<typeof ItemForm>;

export const Quantity = z.object({
  amount: z.number().positive(),
  unit: z.string().min(1),
});
export type Quantity = z.infer<typeof Quantity>;

export const Money = z.object({
  amount: z.number().nonnegative(),
  currency: z.string().length(3),
});
export type Money = z.infer<typeof Money>;

/** ISO 3166-1 alpha-2 country code. */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code');
export type CountryCode = z.infer<typeof CountryCode>;

export const Item = z.object({
  /** Line id within the application or license, e.g. `1`. */
  lineId: z.string().min(1),
  controlCode: ControlCode,
  /** Chemical element where the item is a rare earth, e.g. `samarium`. */
  element: z.string().min(1).optional(),
  form: ItemForm,
  description: z.string().min(1),
  hsCode: z.string().optional(),
  quantity: Quantity,
  value: Money,
});
export type Item = z.infer<typeof Item>;

/** Someone named in an application: consignee or end user. */
export const Party = z.object({
  name: z.string().min(1),
  country: CountryCode,
  /** Declared or screened attributes the denial grounds look at. */
  militaryUser: z.boolean().default(false),
  /** On a control list (e.g. the unreliable entity or export control list). */
  listed: z.boolean().default(false),
  /** Share owned by listed parties, 0–100; 50 or more counts as listed. */
  ownedByListedPartiesPercent: z.number().min(0).max(100).default(0),
});
export type Party = z.infer<typeof Party>;

export const EndUseCategory = z.enum([
  'civil',
  'military',
  'wmd',
  'advanced_semiconductors',
  'military_ai',
  'research',
]);
export type EndUseCategory = z.infer<typeof EndUseCategory>;

export const EndUse = z.object({
  category: EndUseCategory,
  description: z.string().min(1),
});
export type EndUse = z.infer<typeof EndUse>;

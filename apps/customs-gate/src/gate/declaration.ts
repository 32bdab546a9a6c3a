import { z } from 'zod';

/**
 * A shipment declaration as the customs gate sees it: only what a
 * `license.state` snapshot can check. Quantities are in the license line's
 * unit; `unit`, when given, must be that unit (the gate does not convert).
 */
export const DeclarationLine = z.strictObject({
  lineId: z.string().min(1),
  quantity: z.number().positive(),
  unit: z.string().min(1).optional(),
});
export type DeclarationLine = z.infer<typeof DeclarationLine>;

export const DeclaredParty = z.strictObject({
  name: z.string().min(1),
  /** ISO 3166-1 alpha-2, as on the license. */
  country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code'),
});
export type DeclaredParty = z.infer<typeof DeclaredParty>;

export const CustomsDeclaration = z.strictObject({
  declarationRef: z.string().min(1),
  licenseId: z.string().min(1),
  exporterId: z.string().min(1),
  lines: z.array(DeclarationLine).min(1),
  /** Destination country of the consignee: must be the country of one of the license's end users. */
  consigneeCountry: z
    .string()
    .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code')
    .optional(),
  /** The declared end user: must be one named on the license. */
  endUser: DeclaredParty.optional(),
});
export type CustomsDeclaration = z.infer<typeof CustomsDeclaration>;

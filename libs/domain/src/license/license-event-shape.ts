import { z } from 'zod';

/** A quantity against one license line, in that line's unit. */
export const LineQuantity = z.object({
  lineId: z.string().min(1),
  quantity: z.number().nonnegative(),
});
export type LineQuantity = z.infer<typeof LineQuantity>;

/** The shape every license event shares: its type, schema version 1, and data naming the license. */
export function licenseEvent<Type extends string, Data extends z.ZodRawShape>(type: Type, data: Data) {
  return z.object({
    type: z.literal(type),
    schemaVersion: z.literal(1),
    data: z.object({ licenseId: z.string().min(1), ...data }),
  });
}

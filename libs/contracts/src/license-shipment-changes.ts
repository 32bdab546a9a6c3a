import { z } from 'zod';
import { LegalDate, LineQuantity } from './common';
import { contractEvent } from './envelope';

const licenseId = z.string().min(1);

/**
 * A shipment recorded earlier was corrected: `shipped` is what it really
 * shipped (replacing `previouslyShipped`), under the same customs declaration;
 * `remaining` lists every line after the correction. Added in a later
 * release than the other license events: a consumer built before it skips
 * it and still reads the new remaining quantities on `license.state`.
 */
export const LicenseShipmentCorrectedV1 = contractEvent(
  'license.shipment-corrected',
  'license',
  z.object({
    licenseId,
    shipmentId: z.string().min(1),
    correctedOn: LegalDate,
    customsDeclarationRef: z.string().min(1),
    reason: z.string().min(1),
    shipped: z.array(LineQuantity).min(1),
    previouslyShipped: z.array(LineQuantity).min(1),
    remaining: z.array(LineQuantity).min(1),
  }),
);
export type LicenseShipmentCorrectedV1 = z.infer<typeof LicenseShipmentCorrectedV1>;

/**
 * A shipment recorded earlier did not leave: `restored` goes back to the
 * license. A license `exhausted` by it is open again (`license.state`
 * shows `active`).
 */
export const LicenseShipmentCancelledV1 = contractEvent(
  'license.shipment-cancelled',
  'license',
  z.object({
    licenseId,
    shipmentId: z.string().min(1),
    cancelledOn: LegalDate,
    customsDeclarationRef: z.string().min(1),
    reason: z.string().min(1),
    restored: z.array(LineQuantity).min(1),
    remaining: z.array(LineQuantity).min(1),
  }),
);
export type LicenseShipmentCancelledV1 = z.infer<typeof LicenseShipmentCancelledV1>;

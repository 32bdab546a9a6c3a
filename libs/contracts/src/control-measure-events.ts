import { z } from 'zod';
import { LegalDate } from './common';
import { contractEvent } from './envelope';

/** The measure whose announcement ordered a change, e.g. `no-70-2025`. */
const orderedBy = z.string().min(1);
const suspensionId = z.string().min(1);

/**
 * What changed. Dates are valid time: when the change applies in law
 * (China Standard Time), which may be before or after `recordedAt`.
 */
export const MeasureChange = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('published'),
    publishedOn: LegalDate,
    /** Each provision carries its own effective date. */
    provisions: z.array(
      z.object({ provisionId: z.string().min(1), summary: z.string().min(1), effectiveFrom: LegalDate }),
    ),
  }),
  z.object({
    kind: z.literal('amended'),
    orderedBy,
    effectiveOn: LegalDate,
    /** Provisions replaced (same id) or added from `effectiveOn`. */
    changedProvisionIds: z.array(z.string().min(1)),
    removedProvisionIds: z.array(z.string().min(1)),
  }),
  z.object({
    kind: z.literal('suspended'),
    orderedBy,
    suspensionId,
    from: LegalDate,
    /** First day back in force (it lapses by itself); null: until lifted. */
    until: LegalDate.nullable(),
    /** Null: the whole measure; otherwise only these provisions. */
    provisionIds: z.array(z.string().min(1)).min(1).nullable(),
  }),
  z.object({ kind: z.literal('suspension-extended'), orderedBy, suspensionId, until: LegalDate }),
  z.object({ kind: z.literal('suspension-lifted'), orderedBy, suspensionId, on: LegalDate }),
  z.object({ kind: z.literal('repealed'), orderedBy, on: LegalDate }),
  z.object({
    kind: z.literal('corrected'),
    /**
     * The corrected fact: title, publishedOn, repealedOn,
     * provision.effectiveFrom, provision.controls, provision.rules,
     * suspension.from or suspension.until (an open set). A correction says
     * the earlier record was wrong all along, unlike an amendment.
     */
    field: z.string().min(1),
    provisionId: z.string().min(1).nullable(),
    suspensionId: suspensionId.nullable(),
    /** The new date or title for date and title fields; null for structured fields and for "no end date". */
    value: z.string().nullable(),
    reason: z.string().min(1),
  }),
]);
export type MeasureChange = z.infer<typeof MeasureChange>;
export type MeasureChangeKind = MeasureChange['kind'];

/**
 * A control measure (an announcement such as MOFCOM No. 18 of 2025) was
 * published or changed. Keyed by measure id, so a measure's changes arrive
 * in order.
 */
export const ControlMeasureChangedV1 = contractEvent(
  'control-measure.changed',
  'control-measure',
  z.object({
    measureId: z.string().min(1),
    /** As cited, e.g. `No. 18 of 2025`. */
    announcementNumber: z.string().min(1),
    /** The title after this change (a correction may change it). */
    title: z.string().min(1),
    /** The number of policy events that have shaped the measure, this one included. */
    measureVersion: z.number().int().positive(),
    change: MeasureChange,
  }),
);
export type ControlMeasureChangedV1 = z.infer<typeof ControlMeasureChangedV1>;

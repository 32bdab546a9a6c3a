import { z } from 'zod';
import { LegalDate } from '../shared/dates';
import { ControlledItem, PolicyRule, Provision } from './provisions';

/**
 * Events of the `control-measure-<id>` stream. Dates inside events are valid
 * time (when the law applies, China Standard Time); when we learned a fact is
 * the envelope's `recordedAt`, never part of the payload.
 */
const MeasureId = z.string().min(1);
/** The measure that ordered a change, e.g. `no-70-2025` for a suspension. */
const OrderedBy = z.string().min(1);

export const MeasurePublished = z.object({
  type: z.literal('MeasurePublished'),
  schemaVersion: z.literal(1),
  data: z.object({
    measureId: MeasureId,
    title: z.string().min(1),
    issuer: z.string().min(1),
    /** As cited, e.g. `No. 18 of 2025`. */
    announcementNumber: z.string().min(1),
    publishedOn: LegalDate,
    provisions: z.array(Provision),
  }),
});

export const MeasureAmended = z.object({
  type: z.literal('MeasureAmended'),
  schemaVersion: z.literal(1),
  data: z.object({
    measureId: MeasureId,
    orderedBy: OrderedBy,
    /** From this date the listed provisions replace (same id) or join the measure. */
    effectiveOn: LegalDate,
    provisions: z.array(Provision),
    removedProvisionIds: z.array(z.string().min(1)),
  }),
});

export const MeasureSuspended = z.object({
  type: z.literal('MeasureSuspended'),
  schemaVersion: z.literal(1),
  data: z.object({
    measureId: MeasureId,
    suspensionId: z.string().min(1),
    orderedBy: OrderedBy,
    from: LegalDate,
    /** First day back in force; the suspension lapses by itself then. Absent: until lifted. */
    until: LegalDate.optional(),
    /** Absent: the whole measure. Present: only these provisions ("suspends part of"). */
    provisionIds: z.array(z.string().min(1)).min(1).optional(),
  }),
});

export const SuspensionExtended = z.object({
  type: z.literal('SuspensionExtended'),
  schemaVersion: z.literal(1),
  data: z.object({ measureId: MeasureId, suspensionId: z.string().min(1), orderedBy: OrderedBy, until: LegalDate }),
});

export const SuspensionLifted = z.object({
  type: z.literal('SuspensionLifted'),
  schemaVersion: z.literal(1),
  data: z.object({ measureId: MeasureId, suspensionId: z.string().min(1), orderedBy: OrderedBy, on: LegalDate }),
});

export const MeasureRepealed = z.object({
  type: z.literal('MeasureRepealed'),
  schemaVersion: z.literal(1),
  data: z.object({ measureId: MeasureId, orderedBy: OrderedBy, on: LegalDate }),
});

/**
 * The field a correction fixes. A correction says the earlier record was
 * wrong all along (valid time), unlike an amendment, which changes the law
 * from a date; bitemporal queries see it only from when it was recorded.
 */
export const CorrectedFact = z.discriminatedUnion('field', [
  z.object({ field: z.literal('title'), value: z.string().min(1) }),
  z.object({ field: z.literal('publishedOn'), value: LegalDate }),
  z.object({ field: z.literal('repealedOn'), value: LegalDate }),
  z.object({ field: z.literal('provision.effectiveFrom'), provisionId: z.string().min(1), value: LegalDate }),
  z.object({ field: z.literal('provision.controls'), provisionId: z.string().min(1), value: z.array(ControlledItem) }),
  z.object({ field: z.literal('provision.rules'), provisionId: z.string().min(1), value: z.array(PolicyRule) }),
  z.object({ field: z.literal('suspension.from'), suspensionId: z.string().min(1), value: LegalDate }),
  /** `null`: the suspension in fact had no end date. */
  z.object({ field: z.literal('suspension.until'), suspensionId: z.string().min(1), value: LegalDate.nullable() }),
]);
export type CorrectedFact = z.infer<typeof CorrectedFact>;

export const CorrectionRecorded = z.object({
  type: z.literal('CorrectionRecorded'),
  schemaVersion: z.literal(1),
  data: z.object({
    measureId: MeasureId,
    correction: CorrectedFact,
    reason: z.string().min(1),
    /** The stream revision whose fact this corrects, when known. */
    correctsRevision: z.number().int().min(0).optional(),
  }),
});

export const ControlMeasureEvent = z.discriminatedUnion('type', [
  MeasurePublished,
  MeasureAmended,
  MeasureSuspended,
  SuspensionExtended,
  SuspensionLifted,
  MeasureRepealed,
  CorrectionRecorded,
]);
export type ControlMeasureEvent = z.infer<typeof ControlMeasureEvent>;
export type ControlMeasureEventType = ControlMeasureEvent['type'];
export type MeasurePublished = z.infer<typeof MeasurePublished>;
export type MeasureAmended = z.infer<typeof MeasureAmended>;
export type MeasureSuspended = z.infer<typeof MeasureSuspended>;
export type SuspensionExtended = z.infer<typeof SuspensionExtended>;
export type SuspensionLifted = z.infer<typeof SuspensionLifted>;
export type MeasureRepealed = z.infer<typeof MeasureRepealed>;
export type CorrectionRecorded = z.infer<typeof CorrectionRecorded>;

import { z } from 'zod';
import { IdInput, LIST_LIMITS, NameInput, TextInput } from '../shared/input-fields';
import { Command } from '../shared/metadata';
import {
  CorrectionRecorded,
  MeasureAmended,
  MeasurePublished,
  MeasureRepealed,
  MeasureSuspended,
  SuspensionExtended,
  SuspensionLifted,
} from './measure-events';
import { CorrectedFactInput, ProvisionInput } from './measure-input';

/**
 * Command payloads mirror the facts the events record: a policy officer
 * transcribes an announcement, the decider checks it fits the measure's life.
 * They are the events' data with limits on ids, text and lists; the events
 * themselves stay permissive, so history recorded before the limits loads
 * (shared/input-fields.ts).
 */
const ids = { measureId: IdInput, orderedBy: IdInput };

export const PublishMeasureData = MeasurePublished.shape.data.extend({
  measureId: IdInput,
  title: NameInput,
  issuer: NameInput,
  announcementNumber: NameInput,
  provisions: z.array(ProvisionInput).max(LIST_LIMITS.provisions),
});
export const AmendMeasureData = MeasureAmended.shape.data.extend({
  ...ids,
  provisions: z.array(ProvisionInput).max(LIST_LIMITS.provisions),
  removedProvisionIds: z.array(IdInput).max(LIST_LIMITS.provisions),
});
export const SuspendMeasureData = MeasureSuspended.shape.data.extend({
  ...ids,
  suspensionId: IdInput,
  provisionIds: z.array(IdInput).min(1).max(LIST_LIMITS.provisions).optional(),
});
export const ExtendSuspensionData = SuspensionExtended.shape.data.extend({ ...ids, suspensionId: IdInput });
export const LiftSuspensionData = SuspensionLifted.shape.data.extend({ ...ids, suspensionId: IdInput });
export const RepealMeasureData = MeasureRepealed.shape.data.extend(ids);
export const RecordCorrectionData = CorrectionRecorded.shape.data.extend({
  measureId: IdInput,
  correction: CorrectedFactInput,
  reason: TextInput,
});

export type PublishMeasure = Command<'PublishMeasure', z.infer<typeof PublishMeasureData>>;
export type AmendMeasure = Command<'AmendMeasure', z.infer<typeof AmendMeasureData>>;
export type SuspendMeasure = Command<'SuspendMeasure', z.infer<typeof SuspendMeasureData>>;
export type ExtendSuspension = Command<'ExtendSuspension', z.infer<typeof ExtendSuspensionData>>;
export type LiftSuspension = Command<'LiftSuspension', z.infer<typeof LiftSuspensionData>>;
export type RepealMeasure = Command<'RepealMeasure', z.infer<typeof RepealMeasureData>>;
export type RecordCorrection = Command<'RecordCorrection', z.infer<typeof RecordCorrectionData>>;

export type ControlMeasureCommand =
  PublishMeasure | AmendMeasure | SuspendMeasure | ExtendSuspension | LiftSuspension | RepealMeasure | RecordCorrection;

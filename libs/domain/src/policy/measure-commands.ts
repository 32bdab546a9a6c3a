import { z } from 'zod';
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

/**
 * Command payloads mirror the facts the events record: a policy officer
 * transcribes an announcement, the decider checks it fits the measure's life.
 */
export const PublishMeasureData = MeasurePublished.shape.data;
export const AmendMeasureData = MeasureAmended.shape.data;
export const SuspendMeasureData = MeasureSuspended.shape.data;
export const ExtendSuspensionData = SuspensionExtended.shape.data;
export const LiftSuspensionData = SuspensionLifted.shape.data;
export const RepealMeasureData = MeasureRepealed.shape.data;
export const RecordCorrectionData = CorrectionRecorded.shape.data;

export type PublishMeasure = Command<'PublishMeasure', z.infer<typeof PublishMeasureData>>;
export type AmendMeasure = Command<'AmendMeasure', z.infer<typeof AmendMeasureData>>;
export type SuspendMeasure = Command<'SuspendMeasure', z.infer<typeof SuspendMeasureData>>;
export type ExtendSuspension = Command<'ExtendSuspension', z.infer<typeof ExtendSuspensionData>>;
export type LiftSuspension = Command<'LiftSuspension', z.infer<typeof LiftSuspensionData>>;
export type RepealMeasure = Command<'RepealMeasure', z.infer<typeof RepealMeasureData>>;
export type RecordCorrection = Command<'RecordCorrection', z.infer<typeof RecordCorrectionData>>;

export type ControlMeasureCommand =
  PublishMeasure | AmendMeasure | SuspendMeasure | ExtendSuspension | LiftSuspension | RepealMeasure | RecordCorrection;

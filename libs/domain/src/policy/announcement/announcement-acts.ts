import { z } from 'zod';
import { IdInput } from '../../shared/input-fields';
import {
  AmendMeasureData,
  ExtendSuspensionData,
  LiftSuspensionData,
  RepealMeasureData,
  SuspendMeasureData,
} from '../measure-commands';
import {
  type ControlMeasureEventType,
  MeasureAmended,
  MeasureRepealed,
  MeasureSuspended,
  SuspensionExtended,
  SuspensionLifted,
} from '../measure-events';

/**
 * One act an announcement orders on one measure: the data of the measure
 * command it becomes, without `orderedBy` (the announcement itself), with an
 * `actId` unique within the announcement. As stored: the measure events'
 * permissive fields, so an announcement recorded before a limit still loads.
 */
const ActId = z.string().min(1);
const NoOrder = { orderedBy: true } as const;

export const AnnouncementAct = z.discriminatedUnion('kind', [
  MeasureSuspended.shape.data.omit(NoOrder).extend({ kind: z.literal('suspend'), actId: ActId }),
  SuspensionExtended.shape.data.omit(NoOrder).extend({ kind: z.literal('extend'), actId: ActId }),
  SuspensionLifted.shape.data.omit(NoOrder).extend({ kind: z.literal('lift'), actId: ActId }),
  MeasureRepealed.shape.data.omit(NoOrder).extend({ kind: z.literal('repeal'), actId: ActId }),
  MeasureAmended.shape.data.omit(NoOrder).extend({ kind: z.literal('amend'), actId: ActId }),
]);
export type AnnouncementAct = z.infer<typeof AnnouncementAct>;
export type AnnouncementActKind = AnnouncementAct['kind'];

/**
 * What a policy officer sends: the measure commands' own schemas (with their
 * limits) without `orderedBy`. Strict, unlike most nested objects: a
 * misspelt `until` silently dropped would suspend a measure for good.
 */
const actInput = <Shape extends z.ZodRawShape, Kind extends AnnouncementActKind>(kind: Kind, shape: Shape) =>
  z.strictObject({ kind: z.literal(kind), actId: IdInput, ...shape });

export const AnnouncementActInput = z.discriminatedUnion('kind', [
  actInput('suspend', {
    ...SuspendMeasureData.omit(NoOrder).shape,
    suspensionId: IdInput.optional().describe(
      "The suspension's id in the measure; default the announcement's id, as `orderedBy` names it.",
    ),
  }),
  actInput('extend', ExtendSuspensionData.omit(NoOrder).shape),
  actInput('lift', LiftSuspensionData.omit(NoOrder).shape),
  actInput('repeal', RepealMeasureData.omit(NoOrder).shape),
  actInput('amend', AmendMeasureData.omit(NoOrder).shape),
]);
export type AnnouncementActInput = z.infer<typeof AnnouncementActInput>;

/** The measure event each kind of act records when its measure accepts it. */
export const MEASURE_EVENT_OF_ACT = {
  suspend: 'MeasureSuspended',
  extend: 'SuspensionExtended',
  lift: 'SuspensionLifted',
  repeal: 'MeasureRepealed',
  amend: 'MeasureAmended',
} as const satisfies Record<AnnouncementActKind, ControlMeasureEventType>;

/** The act as recorded: a suspension without an id of its own takes the announcement's. */
export function recordedAct(act: AnnouncementActInput, announcementId: string): AnnouncementAct {
  if (act.kind === 'suspend') return { ...act, suspensionId: act.suspensionId ?? announcementId };
  return act;
}

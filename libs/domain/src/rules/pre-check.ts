import { z } from 'zod';
import { LegalDate } from '../shared/dates';
import { IdInput, LIST_LIMITS } from '../shared/input-fields';
import { CountryCode } from '../shared/items';
import { EndUseInput, ItemInput, PartyInput } from '../shared/items-input';
import { Instant } from '../shared/metadata';
import type { PolicySnapshot } from '../policy/policy-snapshot';
import { ApplicationForEvaluation, type DecisionRecord, type ExporterProfile } from './decision-record';
import { decisiveDecision } from './decisive-decision';
import { evaluate } from './evaluate';

/** The application id a pre-check's decision record carries: nothing was drafted, so nothing has an id. */
export const PRE_CHECK_APPLICATION_ID = 'pre-check';

/**
 * "Does this export need a license on this date, as known then?" — a
 * proposed export with the facts the rules look at, and the legal position
 * to evaluate it at. Nothing of it is stored. Limits as for a draft.
 */
export const PreCheckRequest = z.strictObject({
  exporterId: IdInput.describe('The exporting company: its profile decides general-license eligibility.'),
  licenseType: z.enum(['individual', 'general']).default('individual'),
  items: z.array(ItemInput).min(1).max(LIST_LIMITS.lines),
  consignee: PartyInput,
  endUser: PartyInput,
  /** A general license names several end users; each is screened and the strictest outcome decides. */
  additionalEndUsers: z
    .array(PartyInput)
    .max(LIST_LIMITS.endUsers - 1)
    .default([]),
  endUse: EndUseInput,
  destination: CountryCode,
  chineseRareEarthValueSharePercent: ApplicationForEvaluation.shape.chineseRareEarthValueSharePercent,
  madeWithChineseRareEarthTechnology: ApplicationForEvaluation.shape.madeWithChineseRareEarthTechnology,
  validOn: LegalDate.optional().describe('The legal date (China Standard Time) whose law applies; default today.'),
  knownAt: Instant.optional().describe('The policy and the exporter as known at this instant (UTC); default now.'),
});
export type PreCheckRequest = z.infer<typeof PreCheckRequest>;

/** The proposed export as the evaluation reads it, once per end user. */
export function preCheckInputs(request: PreCheckRequest): ApplicationForEvaluation[] {
  const { chineseRareEarthValueSharePercent: share, madeWithChineseRareEarthTechnology: madeWith } = request;
  const base = {
    applicationId: PRE_CHECK_APPLICATION_ID,
    exporterId: request.exporterId,
    licenseType: request.licenseType,
    items: request.items,
    consignee: request.consignee,
    endUse: request.endUse,
    destination: request.destination,
    ...(share === undefined ? {} : { chineseRareEarthValueSharePercent: share }),
    ...(madeWith === undefined ? {} : { madeWithChineseRareEarthTechnology: madeWith }),
  };
  return [request.endUser, ...request.additionalEndUsers].map((endUser) => ({ ...base, endUser }));
}

/**
 * The decision an officer would record for this export at this legal
 * position: the same evaluation as an approval, per end user, the strictest
 * record deciding. Pure: the caller supplies the exporter and the snapshot.
 */
export function preCheck(
  request: PreCheckRequest,
  exporter: ExporterProfile,
  snapshot: PolicySnapshot,
): DecisionRecord {
  return decisiveDecision(preCheckInputs(request).map((application) => evaluate(application, exporter, snapshot)));
}

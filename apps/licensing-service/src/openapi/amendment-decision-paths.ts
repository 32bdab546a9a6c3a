import { AmendmentDecisionReplayQuery, AmendmentWhatIfQuery } from '../audit/decision-audit.controller';
import {
  answer,
  authorized,
  inOrder,
  type Json,
  type OpenApiSettings,
  OUT_OF_SCOPE,
  pathId,
  problem,
  queryParameters,
  refusals,
} from './openapi-parts';

const INVALID =
  'The path id is invalid (`request.invalid_path_parameter`), or a query parameter is missing (amendmentRequestId), invalid or unknown (`request.invalid`; `errors` names each).';
const NOT_FOUND = `No license has this id (\`license.not_found\`), ${OUT_OF_SCOPE}; it has no amendment request of this id (\`license.unknown_amendment_request\`); or the request has no recorded decision: not decided, or rejected without a rule evaluation (\`license.no_amendment_decision_record\`).`;
const UNREADABLE =
  "The decision event does not fit the domain schema, so there is no record to check (`audit.decision_unreadable`, with `integrity`: the license stream's chain check).";

/**
 * The decision audit of an amendment request (its record evaluates the
 * license as amended): the same replay and what-if as an application's,
 * addressed by the license and, in the query, the request (as the
 * amendment commands name it in their bodies): a license's decisions are its
 * amendment requests'.
 */
export function amendmentDecisionPaths(settings: OpenApiSettings): Record<string, Json> {
  const read = { guarded: true, takesBody: false, throttled: true, invalid: INVALID } as const;
  const parameters = (query: Parameters<typeof queryParameters>[0]) => [pathId('id'), ...queryParameters(query)];
  return {
    '/licenses/{id}/decision-replay': {
      get: {
        summary:
          "Replay an amendment request's recorded decision from the event log, on the policy as known then: must match",
        ...authorized('ReplayAmendmentDecision', 'Query `ReplayAmendmentDecision`.'),
        tags: ['audit'],
        parameters: parameters(AmendmentDecisionReplayQuery),
        responses: inOrder({
          '200': answer(
            "As the replay of an application's decision, for the decision event of the request in the license stream: the license's and every measure's hash chain checked on the events as stored, the recorded inputs (the license as amended) re-evaluated on the policy log as known at the record's knownAt, the difference rule by rule, each event read proved in the verifiable log.",
            'AmendmentDecisionReplay',
          ),
          ...refusals(settings, read),
          '404': problem(NOT_FOUND),
          '409': problem(UNREADABLE),
        }),
      },
    },
    '/licenses/{id}/what-if': {
      get: {
        summary: "An amendment request's recorded inputs re-evaluated at another legal date and/or knowledge time",
        ...authorized('WhatIfAmendmentDecision', 'Query `WhatIfAmendmentDecision`.'),
        tags: ['audit'],
        parameters: parameters(AmendmentWhatIfQuery),
        responses: inOrder({
          '200': answer(
            'The decision the recorded inputs get at (validOn, knownAt), from the event log with every chain checked, rule by rule against the recorded decision.',
            'AmendmentDecisionWhatIf',
          ),
          ...refusals(settings, read),
          '404': problem(NOT_FOUND),
          '409': problem(UNREADABLE),
        }),
      },
    },
  };
}

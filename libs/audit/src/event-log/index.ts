// The event log API for auditors and licensing officers: raw pages of one
// stream or of `$all`, any aggregate's state at a revision or an instant, and
// the live tail of `$all`.
export { type EventEnvelopeJson, toEnvelopeJson } from './envelope-json';
export { EVENT_PAGE_LIMITS, EVENT_SCAN_FLOOR, EVENT_SCAN_PER_EVENT, MAX_LOG_POSITION } from './page-limits';
export { readStreamPage, type ReadDirection, type StreamPage, type StreamPageRequest } from './read-stream-page';
export { type AllPage, type AllPageRequest, readAllPage } from './read-all-page';
export { headPosition } from './head-position';
export { LiveTail, type LiveTailOptions, type LiveTailStatus, type TailEnd, type TailSink } from './live-tail';
export {
  AGGREGATE_KINDS,
  type AggregateKind,
  type AggregateName,
  aggregateOfStream,
  type AggregateState,
  NotAnAggregateStream,
} from './aggregate-kinds';
export { type AggregateStateAt, type PointInStream, stateAt } from './state-at';

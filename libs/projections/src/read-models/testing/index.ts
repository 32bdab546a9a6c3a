/**
 * Generated data at scale for benchmarks outside this library (the console
 * bench appends it to a real event store): `@licensing/projections/testing`.
 */
export { generatedCases, stageOf, STAGES } from './generated-cases';
export type { CaseShape } from './generated-cases';
export { generatedExporters } from './generated-exporters';
export { toProposed } from './decided-events';
export type { DecidedEvent } from './decided-events';
export { BENCHMARK_EXPORTERS_PER_CASE, BENCHMARK_SHAPE } from './benchmarked-lists';
export { seededAnnouncements, seededPolicy } from './policy-seed';

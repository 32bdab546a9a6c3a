import type { RowScope } from '@licensing/domain';
import type { ApplicationListFilter, ApplicationSort } from '../license-state/application-list';
import type { LicenseListFilter, LicenseSort } from '../license-state/license-list';
import type { ShipmentListFilter, ShipmentSort } from '../license-state/shipment-list';
import type { DecisionListFilter, DecisionSort } from '../license-state/decision-list';
import type { ExporterListFilter, ExporterSort } from '../exporter-view/exporter-list';

/** The case shape the benchmark generates: coprime with the 8 stages, so every exporter and reviewer has cases at every stage. */
export const BENCHMARK_SHAPE = { exporters: 1_003, reviewers: 21 };
export const BENCHMARK_AS_OF = '2026-06-01';
/** Registered exporters per generated case: 12,500 at 100,000 cases, as many as the issue measured (12,800). */
export const BENCHMARK_EXPORTERS_PER_CASE = 1 / 8;
const officer: RowScope = { kind: 'all' };
export const BENCHMARK_EXPORTER: RowScope = { kind: 'exporters', exporterIds: ['exp-g7'] };
const reviewer: RowScope = { kind: 'reviewer', reviewerId: 'reviewer-g3' };

interface Listed<Filter, Sort> {
  readonly label: string;
  readonly filter: Partial<Filter> & { scope: RowScope };
  readonly sort: Sort;
  readonly descending: boolean;
}

const list = <Filter, Sort>(
  label: string,
  filter: Partial<Filter> & { scope: RowScope },
  sort: Sort,
  descending = false,
): Listed<Filter, Sort> => ({ label, filter, sort, descending });

/**
 * The pages `npm run bench:queries` times at 100,000 cases, and whose query
 * plans a spec holds to one index walk in page order.
 */
export const BENCHMARKED_APPLICATION_LISTS: readonly Listed<ApplicationListFilter, ApplicationSort>[] = [
  list('officer, no filter', { scope: officer }, 'id'),
  list('officer, status=under_review, by deadline', { scope: officer, status: 'under_review' }, 'reviewDeadline'),
  list('officer, status=deadline_missed', { scope: officer, status: 'deadline_missed' }, 'id'),
  list(
    'officer, controlCode+destination, newest first',
    { scope: officer, controlCode: '1C903', destination: 'JP' },
    'submittedOn',
    true,
  ),
  list(
    'officer, element+submitted in March',
    { scope: officer, element: 'terbium', submittedFrom: '2026-03-01', submittedTo: '2026-03-31' },
    'id',
  ),
  list('officer, free text "customer 42"', { scope: officer, text: 'customer 42' }, 'id'),
  list('officer, reviewer+status', { scope: officer, reviewerId: 'reviewer-g3', status: 'reviewed' }, 'id'),
  list('exporter scope, status=approved', { scope: BENCHMARK_EXPORTER, status: 'approved' }, 'id'),
  list('exporter scope, newest first', { scope: BENCHMARK_EXPORTER }, 'submittedOn', true),
  list('reviewer scope (assigned to me)', { scope: reviewer }, 'id'),
];

export const BENCHMARKED_LICENSE_LISTS: readonly Listed<LicenseListFilter, LicenseSort>[] = [
  list('officer, status=active', { scope: officer, status: 'active' }, 'id'),
  list('officer, status=expired, by validUntil', { scope: officer, status: 'expired' }, 'validUntil'),
  list('officer, element+destination', { scope: officer, element: 'dysprosium', destination: 'US' }, 'id'),
  list('exporter scope, status=active', { scope: BENCHMARK_EXPORTER, status: 'active' }, 'id'),
];

export const BENCHMARKED_SHIPMENT_LISTS: readonly Listed<ShipmentListFilter, ShipmentSort>[] = [
  list('officer, no filter, newest first', { scope: officer }, 'shippedOn', true),
  list(
    'officer, controlCode+destination, newest first',
    { scope: officer, controlCode: '1C903', destination: 'JP' },
    'shippedOn',
    true,
  ),
  list(
    'officer, element+shipped from April',
    { scope: officer, element: 'dysprosium', shippedFrom: '2026-04-01' },
    'id',
  ),
  list('officer, destination+status=recorded', { scope: officer, destination: 'KR', status: 'recorded' }, 'id'),
  list('exporter scope, newest first', { scope: BENCHMARK_EXPORTER }, 'shippedOn', true),
];

export const BENCHMARKED_DECISION_LISTS: readonly Listed<DecisionListFilter, DecisionSort>[] = [
  list('officer, verdict=rejected, newest first', { scope: officer, verdict: 'rejected' }, 'decidedOn', true),
  list('officer, measure no-57-2025, newest first', { scope: officer, measureId: 'no-57-2025' }, 'decidedOn', true),
  list('officer, decided in May', { scope: officer, decidedFrom: '2026-05-01', decidedTo: '2026-05-31' }, 'id'),
  list('exporter scope, approved', { scope: BENCHMARK_EXPORTER, verdict: 'approved' }, 'id'),
  list('reviewer scope', { scope: reviewer }, 'id'),
];

export const BENCHMARKED_EXPORTER_LISTS: readonly Listed<ExporterListFilter, ExporterSort>[] = [
  list('officer, no filter, by name', { scope: officer }, 'name'),
  list('officer, standing=qualified, newest first', { scope: officer, standing: 'qualified' }, 'registeredOn', true),
  list('officer, free text "ningbo mag", by name', { scope: officer, text: 'ningbo mag' }, 'name'),
  list(
    'officer, registered in 2020',
    { scope: officer, registeredFrom: '2020-01-01', registeredTo: '2020-12-31' },
    'id',
  ),
  list('exporter scope', { scope: BENCHMARK_EXPORTER }, 'id'),
];

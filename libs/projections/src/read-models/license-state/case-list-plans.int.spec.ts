import Database from 'better-sqlite3';
import { DocumentStore } from '../../document-store';
import type { PagePosition } from '../../indexes/list-page';
import {
  BENCHMARK_AS_OF,
  BENCHMARK_SHAPE,
  BENCHMARKED_APPLICATION_LISTS,
  BENCHMARKED_LICENSE_LISTS,
} from '../testing/benchmarked-lists';
import { buildReadModel, generatedCases, toRecorded } from '../testing/generated-cases';
import { ApplicationList } from './application-list';
import type { CaseSql } from './case-list-query';
import { LicenseList } from './license-list';
import { licenseStateProjection } from './license-state-projection';

/**
 * SQLite has no statistics here (nor in the service), so a plan depends on
 * the schema and the SQL only: what holds on 300 cases holds on 100,000.
 * A page stays cheap at any size only if one index gives both the filter's
 * rows and their order, every other table is reached by key, and a later
 * page starts its walk at the cursor.
 */
describe('case list query plans', () => {
  const documents = new DocumentStore(new Database(':memory:'));
  buildReadModel(documents, licenseStateProjection, toRecorded(generatedCases(300, BENCHMARK_SHAPE)));
  const applications = new ApplicationList(documents);
  const licenses = new LicenseList(documents);

  const planOf = ({ sql, params }: CaseSql) =>
    documents.db
      .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...params)
      .map((row) => row.detail);

  const cursor = (sort: string): PagePosition => ({
    sort,
    value: sort === 'id' ? 'gen-0000100' : '2026-03-01',
    id: 'gen-0000100',
  });

  /** The first step of the plan is the walk; each later step a lookup by key. */
  function expectOneOrderedWalk(plan: string[], after: PagePosition | null, sortColumn: string) {
    expect(plan.filter((step) => step.includes('TEMP B-TREE'))).toEqual([]);
    expect(plan.filter((step) => !step.startsWith('SEARCH '))).toEqual([]);
    if (after !== null) expect(plan[0]).toMatch(sortColumn === 'id' ? /id[<>]\?/ : /\(\w+,id\)[<>]\(\?,\?\)/);
  }

  const columns: Record<string, string> = {
    id: 'id',
    submittedOn: 'submitted_on',
    reviewDeadline: 'review_deadline',
    issuedOn: 'issued_on',
    validUntil: 'valid_until',
  };

  for (const { label, filter, sort, descending } of BENCHMARKED_APPLICATION_LISTS) {
    it(`applications, ${label}: one index walk in page order, first page and after a cursor`, () => {
      for (const after of [null, cursor(sort)]) {
        const plan = planOf(
          applications.sql({ asOf: BENCHMARK_AS_OF, ...filter }, { sort, descending, limit: 50, after }),
        );
        expectOneOrderedWalk(plan, after, columns[sort] ?? sort);
      }
    });
  }

  for (const { label, filter, sort, descending } of BENCHMARKED_LICENSE_LISTS) {
    it(`licenses, ${label}: one index walk in page order, first page and after a cursor`, () => {
      for (const after of [null, { ...cursor(sort), id: 'lic-gen-0000100' }]) {
        const plan = planOf(licenses.sql({ asOf: BENCHMARK_AS_OF, ...filter }, { sort, descending, limit: 50, after }));
        expectOneOrderedWalk(plan, after, columns[sort] ?? sort);
      }
    });
  }

  it("walks the work queues' lists in their order too", () => {
    const queues = [
      [{ scope: { kind: 'reviewer', reviewerId: 'reviewer-g3' }, status: 'under_review' }, 'reviewDeadline'],
      [{ scope: { kind: 'all' }, status: 'submitted' }, 'submittedOn'],
      [{ scope: { kind: 'all' }, status: 'accepted' }, 'reviewDeadline'],
    ] as const;
    for (const [filter, sort] of queues) {
      for (const after of [null, cursor(sort)]) {
        const plan = planOf(
          applications.sql({ asOf: BENCHMARK_AS_OF, ...filter }, { sort, descending: false, limit: 50, after }),
        );
        expectOneOrderedWalk(plan, after, columns[sort] ?? sort);
      }
    }
  });

  it('drives a term filter from the terms, by the term with the fewest cases', () => {
    const plan = planOf(
      applications.sql(
        { asOf: BENCHMARK_AS_OF, scope: { kind: 'all' }, text: 'customer 42' },
        { sort: 'submittedOn', descending: true, limit: 50, after: null },
      ),
    );
    expect(plan[0]).toMatch(/^SEARCH t USING INDEX license_state_application_terms_v2_field_value_submitted_on_id/);
    const { params } = applications.sql(
      { asOf: BENCHMARK_AS_OF, scope: { kind: 'all' }, text: 'customer 42' },
      { sort: 'id', descending: false, limit: 50, after: null },
    );
    // The word "42" names fewer cases than "customer" (every end user's): it drives.
    expect(params.slice(0, 3)).toEqual(['license-state', 'word', '42']);
  });
});

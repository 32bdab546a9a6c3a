import Database from 'better-sqlite3';
import { DocumentStore } from '../../document-store';
import type { PagePosition } from '../../indexes/list-page';
import { ExporterList } from '../exporter-view/exporter-list';
import { exporterViewProjection } from '../exporter-view/exporter-view-projection';
import {
  BENCHMARK_SHAPE,
  BENCHMARKED_DECISION_LISTS,
  BENCHMARKED_EXPORTER_LISTS,
  BENCHMARKED_SHIPMENT_LISTS,
} from '../testing/benchmarked-lists';
import { buildReadModel, generatedCases, toRecorded } from '../testing/generated-cases';
import { generatedExporters } from '../testing/generated-exporters';
import type { CaseSql } from './case-list-query';
import { DecisionList } from './decision-list';
import { licenseStateProjection } from './license-state-projection';
import { ShipmentList } from './shipment-list';

/**
 * The benchmarked pages of shipments, decisions and exporters held to the
 * case lists' plan (case-list-plans.int.spec.ts): one index walk yields the
 * rows in page order, every other table is reached by key, and a later page
 * starts its walk at the cursor. Without statistics, what holds on a few
 * hundred rows holds on 100,000.
 */
describe('record and exporter list query plans', () => {
  const documents = new DocumentStore(new Database(':memory:'));
  const cases = toRecorded(generatedCases(300, BENCHMARK_SHAPE));
  buildReadModel(documents, licenseStateProjection, cases);
  buildReadModel(documents, exporterViewProjection, [...toRecorded(generatedExporters(200)), ...cases]);
  afterAll(() => documents.db.close());

  const planOf = ({ sql, params }: CaseSql) =>
    documents.db
      .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...params)
      .map((row) => row.detail);

  function expectOneOrderedWalk(plan: string[], after: PagePosition | null) {
    expect(plan.filter((step) => step.includes('TEMP B-TREE'))).toEqual([]);
    expect(plan.filter((step) => !step.startsWith('SEARCH '))).toEqual([]);
    // By id, the walk starts at the cursor, or it is the exporter's own row by key (`id=?`: its scope).
    if (after !== null) expect(plan[0]).toMatch(after.sort === 'id' ? /id[<>=]\?/ : /\(\w+,id\)[<>]\(\?,\?\)/);
  }
  const position = (sort: string, value: string, id: string): PagePosition => ({
    sort,
    value: sort === 'id' ? id : value,
    id,
  });

  const shipments = new ShipmentList(documents);
  for (const { label, filter, sort, descending } of BENCHMARKED_SHIPMENT_LISTS) {
    it(`shipments, ${label}: one index walk in page order, first page and after a cursor`, () => {
      for (const after of [null, position(sort, '2026-03-01', 'lic-gen-0000100/s-gen-0000100')]) {
        expectOneOrderedWalk(planOf(shipments.sql(filter, { sort, descending, limit: 50, after })), after);
      }
    });
  }

  const decisions = new DecisionList(documents);
  for (const { label, filter, sort, descending } of BENCHMARKED_DECISION_LISTS) {
    it(`decisions, ${label}: one index walk in page order, first page and after a cursor`, () => {
      for (const after of [null, position(sort, '2026-03-01', 'gen-0000100')]) {
        expectOneOrderedWalk(planOf(decisions.sql(filter, { sort, descending, limit: 50, after })), after);
      }
    });
  }

  const exporters = new ExporterList(documents);
  for (const { label, filter, sort, descending } of BENCHMARKED_EXPORTER_LISTS) {
    it(`exporters, ${label}: one index walk in page order, first page and after a cursor`, () => {
      const value = sort === 'name' ? 'ningbo magnetics co. no. 100' : '2020-03-01';
      for (const after of [null, position(sort, value, 'exp-g100')]) {
        expectOneOrderedWalk(planOf(exporters.sql(filter, { sort, descending, limit: 50, after })), after);
      }
    });
  }

  it('drives a shipment term filter from the terms, each other term probed by key', () => {
    const plan = planOf(
      shipments.sql(
        { scope: { kind: 'all' }, controlCode: '1C903', destination: 'JP' },
        { sort: 'shippedOn', descending: true, limit: 50, after: null },
      ),
    );
    expect(plan[0]).toMatch(/^SEARCH t USING INDEX license_state_shipment_terms_v1_field_value_shipped_on_id/);
  });
});

/**
 * The query API's cost at scale: 100,000 generated cases (applications,
 * and the licenses of the approved ones, their shipments and decisions)
 * and 12,500 registered exporters built into a read-model database through
 * the projection code, then pages of 50 under several filters, scoped as an
 * officer (everything), an exporter and a reviewer.
 * `npm run bench:queries`. Not a test: figures vary with the machine.
 */
import Database from 'better-sqlite3';
import type { RowScope } from '@licensing/domain';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentStore } from '../src/document-store';
import { decodeCursor, type PagePosition } from '../src/indexes/list-page';
import {
  ApplicationList,
  type ApplicationListFilter,
  type ApplicationSort,
} from '../src/read-models/license-state/application-list';
import { LicenseList, type LicenseListFilter, type LicenseSort } from '../src/read-models/license-state/license-list';
import { ShipmentList } from '../src/read-models/license-state/shipment-list';
import { DecisionList } from '../src/read-models/license-state/decision-list';
import { ExporterList } from '../src/read-models/exporter-view/exporter-list';
import { licenseStateProjection } from '../src/read-models/license-state/license-state-projection';
import { exporterViewProjection } from '../src/read-models/exporter-view/exporter-view-projection';
import { ExporterViewQuery } from '../src/read-models/exporter-view/exporter-view-query';
import {
  BENCHMARK_AS_OF,
  BENCHMARK_EXPORTERS_PER_CASE,
  BENCHMARK_SHAPE,
  BENCHMARKED_APPLICATION_LISTS,
  BENCHMARKED_DECISION_LISTS,
  BENCHMARKED_EXPORTER_LISTS,
  BENCHMARKED_LICENSE_LISTS,
  BENCHMARKED_SHIPMENT_LISTS,
} from '../src/read-models/testing/benchmarked-lists';
import { buildReadModel, generatedCases, toRecorded } from '../src/read-models/testing/generated-cases';
import { generatedExporters } from '../src/read-models/testing/generated-exporters';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const RUNS = 400;
const DEEP_PAGE = 10;
const SHAPE = BENCHMARK_SHAPE;
const ASOF = BENCHMARK_AS_OF;
const officer: RowScope = { kind: 'all' };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** p50 / p99 of `read` in ms, after one warm-up; `read` answers how many rows it got. */
function timed(read: () => number): { rows: number; p50: number; p99: number } {
  read();
  const ms: number[] = [];
  let rows = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    rows = read();
    ms.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return { rows, p50: percentile(ms, 50), p99: percentile(ms, 99) };
}

const figures = ({ rows, p50, p99 }: ReturnType<typeof timed>) =>
  `rows ${String(rows).padStart(3)}  p50 ${p50.toFixed(2)} ms  p99 ${p99.toFixed(2)} ms`;

function time(label: string, read: () => number): void {
  console.log(`${label.padEnd(64)} ${figures(timed(read))}`);
}

type Paged = (after: PagePosition | null) => { items: unknown[]; nextCursor: string | null };

/** The first page, and the page after `DEEP_PAGE` pages of 50 (keyset: as cheap as the first). */
function timePages(label: string, read: Paged): void {
  let after: PagePosition | null = null;
  for (let i = 0; i < DEEP_PAGE && (i === 0 || after !== null); i++) {
    const { nextCursor } = read(after);
    after = nextCursor === null ? null : decodeCursor(nextCursor);
  }
  const first = figures(timed(() => read(null).items.length));
  const deep = after === null ? 'no such page' : figures(timed(() => read(after).items.length));
  console.log(`${label.padEnd(64)} ${first}   page ${DEEP_PAGE + 1}: ${deep}`);
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'bench-queries-'));
  const db = new Database(join(dir, 'read.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const documents = new DocumentStore(db);
  try {
    const started = Date.now();
    const CHUNK = 5_000;
    for (let offset = 0; offset < CASES; offset += CHUNK) {
      const events = toRecorded(generatedCases(Math.min(CHUNK, CASES - offset), { ...SHAPE, offset }));
      buildReadModel(documents, licenseStateProjection, events);
      buildReadModel(documents, exporterViewProjection, events);
    }
    const exporterCount = Math.round(CASES * BENCHMARK_EXPORTERS_PER_CASE);
    for (let offset = 0; offset < exporterCount; offset += CHUNK) {
      const registrations = generatedExporters(Math.min(CHUNK, exporterCount - offset), offset);
      buildReadModel(documents, exporterViewProjection, toRecorded(registrations));
    }
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    console.log(
      `built ${count('license_state_applications_v2')} applications, ${count('license_state_licenses_v2')} licenses, ` +
        `${count('license_state_shipments_v1')} shipments, ${count('license_state_decisions_v1')} decisions and ` +
        `${count('exporter_view_exporters_v1')} exporters in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    const applications = new ApplicationList(documents);
    const licenses = new LicenseList(documents);
    const page = <S extends string>(sort: S, descending: boolean, after: PagePosition | null) => ({
      sort,
      descending,
      limit: 50,
      after,
    });
    const apps = (label: string, filter: Partial<ApplicationListFilter>, sort: ApplicationSort, descending: boolean) =>
      timePages(`applications ${label}`, (after) =>
        applications.page({ asOf: ASOF, scope: officer, ...filter }, page(sort, descending, after)),
      );
    const lics = (label: string, filter: Partial<LicenseListFilter>, sort: LicenseSort, descending: boolean) =>
      timePages(`licenses ${label}`, (after) =>
        licenses.page({ asOf: ASOF, scope: officer, ...filter }, page(sort, descending, after)),
      );

    for (const { label, filter, sort, descending } of BENCHMARKED_APPLICATION_LISTS)
      apps(label, filter, sort, descending);
    for (const { label, filter, sort, descending } of BENCHMARKED_LICENSE_LISTS) lics(label, filter, sort, descending);
    const shipments = new ShipmentList(documents);
    for (const { label, filter, sort, descending } of BENCHMARKED_SHIPMENT_LISTS)
      timePages(`shipments ${label}`, (after) => shipments.page(filter, page(sort, descending, after)));
    const decisions = new DecisionList(documents);
    for (const { label, filter, sort, descending } of BENCHMARKED_DECISION_LISTS)
      timePages(`decisions ${label}`, (after) => decisions.page(filter, page(sort, descending, after)));
    const exporterList = new ExporterList(documents);
    for (const { label, filter, sort, descending } of BENCHMARKED_EXPORTER_LISTS)
      timePages(`exporters ${label}`, (after) => exporterList.page(filter, page(sort, descending, after)));
    const exporters = new ExporterViewQuery(documents);
    time(
      'GET /exporters/{id} (exporter view of exp-g7)',
      () => exporters.get('exp-g7', ASOF, () => true)?.applications.length ?? 0,
    );
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main();

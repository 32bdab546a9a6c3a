/**
 * The query API's cost at scale: 100,000 generated cases (applications,
 * and the licenses of the approved ones) built into a read-model database
 * through the projection code, then pages of 50 under several filters,
 * scoped as an officer (everything), an exporter and a reviewer.
 * `npm run bench:queries`. Not a test: figures vary with the machine.
 */
import Database from 'better-sqlite3';
import type { RowScope } from '@licensing/domain';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentStore } from '../src/document-store';
import {
  ApplicationList,
  type ApplicationListFilter,
  type ApplicationSort,
} from '../src/read-models/license-state/application-list';
import { LicenseList, type LicenseListFilter, type LicenseSort } from '../src/read-models/license-state/license-list';
import { licenseStateProjection } from '../src/read-models/license-state/license-state-projection';
import { exporterViewProjection } from '../src/read-models/exporter-view/exporter-view-projection';
import { ExporterViewQuery } from '../src/read-models/exporter-view/exporter-view-query';
import { buildReadModel, generatedCases, toRecorded } from '../src/read-models/testing/generated-cases';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const RUNS = 400;
// Coprime with the 8 stages, so every exporter and reviewer has cases at every stage.
const SHAPE = { exporters: 1_003, reviewers: 21 };
const ASOF = '2026-06-01';
const officer: RowScope = { kind: 'all' };
const exporter: RowScope = { kind: 'exporters', exporterIds: ['exp-g7'] };
const reviewer: RowScope = { kind: 'reviewer', reviewerId: 'reviewer-g3' };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function time(label: string, read: () => number): void {
  read();
  const ms: number[] = [];
  let rows = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    rows = read();
    ms.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  ms.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(64)} rows ${String(rows).padStart(3)}  p50 ${percentile(ms, 50).toFixed(2)} ms  p99 ${percentile(ms, 99).toFixed(2)} ms`,
  );
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
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    console.log(
      `built ${count('license_state_applications_v1')} applications and ${count('license_state_licenses_v1')} licenses in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    const applications = new ApplicationList(documents);
    const licenses = new LicenseList(documents);
    const page = <S extends string>(sort: S, descending = false) => ({ sort, descending, limit: 50, after: null });
    const apps = (
      label: string,
      filter: Partial<ApplicationListFilter>,
      sort: ApplicationSort = 'id',
      descending = false,
    ) =>
      time(
        `applications ${label}`,
        () => applications.page({ asOf: ASOF, scope: officer, ...filter }, page(sort, descending)).items.length,
      );
    const lics = (label: string, filter: Partial<LicenseListFilter>, sort: LicenseSort = 'id', descending = false) =>
      time(
        `licenses ${label}`,
        () => licenses.page({ asOf: ASOF, scope: officer, ...filter }, page(sort, descending)).items.length,
      );

    apps('officer, no filter', {});
    apps('officer, status=under_review, by deadline', { status: 'under_review' }, 'reviewDeadline');
    apps('officer, status=deadline_missed', { status: 'deadline_missed' });
    apps(
      'officer, controlCode+destination, newest first',
      { controlCode: '1C903', destination: 'JP' },
      'submittedOn',
      true,
    );
    apps('officer, element+submitted in March', {
      element: 'terbium',
      submittedFrom: '2026-03-01',
      submittedTo: '2026-03-31',
    });
    apps('officer, free text "customer 42"', { text: 'customer 42' });
    apps('officer, reviewer+status', { reviewerId: 'reviewer-g3', status: 'reviewed' });
    apps('exporter scope, status=approved', { scope: exporter, status: 'approved' });
    apps('exporter scope, newest first', { scope: exporter }, 'submittedOn', true);
    apps('reviewer scope (assigned to me)', { scope: reviewer });
    lics('officer, status=active', { status: 'active' });
    lics('officer, status=expired, by validUntil', { status: 'expired' }, 'validUntil');
    lics('officer, element+destination', { element: 'dysprosium', destination: 'US' });
    lics('exporter scope, status=active', { scope: exporter, status: 'active' });
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

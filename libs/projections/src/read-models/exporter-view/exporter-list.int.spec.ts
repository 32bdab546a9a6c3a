import Database from 'better-sqlite3';
import type { RowScope } from '@licensing/domain';
import { DocumentStore } from '../../document-store';
import { decodeCursor, type PageRequest } from '../../indexes/list-page';
import { searchWords } from '../../indexes/read-model-index';
import { buildReadModel, generatedCases, toRecorded } from '../testing/generated-cases';
import { generatedExporters } from '../testing/generated-exporters';
import { ExporterList, type ExporterListFilter, type ExporterListItem, type ExporterSort } from './exporter-list';
import { EXPORTER_VIEW, type ExporterViewDocument, exporterViewProjection } from './exporter-view-projection';

const EXPORTERS = 240;
const ALL: RowScope = { kind: 'all' };
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe('the indexed exporter list', () => {
  let documents: DocumentStore;
  let list: ExporterList;
  /** Every registered exporter, read from the documents themselves: what the index must agree with. */
  let everyExporter: ExporterListItem[];

  const walk = (filter: Partial<ExporterListFilter>, sort: ExporterSort = 'id', descending = false, limit = 9) => {
    const seen: ExporterListItem[] = [];
    let after = null;
    for (;;) {
      const page: PageRequest<ExporterSort> = { sort, descending, limit, after };
      const { items, nextCursor } = list.page({ scope: ALL, ...filter }, page);
      seen.push(...items);
      if (nextCursor === null) return seen;
      expect(items).toHaveLength(limit);
      after = decodeCursor(nextCursor);
    }
  };
  const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);

  beforeAll(() => {
    documents = new DocumentStore(new Database(':memory:'));
    // Cases too: their documents share the read model and must never be listed as exporters.
    const events = [...generatedExporters(EXPORTERS), ...generatedCases(60, { exporters: 7, reviewers: 2 })];
    buildReadModel(documents, exporterViewProjection, toRecorded(events));
    list = new ExporterList(documents);
    everyExporter = documents
      .all<ExporterViewDocument>(EXPORTER_VIEW)
      .flatMap((doc) => (doc.kind === 'exporter' ? [doc] : []))
      .map((doc) => ({
        id: doc.exporterId,
        exporterId: doc.exporterId,
        name: doc.state.exporter.name,
        unifiedSocialCreditCode: doc.state.exporter.unifiedSocialCreditCode,
        registeredOn: doc.state.exporter.registeredOn,
        complianceProgramme: doc.state.exporter.complianceProgramme,
        generalLicense: doc.generalLicense,
        revision: doc.revision,
      }))
      .sort(byId);
  });

  afterAll(() => documents.db.close());

  it('walks every exporter exactly once, by id, name and registration date, both ways', () => {
    expect(everyExporter).toHaveLength(EXPORTERS);
    expect(walk({})).toEqual(everyExporter);
    expect(ids(walk({}, 'id', true))).toEqual(ids(everyExporter).reverse());
    for (const [sort, key] of [
      ['name', (e: ExporterListItem) => `${e.name.toLowerCase()} ${e.id}`],
      ['registeredOn', (e: ExporterListItem) => `${e.registeredOn} ${e.id}`],
    ] as const) {
      const walked = walk({}, sort, false, 11);
      expect(ids(walked).sort()).toEqual(ids(everyExporter));
      expect(walked.map(key)).toEqual(everyExporter.map(key).sort());
      expect(ids(walk({}, sort, true, 11))).toEqual(ids(walked).reverse());
    }
  });

  it('filters by standing, registration dates, id and free text on name, id and credit code', () => {
    const sample = everyExporter[42] as ExporterListItem;
    const from = '2020-01-01';
    const to = '2021-06-30';
    const hasWords = (e: ExporterListItem, text: string) => {
      const words = searchWords(e.id, e.name, e.unifiedSocialCreditCode);
      return searchWords(text).every((prefix) => words.some((word) => word.startsWith(prefix)));
    };
    const cases: [Partial<ExporterListFilter>, (e: ExporterListItem) => boolean][] = [
      [{ standing: 'qualified' }, (e) => e.generalLicense.status === 'qualified'],
      [{ standing: 'disqualified' }, (e) => e.generalLicense.status === 'disqualified'],
      [{ registeredFrom: from, registeredTo: to }, (e) => e.registeredOn >= from && e.registeredOn <= to],
      [{ exporterId: sample.id }, (e) => e.id === sample.id],
      [{ text: 'ningbo' }, (e) => hasWords(e, 'ningbo')],
      [{ text: 'GANZ mag' }, (e) => hasWords(e, 'ganz mag')],
      [{ text: 'exp-g4' }, (e) => hasWords(e, 'exp-g4')],
      [
        { text: sample.unifiedSocialCreditCode.slice(0, 16) },
        (e) => hasWords(e, sample.unifiedSocialCreditCode.slice(0, 16)),
      ],
      [
        { text: 'rare', standing: 'qualified', registeredFrom: from },
        (e) => hasWords(e, 'rare') && e.generalLicense.status === 'qualified' && e.registeredOn >= from,
      ],
    ];
    for (const [filter, holds] of cases) {
      const expected = everyExporter.filter(holds);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(EXPORTERS);
      expect(walk(filter)).toEqual(expected);
      expect(ids(walk(filter, 'name', true, 4))).toEqual(
        ids(
          [...expected].sort((a, b) =>
            `${a.name.toLowerCase()} ${a.id}` < `${b.name.toLowerCase()} ${b.id}` ? 1 : -1,
          ),
        ),
      );
    }
    expect(walk({ text: 'nosuchword' })).toEqual([]);
  });

  it('lists only the exporters in the reader’s scope, in the SQL', () => {
    const [first, second] = ids(everyExporter);
    const scope: RowScope = { kind: 'exporters', exporterIds: [first as string, second as string] };
    expect(ids(walk({ scope }, 'name'))).toEqual(
      ids(everyExporter.slice(0, 2)).sort((a, b) => {
        const name = (id: string) => `${everyExporter.find((e) => e.id === id)?.name.toLowerCase()} ${id}`;
        return name(a) < name(b) ? -1 : 1;
      }),
    );
    expect(walk({ scope, exporterId: 'exp-g99' })).toEqual([]);
    expect(walk({ scope: { kind: 'exporters', exporterIds: [] } })).toEqual([]);
    expect(walk({ scope: { kind: 'reviewer', reviewerId: 'reviewer-1' } })).toEqual([]);
    expect(walk({ scope: { kind: 'none' } })).toEqual([]);
  });

  it('answers a page by one index walk in page order', () => {
    const plan = (filter: Partial<ExporterListFilter>, sort: ExporterSort, after = null as null | string) => {
      const page = { sort, descending: false, limit: 50, after: after === null ? null : decodeCursor(after) };
      const { sql, params } = list.sql({ scope: ALL, ...filter }, page);
      return documents.db
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params)
        .map((row) => row.detail)
        .join('\n');
    };
    const cases: [Partial<ExporterListFilter>, ExporterSort, RegExp][] = [
      [{}, 'name', /INDEX exporter_view_exporters_v1_name_key_id/],
      [{ standing: 'qualified' }, 'registeredOn', /INDEX exporter_view_exporters_v1_standing_registered_on_id/],
      [{ text: 'ningbo' }, 'name', /INDEX exporter_view_exporter_terms_v1_field_value_name_key_id/],
    ];
    for (const [filter, sort, index] of cases) {
      expect(plan(filter, sort)).toMatch(index);
      expect(plan(filter, sort)).not.toMatch(/TEMP B-TREE|SCAN/);
    }
    const second = list.page({ scope: ALL }, { sort: 'name', descending: false, limit: 50, after: null }).nextCursor;
    expect(plan({}, 'name', second)).toContain('name_key_id (storage=? AND (name_key,id)>(?,?))');
  });
});

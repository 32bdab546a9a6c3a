import Database from 'better-sqlite3';
import type { RowScope, ScopePredicate } from '@licensing/domain';
import { DocumentStore } from '../../document-store';
import { decodeCursor, type PageRequest } from '../../indexes/list-page';
import { exporterViewProjection } from '../exporter-view/exporter-view-projection';
import { ExporterViewQuery } from '../exporter-view/exporter-view-query';
import { buildReadModel, type CaseShape, generatedCases, toRecorded } from '../testing/generated-cases';
import { ApplicationList, type ApplicationListFilter, type ApplicationSort } from './application-list';
import type { LicenseStateQuery as Scan } from './license-state-query';
import { LicenseStateQuery } from './license-state-query';
import { LicenseList, type LicenseListFilter, type LicenseSort } from './license-list';
import { licenseStateProjection } from './license-state-projection';
import { LICENSE_STATE } from './license-state-documents';

const SHAPE: CaseShape = { exporters: 7, reviewers: 3 };
const CASES = 480;
const ALL: RowScope = { kind: 'all' };
const everything: ScopePredicate = () => true;

function openStore(cases: number, shape = SHAPE): DocumentStore {
  const documents = new DocumentStore(new Database(':memory:'));
  const events = toRecorded(generatedCases(cases, shape));
  buildReadModel(documents, licenseStateProjection, events);
  buildReadModel(documents, exporterViewProjection, events);
  return documents;
}

type Paged<T> = (page: PageRequest<string>) => { items: T[]; nextCursor: string | null };

/** Walks every page; `between` runs after each page (concurrent appends). */
function walk<T>(list: Paged<T>, sort: string, descending: boolean, limit: number, between?: () => void): T[] {
  const seen: T[] = [];
  let after = null;
  for (;;) {
    const { items, nextCursor } = list({ sort, descending, limit, after });
    seen.push(...items);
    if (nextCursor === null) return seen;
    expect(items).toHaveLength(limit);
    after = decodeCursor(nextCursor);
    between?.();
  }
}

const byIdAsc = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);

describe('indexed case lists', () => {
  let documents: DocumentStore;
  let scan: Scan;
  let applications: ApplicationList;
  let licenses: LicenseList;
  const apps = (filter: Partial<ApplicationListFilter>, sort: ApplicationSort = 'id', descending = false, limit = 13) =>
    walk(
      (p) => applications.page({ asOf: '2026-06-01', scope: ALL, ...filter }, p as PageRequest<ApplicationSort>),
      sort,
      descending,
      limit,
    );
  const lics = (filter: Partial<LicenseListFilter>, sort: LicenseSort = 'id', descending = false, limit = 13) =>
    walk(
      (p) => licenses.page({ asOf: '2026-06-01', scope: ALL, ...filter }, p as PageRequest<LicenseSort>),
      sort,
      descending,
      limit,
    );

  beforeAll(() => {
    documents = openStore(CASES);
    scan = new LicenseStateQuery(documents);
    applications = new ApplicationList(documents);
    licenses = new LicenseList(documents);
  });

  it('walks every page of applications exactly once, in a stable order, for each sort', () => {
    const everyOne = scan.applications({ asOf: '2026-06-01', scope: everything });
    expect(everyOne).toHaveLength(CASES);
    expect(ids(apps({}))).toEqual(ids(everyOne));
    expect(ids(apps({}, 'id', true))).toEqual(ids(everyOne).reverse());
    for (const [sort, key] of [
      ['submittedOn', 'submittedOn'],
      ['reviewDeadline', 'reviewDeadline'],
    ] as const) {
      const expected = [...everyOne].sort(byIdAsc).sort((a, b) => (a[key] ?? '').localeCompare(b[key] ?? ''));
      expect(ids(apps({}, sort))).toEqual(ids(expected));
      expect(ids(apps({}, sort, true))).toEqual(ids(expected).reverse());
    }
  });

  it('walks every page of licenses for each sort', () => {
    const everyOne = scan.licenses({ asOf: '2026-06-01', scope: everything });
    expect(everyOne.length).toBeGreaterThan(50);
    expect(ids(lics({}))).toEqual(ids(everyOne));
    for (const [sort, key] of [
      ['issuedOn', 'issuedOn'],
      ['validUntil', 'validUntil'],
    ] as const) {
      const expected = [...everyOne].sort(byIdAsc).sort((a, b) => a[key].localeCompare(b[key]));
      expect(ids(lics({}, sort, false, 9))).toEqual(ids(expected));
      expect(ids(lics({}, sort, true, 9))).toEqual(ids(expected).reverse());
    }
  });

  it('filters applications by status on any date, as the documents say', () => {
    for (const asOf of ['2026-01-10', '2026-03-15', '2026-06-01', '2027-01-01']) {
      const views = scan.applications({ asOf, scope: everything });
      const statuses = new Set(views.map((v) => v.status));
      expect(statuses.size).toBeGreaterThan(4);
      for (const status of statuses) {
        expect(ids(apps({ asOf, status }))).toEqual(ids(views.filter((v) => v.status === status)));
      }
    }
  });

  it('filters licenses by status on any date: expiry and lapsed suspensions need no event', () => {
    for (const asOf of ['2026-01-10', '2026-03-01', '2026-06-01', '2026-09-01', '2027-06-01']) {
      const views = scan.licenses({ asOf, scope: everything });
      for (const status of ['not_yet_valid', 'active', 'suspended', 'exhausted', 'revoked', 'expired'] as const) {
        expect(ids(lics({ asOf, status }))).toEqual(ids(views.filter((v) => v.status === status)));
      }
    }
  });

  it('filters applications by each field', () => {
    const views = scan.applications({ asOf: '2026-06-01', scope: everything });
    const accepter = (id: string) =>
      views.find((v) => v.id === id)?.history.find((h) => h.type === 'ApplicationAccepted')?.actor;
    const cases: [Partial<ApplicationListFilter>, (v: (typeof views)[number]) => boolean][] = [
      [{ exporterId: 'exp-g3' }, (v) => v.exporterId === 'exp-g3'],
      [{ licenseType: 'individual' }, () => true],
      [{ licenseType: 'general' }, () => false],
      [{ reviewerId: 'reviewer-g1' }, (v) => v.reviewerId === 'reviewer-g1'],
      [{ officerId: 'officer-g2' }, (v) => accepter(v.id) === 'officer-g2' || v.decision?.approverId === 'officer-g2'],
      [{ controlCode: '1C903' }, (v) => v.items.some((i) => i.controlCode === '1C903')],
      [{ element: 'Terbium' }, (v) => v.items.some((i) => i.element === 'terbium')],
      [{ destination: 'JP' }, (v) => v.destination === 'JP'],
      [
        { submittedFrom: '2026-03-01', submittedTo: '2026-03-31' },
        (v) => v.submittedOn !== null && v.submittedOn >= '2026-03-01' && v.submittedOn <= '2026-03-31',
      ],
      [{ reviewDeadlineTo: '2026-04-30' }, (v) => v.reviewDeadline !== null && v.reviewDeadline <= '2026-04-30'],
      // Every word a prefix of a word in a name or reference: the end user's, or the consignee's (`Importer <n % 89>`).
      [{ text: 'customer 42' }, (v) => v.endUser.name === 'Customer 42 GmbH' || Number(v.id.slice(4)) % 89 === 42],
      [{ text: 'CT-gen-0000017' }, (v) => v.id === 'gen-0000017'],
      [
        { exporterId: 'exp-g2', controlCode: '1C902.a', status: 'approved' },
        (v) => v.exporterId === 'exp-g2' && v.items[0]?.controlCode === '1C902.a' && v.status === 'approved',
      ],
    ];
    for (const [filter, expected] of cases) {
      const want = views.filter(expected);
      expect({ filter, got: ids(apps(filter)) }).toEqual({ filter, got: ids(want) });
      if (filter.licenseType !== 'general') expect(want.length).toBeGreaterThan(0);
    }
  });

  it('filters licenses by each field', () => {
    const views = scan.licenses({ asOf: '2026-06-01', scope: everything });
    const cases: [Partial<LicenseListFilter>, (v: (typeof views)[number]) => boolean][] = [
      [{ exporterId: 'exp-g4' }, (v) => v.exporterId === 'exp-g4'],
      [{ controlCode: '1C904.b' }, (v) => v.items.some((i) => i.controlCode === '1C904.b')],
      [{ element: 'dysprosium' }, (v) => v.items.some((i) => i.element === 'dysprosium')],
      [{ destination: 'US' }, (v) => v.endUsers.some((p) => p.country === 'US')],
      [{ officerId: 'officer-g0' }, (v) => v.history.find((h) => h.type === 'LicenseIssued')?.actor === 'officer-g0'],
      [
        { validUntilFrom: '2026-08-01', validUntilTo: '2026-09-30' },
        (v) => v.validUntil >= '2026-08-01' && v.validUntil <= '2026-09-30',
      ],
      [{ issuedFrom: '2026-05-01' }, (v) => v.issuedOn >= '2026-05-01'],
      [{ text: 'lic-gen-0000005' }, (v) => v.id === 'lic-gen-0000005'],
    ];
    for (const [filter, expected] of cases) {
      const want = views.filter(expected);
      expect(want.length).toBeGreaterThan(0);
      expect({ filter, got: ids(lics(filter)) }).toEqual({ filter, got: ids(want) });
    }
  });

  it('pages a term filter in every sort and direction, as the full scan orders it', () => {
    const views = scan.applications({ asOf: '2026-06-01', scope: everything });
    const sorted = (key: 'id' | 'submittedOn' | 'reviewDeadline') =>
      views
        .filter((v) => v.items.some((i) => i.controlCode === '1C903'))
        .sort(byIdAsc)
        .sort((a, b) => (a[key] ?? '').localeCompare(b[key] ?? ''));
    for (const sort of ['id', 'submittedOn', 'reviewDeadline'] as const) {
      const want = ids(sorted(sort));
      expect(want.length).toBeGreaterThan(50);
      expect(ids(apps({ controlCode: '1C903' }, sort, false, 7))).toEqual(want);
      expect(ids(apps({ controlCode: '1C903' }, sort, true, 7))).toEqual([...want].reverse());
    }
    const licenseViews = scan.licenses({ asOf: '2026-06-01', scope: everything });
    const wanted = licenseViews
      .filter((v) => v.items.some((i) => i.element === 'dysprosium') && v.endUsers.some((p) => p.country === 'US'))
      .sort(byIdAsc)
      .sort((a, b) => a.validUntil.localeCompare(b.validUntil));
    expect(wanted.length).toBeGreaterThan(3);
    expect(ids(lics({ element: 'dysprosium', destination: 'US' }, 'validUntil', true, 3))).toEqual(
      ids(wanted).reverse(),
    );
  });

  it('combines terms: two exact ones, a word shared by few, a prefix several words share, a scope', () => {
    const views = scan.applications({ asOf: '2026-06-01', scope: everything });
    const n = (id: string) => Number(id.slice(4));
    // The generated names: end user `Customer <n % 97> GmbH`, consignee `Importer <n % 89>`.
    const named = (v: { id: string }, test: (word: string) => boolean) =>
      test(String(n(v.id) % 97)) || test(String(n(v.id) % 89));
    const cases: [Partial<ApplicationListFilter>, (v: (typeof views)[number]) => boolean][] = [
      [
        { controlCode: '1C903', element: 'terbium' },
        (v) => v.items.some((i) => i.controlCode === '1C903') && v.items.some((i) => i.element === 'terbium'),
      ],
      [{ text: 'gmbh 42' }, (v) => named(v, (word) => word === '42')],
      [{ text: 'cust 4' }, (v) => named(v, (word) => word.startsWith('4'))],
      [
        { scope: { kind: 'exporters', exporterIds: ['exp-g1', 'exp-g5'] }, element: 'samarium' },
        (v) => ['exp-g1', 'exp-g5'].includes(v.exporterId) && v.items.some((i) => i.element === 'samarium'),
      ],
      [{ text: 'nosuchword' }, () => false],
    ];
    for (const [filter, expected] of cases) {
      const want = views.filter(expected);
      if (filter.text !== 'nosuchword') expect(want.length).toBeGreaterThan(0);
      expect({ filter, got: ids(apps(filter, 'submittedOn', true, 11)) }).toEqual({
        filter,
        // Newest first: (submittedOn, id) descending.
        got: ids(
          [...want].sort(byIdAsc).sort((a, b) => (a.submittedOn ?? '').localeCompare(b.submittedOn ?? '')),
        ).reverse(),
      });
    }
  });

  it("keeps the reader's scope in the SQL: full pages of only their rows", () => {
    const mine: RowScope = { kind: 'exporters', exporterIds: ['exp-g1', 'exp-g5'] };
    const first = applications.page(
      { asOf: '2026-06-01', scope: mine },
      { sort: 'id', descending: false, limit: 10, after: null },
    );
    expect(first.items).toHaveLength(10);
    const all = apps({ scope: mine });
    expect(new Set(all.map((v) => v.exporterId))).toEqual(new Set(['exp-g1', 'exp-g5']));
    expect(all).toHaveLength(
      scan.applications({ asOf: '2026-06-01', scope: (o) => o.exporterId === 'exp-g1' || o.exporterId === 'exp-g5' })
        .length,
    );
    expect(apps({ scope: mine, exporterId: 'exp-g2' })).toEqual([]);
    expect(lics({ scope: mine }).every((v) => v.exporterId === 'exp-g1' || v.exporterId === 'exp-g5')).toBe(true);
    const reviewer: RowScope = { kind: 'reviewer', reviewerId: 'reviewer-g2' };
    const assigned = apps({ scope: reviewer }, 'id', false, 4);
    expect(assigned.length).toBeGreaterThan(4);
    expect(assigned.every((v) => v.reviewerId === 'reviewer-g2')).toBe(true);
    expect(apps({ scope: { kind: 'none' } })).toEqual([]);
    expect(apps({ scope: { kind: 'exporters', exporterIds: [] } })).toEqual([]);
  });

  it('pages stay exact while cases are appended between pages', () => {
    const growing = openStore(200);
    const list = new ApplicationList(growing);
    const existing = new LicenseStateQuery(growing).applications({ asOf: '2026-06-01', scope: everything });
    let batch = 0;
    const appended = () => {
      batch += 1;
      const events = toRecorded(generatedCases(5, { ...SHAPE, offset: 1000 * batch }));
      buildReadModel(growing, licenseStateProjection, events);
    };
    // Unfiltered (the rows drive) and by a term (the terms drive).
    for (const [filter, had] of [
      [{}, () => true],
      [{ controlCode: '1C903' }, (v: (typeof existing)[number]) => v.items[0]?.controlCode === '1C903'],
    ] as const) {
      const before = ids(existing.filter(had));
      for (const sort of ['id', 'submittedOn'] as const) {
        const walked = ids(
          walk(
            (p) => list.page({ asOf: '2026-06-01', scope: ALL, ...filter }, p as PageRequest<ApplicationSort>),
            sort,
            false,
            17,
            appended,
          ),
        );
        expect(new Set(walked).size).toBe(walked.length);
        expect(walked.filter((id) => before.includes(id)).sort()).toEqual([...before].sort());
      }
    }
  });

  it("reads an exporter's view from that exporter's documents only, however large the store", () => {
    const small = openStore(80, { exporters: 40, reviewers: 3 });
    const large = openStore(1_200, { exporters: 40, reviewers: 3 });
    const parsedFor = (store: DocumentStore) => {
      const query = new ExporterViewQuery(store);
      const before = store.documentsParsed;
      const view = query.get('exp-g7', '2026-06-01', everything);
      return {
        parsed: store.documentsParsed - before,
        cases: (view?.applications.length ?? 0) + (view?.licenses.length ?? 0),
      };
    };
    const fromSmall = parsedFor(small);
    const fromLarge = parsedFor(large);
    expect(fromSmall.parsed).toBe(fromSmall.cases);
    expect(fromLarge.parsed).toBe(fromLarge.cases);
    expect(fromLarge.cases).toBeGreaterThan(fromSmall.cases);
    expect(fromLarge.parsed).toBeLessThan(large.all(LICENSE_STATE).length / 20);
  });
});

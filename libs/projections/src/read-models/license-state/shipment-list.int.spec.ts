import Database from 'better-sqlite3';
import type { RowScope } from '@licensing/domain';
import { DocumentStore } from '../../document-store';
import { decodeCursor, type PageRequest } from '../../indexes/list-page';
import { buildReadModel, generatedCases, toRecorded } from '../testing/generated-cases';
import { twoLineLicense } from '../testing/two-line-license';
import { LICENSE_STATE, type LicenseDocument, type LicenseStateDocument } from './license-state-documents';
import { licenseStateProjection } from './license-state-projection';
import { ShipmentList, type ShipmentListFilter, type ShipmentSort, type ShipmentView } from './shipment-list';

const CASES = 300;
const ALL: RowScope = { kind: 'all' };
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe('the indexed shipment list', () => {
  let documents: DocumentStore;
  let list: ShipmentList;
  /** Every shipment, read from the license documents themselves: what the index must agree with. */
  let everyShipment: ShipmentView[];

  const walk = (filter: Partial<ShipmentListFilter>, sort: ShipmentSort = 'id', descending = false, limit = 7) => {
    const seen: ShipmentView[] = [];
    let after = null;
    for (;;) {
      const page: PageRequest<ShipmentSort> = { sort, descending, limit, after };
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
    buildReadModel(
      documents,
      licenseStateProjection,
      toRecorded([...generatedCases(CASES, { exporters: 5, reviewers: 3 }), ...twoLineLicense()]),
    );
    list = new ShipmentList(documents);
    everyShipment = documents
      .all<LicenseStateDocument>(LICENSE_STATE)
      .filter((doc): doc is LicenseDocument => doc.kind === 'license')
      .flatMap((doc) =>
        doc.shipments.map((s) => ({
          id: `${doc.id}/${s.shipmentId}`,
          licenseId: doc.id,
          exporterId: doc.state.license.exporterId,
          ...s,
        })),
      )
      .sort(byId);
  });

  afterAll(() => documents.db.close());

  it('walks every shipment exactly once, by id and by shipped date, both ways', () => {
    expect(everyShipment.length).toBeGreaterThan(30);
    expect(walk({})).toEqual(everyShipment);
    expect(ids(walk({}, 'id', true))).toEqual(ids(everyShipment).reverse());
    const byDate = walk({}, 'shippedOn', false, 11);
    expect(ids(byDate).sort()).toEqual(ids(everyShipment));
    const keys = byDate.map((s) => `${s.shippedOn} ${s.id}`);
    expect(keys).toEqual([...keys].sort());
    expect(ids(walk({}, 'shippedOn', true, 11))).toEqual(ids(byDate).reverse());
  });

  it('filters by exporter, license, shipped dates and any part of the customs reference', () => {
    const sample = everyShipment[Math.floor(everyShipment.length / 2)] as ShipmentView;
    const from = '2026-03-01';
    const to = '2026-06-30';
    const cases: [Partial<ShipmentListFilter>, (s: ShipmentView) => boolean][] = [
      [{ exporterId: sample.exporterId }, (s) => s.exporterId === sample.exporterId],
      [{ licenseId: sample.licenseId }, (s) => s.licenseId === sample.licenseId],
      [{ shippedFrom: from, shippedTo: to }, (s) => s.shippedOn >= from && s.shippedOn <= to],
      [
        { customsRef: sample.customsDeclarationRef.slice(2).toLowerCase() },
        (s) => s.customsDeclarationRef.toLowerCase().includes(sample.customsDeclarationRef.slice(2).toLowerCase()),
      ],
      [{ status: 'recorded', exporterId: sample.exporterId }, (s) => s.exporterId === sample.exporterId],
    ];
    for (const [filter, holds] of cases) {
      const expected = ids(everyShipment.filter(holds));
      expect(expected.length).toBeGreaterThan(0);
      expect(ids(walk(filter))).toEqual(expected);
    }
    expect(ids(walk({ status: 'cancelled' }))).toEqual(['lic-two-lines/cancelled-on-line-2']);
  });

  it('filters by the control codes and elements of the lines a shipment draws on, and the destinations', () => {
    const licenses = new Map(
      documents
        .all<LicenseStateDocument>(LICENSE_STATE)
        .filter((doc): doc is LicenseDocument => doc.kind === 'license')
        .map((doc) => [doc.id, doc]),
    );
    const drawnOn = (s: ShipmentView) => {
      const named = new Set([...s.recordedLines, ...s.lines].map((line) => line.lineId));
      return (licenses.get(s.licenseId)?.state.license.lines ?? [])
        .map((l) => l.item)
        .filter((item) => named.has(item.lineId));
    };
    const countries = (s: ShipmentView) =>
      (licenses.get(s.licenseId)?.state.license.endUsers ?? []).map((p) => p.country);
    const cases: [Partial<ShipmentListFilter>, (s: ShipmentView) => boolean][] = [
      [{ controlCode: '1C903' }, (s) => drawnOn(s).some((item) => item.controlCode === '1C903')],
      [{ element: 'Dysprosium' }, (s) => drawnOn(s).some((item) => item.element === 'dysprosium')],
      [{ destination: 'JP' }, (s) => countries(s).includes('JP')],
      [
        { controlCode: '1C902.a', destination: 'DE', element: 'samarium' },
        (s) =>
          drawnOn(s).some((item) => item.controlCode === '1C902.a' && item.element === 'samarium') &&
          countries(s).includes('DE'),
      ],
      [
        { destination: 'KR', shippedFrom: '2026-05-01', customsRef: 'cd-gen' },
        (s) => countries(s).includes('KR') && s.shippedOn >= '2026-05-01',
      ],
    ];
    for (const [filter, holds] of cases) {
      const expected = ids(everyShipment.filter(holds));
      expect({ filter, some: expected.length > 0, notAll: expected.length < everyShipment.length }).toEqual({
        filter,
        some: true,
        notAll: true,
      });
      expect(ids(walk(filter))).toEqual(expected);
      const newest = walk(filter, 'shippedOn', true, 4);
      expect(newest.map((s) => `${s.shippedOn} ${s.id}`)).toEqual(
        everyShipment
          .filter(holds)
          .map((s) => `${s.shippedOn} ${s.id}`)
          .sort()
          .reverse(),
      );
    }
    // The two-line license: each shipment has its own line's terms; the cancelled one keeps them.
    const onLine2 = ['lic-two-lines/cancelled-on-line-2', 'lic-two-lines/on-line-2'];
    expect(ids(walk({ element: 'HOLMIUM' }))).toEqual(onLine2);
    expect(ids(walk({ controlCode: '1C999', exporterId: 'exp-two' }))).toEqual(onLine2);
    expect(ids(walk({ controlCode: '1C999', element: 'samarium' }))).toEqual([]);
    expect(ids(walk({ licenseId: 'lic-two-lines', controlCode: '1C902.a' }))).toEqual(['lic-two-lines/on-line-1']);
    expect(ids(walk({ destination: 'BR' }))).toEqual([...onLine2.slice(0, 1), 'lic-two-lines/on-line-1', onLine2[1]]);
    expect(ids(walk({ destination: 'BR', status: 'cancelled' }))).toEqual([onLine2[0]]);
  });

  it('lists only the rows in the reader’s scope, in the SQL, so pages stay full', () => {
    const [first, second] = [...new Set(everyShipment.map((s) => s.exporterId))];
    const scope: RowScope = { kind: 'exporters', exporterIds: [first as string, second as string] };
    const theirs = everyShipment.filter((s) => s.exporterId === first || s.exporterId === second);
    expect(theirs.length).toBeLessThan(everyShipment.length);
    expect(walk({ scope })).toEqual(theirs);
    expect(walk({ scope, exporterId: 'someone-else' })).toEqual([]);
    expect(walk({ scope: { kind: 'exporters', exporterIds: [] } })).toEqual([]);
    expect(walk({ scope: { kind: 'none' } })).toEqual([]);
    // No license of these cases has an amendment under review: a reviewer sees no shipment.
    expect(walk({ scope: { kind: 'reviewer', reviewerId: 'reviewer-1' } })).toEqual([]);
  });

  it('answers a page from its index, not by scanning every shipment', () => {
    const plan = (filter: Partial<ShipmentListFilter>, sort: ShipmentSort) => {
      const { sql, params } = list.sql({ scope: ALL, ...filter }, { sort, descending: false, limit: 50, after: null });
      return documents.db
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params)
        .map((row) => row.detail)
        .join('\n');
    };
    expect(plan({}, 'shippedOn')).toMatch(/USING (COVERING )?INDEX license_state_shipments_v1_shipped_on_id/);
    expect(plan({}, 'shippedOn')).not.toMatch(/TEMP B-TREE/);
    expect(plan({ exporterId: 'x' }, 'shippedOn')).toMatch(
      /INDEX license_state_shipments_v1_exporter_id_shipped_on_id/,
    );
    expect(plan({ exporterId: 'x' }, 'shippedOn')).not.toMatch(/TEMP B-TREE/);
    // A term drives from its own index in page order; the others are probed on the shipment's term rows.
    const byTerms = plan({ controlCode: '1C903', destination: 'JP' }, 'shippedOn');
    expect(byTerms).toMatch(/INDEX license_state_shipment_terms_v1_field_value_shipped_on_id/);
    expect(byTerms).not.toMatch(/TEMP B-TREE|SCAN/);
  });
});

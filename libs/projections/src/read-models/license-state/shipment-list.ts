import type { LegalDate, RowScope } from '@licensing/domain';
import type { DocumentStore } from '../../document-store';
import { type Page, type PageRequest, toPage } from '../../indexes/list-page';
import { casePageSql, type CaseSql } from './case-list-query';
import { liveRows, type TermFilter, withDateRange, withScope } from './case-list-sql';
import type { LicenseDocument, ShipmentEntry } from './license-state-documents';
import { licenseStateIndex } from './license-state-index';
import { SHIPMENT_ROWS, SHIPMENT_TERMS, shipmentRowId } from './record-list-index';

/** Each sort's column in the shipment rows. */
export const SHIPMENT_SORTS = { id: 'id', shippedOn: 'shipped_on' } as const;
export type ShipmentSort = keyof typeof SHIPMENT_SORTS;

export interface ShipmentListFilter {
  readonly scope: RowScope;
  readonly exporterId?: string;
  readonly licenseId?: string;
  readonly status?: ShipmentEntry['status'];
  readonly shippedFrom?: LegalDate;
  readonly shippedTo?: LegalDate;
  /** Any part of the customs declaration reference, in any case. */
  readonly customsRef?: string;
  /** A control code of a license line the shipment draws on. */
  readonly controlCode?: string;
  /** An element of a license line the shipment draws on, in any case. */
  readonly element?: string;
  /** A country of the license's end users. */
  readonly destination?: string;
}

/** A shipment as recorded on its license, with the license and exporter it belongs to. */
export interface ShipmentView extends ShipmentEntry {
  /** `<licenseId>/<shipmentId>`: a shipment id is unique within its license only. */
  readonly id: string;
  readonly licenseId: string;
  readonly exporterId: string;
}

interface Row {
  id: string;
  sort_value: string;
  doc: string;
}

/** One license's, one exporter's or a reviewer's shipments are few: their own index walks, no term drives. */
const narrowed = (filter: ShipmentListFilter) =>
  filter.licenseId !== undefined || filter.exporterId !== undefined || filter.scope.kind !== 'all';

const exactTerms = (filter: ShipmentListFilter): TermFilter[] =>
  Object.entries({
    controlCode: filter.controlCode,
    element: filter.element?.toLowerCase(),
    destination: filter.destination,
  }).flatMap(([field, value]) => (value === undefined ? [] : [{ field, value, prefix: false }]));

/**
 * The rows index a page walks when no term drives: one license's or
 * exporter's shipments, or a reviewer's (few), else every shipment in page
 * order.
 */
function walkedIndex(filter: ShipmentListFilter, sortKey: string): string[] {
  const inOrder = sortKey === 'id' ? ['id'] : [sortKey, 'id'];
  if (filter.licenseId !== undefined) return ['license_id', 'id'];
  if (filter.scope.kind === 'exporters' || filter.exporterId !== undefined) return ['exporter_id', ...inOrder];
  if (filter.scope.kind === 'reviewer') return ['amendment_reviewer_id', 'id'];
  return inOrder;
}

/**
 * Pages of shipments across licenses, from the license-state index; each
 * row's license is read for its entry. A term (control code, element,
 * destination) drives the walk in page order unless the list is narrowed,
 * the case lists' plan (case-list-query.ts).
 */
export class ShipmentList {
  constructor(private readonly documents: DocumentStore) {
    documents.indexes.declare(licenseStateIndex);
  }

  /** The page's SQL, as `page` runs it (specs read its query plan). */
  sql(filter: ShipmentListFilter, page: PageRequest<ShipmentSort>): CaseSql {
    const where = liveRows();
    // Scoped like the licenses: a reviewer's are those of the license whose amendment they review.
    withScope(where, filter.scope, 'r.amendment_reviewer_id');
    if (filter.exporterId !== undefined) where.add('r.exporter_id = ?', filter.exporterId);
    if (filter.licenseId !== undefined) where.add('r.license_id = ?', filter.licenseId);
    if (filter.status !== undefined) where.add('r.status = ?', filter.status);
    if (filter.customsRef !== undefined) where.add('instr(r.customs_ref, ?) > 0', filter.customsRef.toLowerCase());
    withDateRange(where, 'r.shipped_on', filter.shippedFrom, filter.shippedTo);
    const sortKey = SHIPMENT_SORTS[page.sort];
    return casePageSql(
      this.documents.db,
      {
        tables: { rows: SHIPMENT_ROWS, terms: SHIPMENT_TERMS },
        where,
        terms: exactTerms(filter),
        sortKey,
        walk: walkedIndex(filter, sortKey),
        narrowed: narrowed(filter),
      },
      page,
    );
  }

  page(filter: ShipmentListFilter, page: PageRequest<ShipmentSort>): Page<ShipmentView> {
    const { sql, params } = this.sql(filter, page);
    const rows = this.documents.db.prepare<unknown[], Row>(sql).all(...params);
    return toPage(
      rows,
      page,
      (row) => row.sort_value,
      (row) => shipmentView(this.documents.parse<LicenseDocument>(row.doc), row.id),
    );
  }
}

function shipmentView(doc: LicenseDocument, rowId: string): ShipmentView {
  const shipment = doc.shipments.find((s) => shipmentRowId(doc.id, s.shipmentId) === rowId);
  // The row is written from this document in the same transaction: a missing entry is a corrupt read model.
  if (shipment === undefined) throw new Error(`Shipment row ${rowId} has no shipment in its license document`);
  return { id: rowId, licenseId: doc.id, exporterId: doc.state.license.exporterId, ...shipment };
}

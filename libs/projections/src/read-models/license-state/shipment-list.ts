import type { LegalDate, RowScope } from '@licensing/domain';
import type { DocumentStore } from '../../document-store';
import { indexName } from '../../indexes/index-tables';
import { keyset, type Page, type PageRequest, toPage } from '../../indexes/list-page';
import { liveRows, withDateRange, withScope } from './case-list-sql';
import type { LicenseDocument, ShipmentEntry } from './license-state-documents';
import { licenseStateIndex } from './license-state-index';
import { SHIPMENT_ROWS, shipmentRowId } from './record-list-index';

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

/**
 * The rows index a page walks: one license's or exporter's shipments, or a
 * reviewer's (few), else every shipment in page order.
 */
function walkedIndex(filter: ShipmentListFilter, sortKey: string): string[] {
  const inOrder = sortKey === 'id' ? ['id'] : [sortKey, 'id'];
  if (filter.licenseId !== undefined) return ['license_id', 'id'];
  if (filter.scope.kind === 'exporters' || filter.exporterId !== undefined) return ['exporter_id', ...inOrder];
  if (filter.scope.kind === 'reviewer') return ['amendment_reviewer_id', 'id'];
  return inOrder;
}

/** Pages of shipments across licenses, from the license-state index; each row's license is read for its entry. */
export class ShipmentList {
  constructor(private readonly documents: DocumentStore) {
    documents.indexes.declare(licenseStateIndex);
  }

  /** The page's SQL, as `page` runs it (specs read its query plan). */
  sql(filter: ShipmentListFilter, page: PageRequest<ShipmentSort>): { sql: string; params: unknown[] } {
    const where = liveRows();
    // Scoped like the licenses: a reviewer's are those of the license whose amendment they review.
    withScope(where, filter.scope, 'r.amendment_reviewer_id');
    if (filter.exporterId !== undefined) where.add('r.exporter_id = ?', filter.exporterId);
    if (filter.licenseId !== undefined) where.add('r.license_id = ?', filter.licenseId);
    if (filter.status !== undefined) where.add('r.status = ?', filter.status);
    if (filter.customsRef !== undefined) where.add('instr(r.customs_ref, ?) > 0', filter.customsRef.toLowerCase());
    withDateRange(where, 'r.shipped_on', filter.shippedFrom, filter.shippedTo);
    const sortKey = SHIPMENT_SORTS[page.sort];
    const { orderBy } = keyset(where, `r.${sortKey}`, 'r.id', page);
    const index = indexName(SHIPMENT_ROWS, walkedIndex(filter, sortKey));
    return {
      sql: `SELECT r.id AS id, r.${sortKey} AS sort_value, d.doc AS doc FROM ${SHIPMENT_ROWS} r INDEXED BY ${index}
        CROSS JOIN read_model_documents d ON d.projection = r.storage AND d.id = r.doc_id
        WHERE ${where.sql} ORDER BY ${orderBy} LIMIT ?`,
      params: [...where.params, page.limit + 1],
    };
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

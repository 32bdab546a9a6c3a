import type { IndexRow, IndexTable, IndexValue } from '../../indexes/read-model-index';
import type { ApplicationDocument, LicenseDocument, ShipmentEntry } from './license-state-documents';
import { decisionOf } from './license-state-views';

/*
 * The license-state index's rows for the records cases carry: shipments
 * (GET /shipments) and decisions (GET /decisions), written with their
 * case's own rows.
 */

/** One row per shipment of a license, cancelled and corrected ones too (with their status). */
export const SHIPMENT_ROWS = 'license_state_shipments_v1';
/**
 * Each shipment's terms, with its sort keys: the control codes and elements
 * of the license lines it draws on, and the license's destinations (its end
 * users' countries), so a term filter walks one index in page order.
 */
export const SHIPMENT_TERMS = 'license_state_shipment_terms_v1';
export const SHIPMENT_SORT_KEYS = ['id', 'shipped_on'] as const;
/** One row per decided application; its record's measures in DECISION_MEASURES, with the sort keys. */
export const DECISION_ROWS = 'license_state_decisions_v1';
export const DECISION_MEASURES = 'license_state_decision_measures_v1';

export function decisionRows(doc: ApplicationDocument): IndexRow[] {
  const decision = decisionOf(doc);
  if (decision === null) return [];
  const sortKeys = { id: doc.id, decided_on: decision.decidedOn };
  return [
    {
      table: DECISION_ROWS,
      values: {
        ...sortKeys,
        exporter_id: doc.state.application.exporterId,
        verdict: decision.outcome,
        reviewer_id: doc.reviewerId,
      },
    },
    // Every measure the record evaluated, applying or not (as GET /audit/decisions).
    ...[...new Set((decision.record?.measures ?? []).map((m) => m.measureId))].map((measureId) => ({
      table: DECISION_MEASURES,
      values: { measure_id: measureId, ...sortKeys },
    })),
  ];
}

/** A shipment's id is unique within its license only: the row's id is both, so keyset pages are exact. */
export const shipmentRowId = (licenseId: string, shipmentId: string) => `${licenseId}/${shipmentId}`;

export function shipmentRows(doc: LicenseDocument, license: Readonly<Record<string, IndexValue>>): IndexRow[] {
  return doc.shipments.flatMap((shipment) => {
    const sortKeys = { id: shipmentRowId(doc.id, shipment.shipmentId), shipped_on: shipment.shippedOn };
    return [
      {
        table: SHIPMENT_ROWS,
        values: {
          ...sortKeys,
          license_id: doc.id,
          exporter_id: license['exporter_id'] ?? null,
          // Lower case: the customs-reference filter matches any part of it, in any case.
          customs_ref: shipment.customsDeclarationRef.toLowerCase(),
          status: shipment.status,
          amendment_reviewer_id: license['amendment_reviewer_id'] ?? null,
        },
      },
      ...shipmentTerms(doc, shipment).map(([field, value]) => ({
        table: SHIPMENT_TERMS,
        values: { field, value, ...sortKeys },
      })),
    ];
  });
}

/**
 * The lines a shipment draws on are those it ever named (as recorded, as
 * each change left it): a cancelled shipment, whose lines are empty, is
 * still found by what it shipped.
 */
function shipmentTerms(doc: LicenseDocument, shipment: ShipmentEntry): [string, string][] {
  const named = new Set(
    [
      ...shipment.recordedLines,
      ...shipment.lines,
      ...shipment.changes.flatMap((change) => [...change.previousLines, ...change.lines]),
    ].map((line) => line.lineId),
  );
  const items = doc.state.license.lines.map((line) => line.item).filter((item) => named.has(item.lineId));
  const fields: Record<string, readonly (string | undefined)[]> = {
    controlCode: items.map((item) => item.controlCode),
    element: items.map((item) => item.element?.toLowerCase()),
    destination: doc.state.license.endUsers.map((party) => party.country),
  };
  return Object.entries(fields).flatMap(([field, values]) =>
    [...new Set(values.filter((value): value is string => value !== undefined))].map((value): [string, string] => [
      field,
      value,
    ]),
  );
}

export const RECORD_TABLES: readonly IndexTable[] = [
  {
    name: SHIPMENT_ROWS,
    columns: {
      id: 'TEXT',
      license_id: 'TEXT',
      exporter_id: 'TEXT',
      shipped_on: 'TEXT',
      customs_ref: 'TEXT',
      status: 'TEXT',
      amendment_reviewer_id: 'TEXT',
    },
    indexes: [
      ['id'],
      ['shipped_on', 'id'],
      ['exporter_id', 'id'],
      ['exporter_id', 'shipped_on', 'id'],
      ['license_id', 'id'],
      ['amendment_reviewer_id', 'id'],
    ],
  },
  {
    name: SHIPMENT_TERMS,
    columns: { field: 'TEXT', value: 'TEXT', id: 'TEXT', shipped_on: 'TEXT' },
    indexes: [
      ['field', 'value', 'id'],
      ['field', 'value', 'shipped_on', 'id'],
    ],
  },
  {
    name: DECISION_ROWS,
    columns: { id: 'TEXT', decided_on: 'TEXT', exporter_id: 'TEXT', verdict: 'TEXT', reviewer_id: 'TEXT' },
    indexes: [
      ['id'],
      ['decided_on', 'id'],
      ['exporter_id', 'id'],
      ['exporter_id', 'decided_on', 'id'],
      ['reviewer_id', 'id'],
    ],
  },
  {
    name: DECISION_MEASURES,
    columns: { measure_id: 'TEXT', id: 'TEXT', decided_on: 'TEXT' },
    indexes: [
      ['measure_id', 'id'],
      ['measure_id', 'decided_on', 'id'],
    ],
  },
];

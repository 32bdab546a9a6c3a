import { type IndexRow, type ProjectionIndex, searchWords } from '../../indexes/read-model-index';
import type { ExporterDocument, ExporterViewDocument } from './exporter-view-projection';

export const EXPORTER_CASES = 'exporter_view_cases_v1';
/** One row per registered exporter (GET /exporters): its sort keys and its general-license standing. */
export const EXPORTER_ROWS = 'exporter_view_exporters_v1';
/** The words of each exporter's name, id and credit code, carrying the sort keys like the case lists' terms. */
export const EXPORTER_TERMS = 'exporter_view_exporter_terms_v1';
export const EXPORTER_SORT_KEYS = ['id', 'name_key', 'registered_on'] as const;

/** Each sort key in page order, after the columns that narrow: what an index of the list needs. */
const inEachOrder = (narrowing: readonly string[]) =>
  EXPORTER_SORT_KEYS.map((key) => (key === 'id' ? [...narrowing, 'id'] : [...narrowing, key, 'id']));

function exporterRows(doc: ExporterDocument): IndexRow[] {
  const { exporter } = doc.state;
  // Lower case: names sort and compare regardless of case ("ACME" beside "Acme").
  const sortKeys = { id: doc.exporterId, name_key: exporter.name.toLowerCase(), registered_on: exporter.registeredOn };
  return [
    { table: EXPORTER_ROWS, values: { ...sortKeys, standing: doc.generalLicense.status } },
    ...searchWords(doc.exporterId, exporter.name, exporter.unifiedSocialCreditCode).map((word) => ({
      table: EXPORTER_TERMS,
      values: { field: 'word', value: word, ...sortKeys },
    })),
  ];
}

/**
 * Which exporter each case document belongs to (an exporter's view reads
 * its own cases, not the store), and the exporters' list.
 */
export const exporterViewIndex: ProjectionIndex<ExporterViewDocument> = {
  tables: [
    { name: EXPORTER_CASES, columns: { exporter_id: 'TEXT' }, indexes: [['exporter_id', 'doc_id']] },
    {
      name: EXPORTER_ROWS,
      columns: { id: 'TEXT', name_key: 'TEXT', registered_on: 'TEXT', standing: 'TEXT' },
      indexes: [...inEachOrder([]), ...inEachOrder(['standing'])],
    },
    {
      name: EXPORTER_TERMS,
      columns: { field: 'TEXT', value: 'TEXT', id: 'TEXT', name_key: 'TEXT', registered_on: 'TEXT' },
      indexes: inEachOrder(['field', 'value']),
    },
  ],
  rows(doc) {
    if (doc.kind === 'exporter') return exporterRows(doc);
    if (doc.kind === 'application')
      return [{ table: EXPORTER_CASES, values: { exporter_id: doc.state.application.exporterId } }];
    if (doc.kind === 'license')
      return [{ table: EXPORTER_CASES, values: { exporter_id: doc.state.license.exporterId } }];
    return [];
  },
};

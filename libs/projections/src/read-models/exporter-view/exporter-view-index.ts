import type { ProjectionIndex } from '../../indexes/read-model-index';
import type { ExporterViewDocument } from './exporter-view-projection';

export const EXPORTER_CASES = 'exporter_view_cases_v1';

/** Which exporter each case document belongs to: an exporter's view reads its own cases, not the store. */
export const exporterViewIndex: ProjectionIndex<ExporterViewDocument> = {
  tables: [{ name: EXPORTER_CASES, columns: { exporter_id: 'TEXT' }, indexes: [['exporter_id', 'doc_id']] }],
  rows(doc) {
    if (doc.kind === 'application')
      return [{ table: EXPORTER_CASES, values: { exporter_id: doc.state.application.exporterId } }];
    if (doc.kind === 'license')
      return [{ table: EXPORTER_CASES, values: { exporter_id: doc.state.license.exporterId } }];
    return [];
  },
};

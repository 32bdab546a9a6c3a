import type { ExporterRecord, LegalDate, RowScope } from '@licensing/domain';
import type { DocumentStore } from '../../document-store';
import { type Page, type PageRequest, SqlConditions, toPage } from '../../indexes/list-page';
import { searchWords } from '../../indexes/read-model-index';
import { casePageSql, type CaseSql } from '../license-state/case-list-query';
import { MAX_SEARCH_WORDS, withDateRange } from '../license-state/case-list-sql';
import { EXPORTER_VIEW, type ExporterDocument, type GeneralLicenseStanding } from './exporter-view-projection';
import { EXPORTER_ROWS, EXPORTER_TERMS, exporterViewIndex } from './exporter-view-index';

/** Each sort's column, in the exporter rows and in their words. */
export const EXPORTER_SORTS = { id: 'id', name: 'name_key', registeredOn: 'registered_on' } as const;
export type ExporterSort = keyof typeof EXPORTER_SORTS;

export interface ExporterListFilter {
  readonly scope: RowScope;
  readonly exporterId?: string;
  /** The general-license standing as recorded (qualified, disqualified, not_qualified). */
  readonly standing?: GeneralLicenseStanding['status'];
  readonly registeredFrom?: LegalDate;
  readonly registeredTo?: LegalDate;
  /** Name, id or credit code, by word prefix: `ningbo mag` finds "Ningbo Magnetics Co.". */
  readonly text?: string;
}

/** A registered exporter as recorded: its registration facts and standing, without its cases. */
export interface ExporterListItem {
  /** The exporter's id (also `exporterId`, as every list names whose item it is). */
  readonly id: string;
  readonly exporterId: string;
  readonly name: string;
  readonly unifiedSocialCreditCode: string;
  readonly registeredOn: LegalDate;
  readonly complianceProgramme: ExporterRecord['complianceProgramme'];
  readonly generalLicense: GeneralLicenseStanding;
  /** Revision of the exporter stream: GET /exporters/{id}'s ETag. */
  readonly revision: number;
}

interface Row {
  id: string;
  sort_value: string;
  doc: string;
}

/** Pages of registered exporters from the exporter view's index; an exporter's own row alone in its scope. */
export class ExporterList {
  constructor(private readonly documents: DocumentStore) {
    documents.indexes.declare(exporterViewIndex);
  }

  /** The page's SQL, as `page` runs it (specs read its query plan). */
  sql(filter: ExporterListFilter, page: PageRequest<ExporterSort>): CaseSql {
    const where = new SqlConditions().add('r.storage = ?', EXPORTER_VIEW);
    // Exporters have no reviewer: a reviewer's scope (or none) reaches no exporter.
    if (filter.scope.kind === 'exporters') where.oneOf('r.id', filter.scope.exporterIds);
    else if (filter.scope.kind !== 'all') where.add('0');
    if (filter.exporterId !== undefined) where.add('r.id = ?', filter.exporterId);
    if (filter.standing !== undefined) where.add('r.standing = ?', filter.standing);
    withDateRange(where, 'r.registered_on', filter.registeredFrom, filter.registeredTo);
    const sortKey = EXPORTER_SORTS[page.sort];
    const inOrder = sortKey === 'id' ? ['id'] : [sortKey, 'id'];
    // One exporter (its own scope, or asked for by id) is one row: no term needs to drive.
    const narrowed = filter.scope.kind === 'exporters' || filter.exporterId !== undefined;
    return casePageSql(
      this.documents.db,
      {
        tables: { rows: EXPORTER_ROWS, terms: EXPORTER_TERMS },
        storage: EXPORTER_VIEW,
        where,
        terms: searchWords(filter.text)
          .slice(0, MAX_SEARCH_WORDS)
          .map((value) => ({ field: 'word', value, prefix: true })),
        sortKey,
        walk: narrowed ? ['id'] : filter.standing !== undefined ? ['standing', ...inOrder] : inOrder,
        narrowed,
      },
      page,
    );
  }

  page(filter: ExporterListFilter, page: PageRequest<ExporterSort>): Page<ExporterListItem> {
    const { sql, params } = this.sql(filter, page);
    const rows = this.documents.db.prepare<unknown[], Row>(sql).all(...params);
    return toPage(
      rows,
      page,
      (row) => row.sort_value,
      (row) => exporterItem(this.documents.parse<ExporterDocument>(row.doc)),
    );
  }
}

function exporterItem(doc: ExporterDocument): ExporterListItem {
  const { exporter } = doc.state;
  return {
    id: doc.exporterId,
    exporterId: doc.exporterId,
    name: exporter.name,
    unifiedSocialCreditCode: exporter.unifiedSocialCreditCode,
    registeredOn: exporter.registeredOn,
    complianceProgramme: exporter.complianceProgramme,
    generalLicense: doc.generalLicense,
    revision: doc.revision,
  };
}

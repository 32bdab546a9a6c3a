import {
  exporterProfile,
  type ExporterProfile,
  type ExporterRecord,
  LegalDate,
  licenseStatusOn,
  type LicenseStatusOnDate,
  type LicenseType,
  type ScopePredicate,
} from '@licensing/domain';
import type { DocumentStore } from '../../document-store';
import { applicationStatusOn, type ApplicationStatusOnDate } from '../application-status';
import type { HistoryEntry } from '../parse-event';
import {
  EXPORTER_VIEW,
  type ExporterApplicationDocument,
  type ExporterLicenseDocument,
  type ExporterViewDocument,
  type GeneralLicenseStanding,
} from './exporter-view-projection';
import { EXPORTER_CASES, exporterViewIndex } from './exporter-view-index';

export interface ExporterView {
  readonly exporterId: string;
  readonly asOf: LegalDate;
  /** Registration facts, certification and penalties; null if the exporter never registered. */
  readonly profile: ExporterRecord | null;
  readonly generalLicense: GeneralLicenseStanding;
  /** The facts the rule evaluation would read on `asOf` (the domain's exporterProfile). */
  readonly profileOn: ExporterProfile | null;
  readonly applications: readonly {
    applicationId: string;
    licenseType: LicenseType;
    status: ApplicationStatusOnDate;
  }[];
  readonly licenses: readonly {
    licenseId: string;
    applicationId: string;
    licenseType: LicenseType;
    status: LicenseStatusOnDate;
    validUntil: LegalDate;
  }[];
  readonly history: readonly HistoryEntry[];
  /** Revision of the exporter stream; null if the exporter never registered. */
  readonly revision: number | null;
}

/** One exporter at a glance: its profile and where each of its cases stands on `asOf`. */
export class ExporterViewQuery {
  private readonly cases;

  constructor(private readonly documents: DocumentStore) {
    documents.indexes.declare(exporterViewIndex);
    this.cases = documents.db.prepare<[string, string], { doc: string }>(
      `SELECT d.doc FROM ${EXPORTER_CASES} r JOIN read_model_documents d ON d.projection = r.storage AND d.id = r.doc_id
       WHERE r.storage = ? AND r.exporter_id = ? ORDER BY r.doc_id`,
    );
  }

  /**
   * Null when nothing at all is known about the exporter, or when it is out
   * of the reader's data scope: to them it does not exist either. Every case
   * in the view is the exporter's own, so the exporter decides the scope.
   */
  get(exporterId: string, asOf: LegalDate, scope: ScopePredicate): ExporterView | null {
    if (!scope({ exporterId })) return null;
    const on = LegalDate.parse(asOf);
    const exporter = this.documents.get<ExporterViewDocument>(EXPORTER_VIEW, `exporter:${exporterId}`);
    const own = exporter?.kind === 'exporter' ? exporter : null;
    const docs = this.casesOf(exporterId);
    const applications = docs.filter(
      (d): d is ExporterApplicationDocument =>
        d.kind === 'application' && d.state.application.exporterId === exporterId,
    );
    const licenses = docs.filter(
      (d): d is ExporterLicenseDocument => d.kind === 'license' && d.state.license.exporterId === exporterId,
    );
    if (own === null && applications.length === 0 && licenses.length === 0) return null;
    return {
      exporterId,
      asOf: on,
      profile: own?.state.exporter ?? null,
      generalLicense: own?.generalLicense ?? { status: 'not_qualified' },
      profileOn: own === null ? null : exporterProfile(own.state, on),
      applications: applications.map((d) => ({
        applicationId: d.applicationId,
        licenseType: d.state.application.licenseType,
        status: applicationStatusOn(d.state, on),
      })),
      licenses: licenses.map((d) => ({
        licenseId: d.licenseId,
        applicationId: d.state.license.applicationId,
        licenseType: d.state.license.licenseType,
        status: licenseStatusOn(d.state, on),
        validUntil: d.state.license.validUntil,
      })),
      history: own?.history ?? [],
      revision: own?.revision ?? null,
    };
  }

  /** Only this exporter's application and license documents, through the index. */
  private casesOf(exporterId: string): ExporterViewDocument[] {
    return this.cases.all(EXPORTER_VIEW, exporterId).map((row) => this.documents.parse<ExporterViewDocument>(row.doc));
  }
}

import { assertNever } from '../shared/decider';
import { LegalDate } from '../shared/dates';
import { ExporterEvent, PenaltyKind } from './exporter-events';

export interface Penalty {
  readonly penaltyId: string;
  readonly kind: PenaltyKind;
  readonly imposedOn: LegalDate;
  readonly reason: string;
}

/** What is known about a registered exporter, whatever its qualification. */
export interface ExporterRecord {
  readonly exporterId: string;
  readonly name: string;
  readonly unifiedSocialCreditCode: string;
  readonly dualUseExportsSince: LegalDate;
  readonly licensedExportsLastThreeYears: number;
  readonly registeredOn: LegalDate;
  readonly complianceProgramme: { readonly certificateRef: string; readonly certifiedOn: LegalDate } | null;
  readonly penalties: readonly Penalty[];
}

/**
 * `registered` may export under individual licenses; `qualified` additionally
 * holds the ministry's qualification for general licenses.
 */
export type ExporterState =
  | { readonly status: 'unregistered' }
  | { readonly status: 'registered'; readonly exporter: ExporterRecord }
  | { readonly status: 'qualified'; readonly exporter: ExporterRecord; readonly qualifiedOn: LegalDate };

export type RegisteredExporterState = Exclude<ExporterState, { status: 'unregistered' }>;

export const initialExporterState: ExporterState = { status: 'unregistered' };

function withRecord(state: ExporterState, change: (exporter: ExporterRecord) => ExporterRecord): ExporterState {
  return state.status === 'unregistered' ? state : { ...state, exporter: change(state.exporter) };
}

export function evolveExporter(state: ExporterState, event: ExporterEvent): ExporterState {
  switch (event.type) {
    case 'ExporterRegistered': {
      const { country: _country, ...facts } = event.data;
      return { status: 'registered', exporter: { ...facts, complianceProgramme: null, penalties: [] } };
    }
    case 'ComplianceProgrammeCertified':
      return withRecord(state, (exporter) => ({
        ...exporter,
        complianceProgramme: { certificateRef: event.data.certificateRef, certifiedOn: event.data.certifiedOn },
      }));
    case 'QualifiedForGeneralLicenses':
      return state.status === 'unregistered'
        ? state
        : { status: 'qualified', exporter: state.exporter, qualifiedOn: event.data.qualifiedOn };
    case 'DisqualifiedFromGeneralLicenses':
      return state.status === 'unregistered' ? state : { status: 'registered', exporter: state.exporter };
    case 'ExporterPenalised': {
      const { penaltyId, kind, imposedOn, reason } = event.data;
      return withRecord(state, (exporter) => ({
        ...exporter,
        penalties: [...exporter.penalties, { penaltyId, kind, imposedOn, reason }],
      }));
    }
    default:
      return assertNever(event, 'exporter event');
  }
}

import {
  CertifyComplianceProgrammeData,
  DisqualifyFromGeneralLicensesData,
  PenaliseExporterData,
  QualifyForGeneralLicensesData,
  RegisterExporterData,
} from '@licensing/domain';
import { exporters } from '@licensing/workflow';
import { type CommandRoute, domainRoute } from './command-route';

const exporter = { resource: 'exporters', aggregate: exporters, idField: 'exporterId' } as const;
const officer = ['licensing_officer'] as const;

export const exporterRoutes: CommandRoute[] = [
  domainRoute({ ...exporter, action: null, commandType: 'RegisterExporter', data: RegisterExporterData, roles: ['exporter', 'licensing_officer'], summary: 'Register an exporter' }),
  domainRoute({ ...exporter, action: 'certify-compliance-programme', commandType: 'CertifyComplianceProgramme', data: CertifyComplianceProgrammeData, roles: officer, summary: "Certify the exporter's internal compliance programme" }),
  domainRoute({ ...exporter, action: 'qualify-for-general-licenses', commandType: 'QualifyForGeneralLicenses', data: QualifyForGeneralLicensesData, roles: officer, summary: 'Qualify the exporter for general licenses' }),
  domainRoute({ ...exporter, action: 'disqualify-from-general-licenses', commandType: 'DisqualifyFromGeneralLicenses', data: DisqualifyFromGeneralLicensesData, roles: officer, summary: 'Disqualify the exporter from general licenses' }),
  domainRoute({ ...exporter, action: 'penalise', commandType: 'PenaliseExporter', data: PenaliseExporterData, roles: officer, summary: 'Record an administrative or criminal penalty' }),
];

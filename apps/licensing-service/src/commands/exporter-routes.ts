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

export const exporterRoutes: CommandRoute[] = [
  domainRoute({
    ...exporter,
    action: null,
    commandType: 'RegisterExporter',
    data: RegisterExporterData,
    summary: 'Register an exporter',
  }),
  domainRoute({
    ...exporter,
    action: 'certify-compliance-programme',
    commandType: 'CertifyComplianceProgramme',
    data: CertifyComplianceProgrammeData,
    summary: "Certify the exporter's internal compliance programme",
  }),
  domainRoute({
    ...exporter,
    action: 'qualify-for-general-licenses',
    commandType: 'QualifyForGeneralLicenses',
    data: QualifyForGeneralLicensesData,
    summary: 'Qualify the exporter for general licenses',
  }),
  domainRoute({
    ...exporter,
    action: 'disqualify-from-general-licenses',
    commandType: 'DisqualifyFromGeneralLicenses',
    data: DisqualifyFromGeneralLicensesData,
    summary: 'Disqualify the exporter from general licenses',
  }),
  domainRoute({
    ...exporter,
    action: 'penalise',
    commandType: 'PenaliseExporter',
    data: PenaliseExporterData,
    summary: 'Record an administrative or criminal penalty',
  }),
];

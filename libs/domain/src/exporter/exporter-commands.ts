import { z } from 'zod';
import { LegalDate } from '../shared/dates';
import { Command } from '../shared/metadata';
import { PenaltyKind, UnifiedSocialCreditCode } from './exporter-events';

export const RegisterExporterData = z.object({
  exporterId: z.string().min(1),
  name: z.string().min(1),
  unifiedSocialCreditCode: UnifiedSocialCreditCode,
  country: z.literal('CN'),
  /** Either the date dual-use exports began or whole years of history. */
  dualUseExportHistory: z.union([z.object({ since: LegalDate }), z.object({ years: z.number().int().min(0) })]),
  licensedExportsLastThreeYears: z.number().int().min(0),
});
export type RegisterExporterData = z.infer<typeof RegisterExporterData>;
export type RegisterExporter = Command<'RegisterExporter', RegisterExporterData>;

export const CertifyComplianceProgrammeData = z.object({
  exporterId: z.string().min(1),
  certificateRef: z.string().min(1),
});
export type CertifyComplianceProgrammeData = z.infer<typeof CertifyComplianceProgrammeData>;
export type CertifyComplianceProgramme = Command<'CertifyComplianceProgramme', CertifyComplianceProgrammeData>;

export const QualifyForGeneralLicensesData = z.object({
  exporterId: z.string().min(1),
});
export type QualifyForGeneralLicensesData = z.infer<typeof QualifyForGeneralLicensesData>;
export type QualifyForGeneralLicenses = Command<'QualifyForGeneralLicenses', QualifyForGeneralLicensesData>;

export const DisqualifyFromGeneralLicensesData = z.object({
  exporterId: z.string().min(1),
  reason: z.string().min(1),
});
export type DisqualifyFromGeneralLicensesData = z.infer<typeof DisqualifyFromGeneralLicensesData>;
export type DisqualifyFromGeneralLicenses = Command<'DisqualifyFromGeneralLicenses', DisqualifyFromGeneralLicensesData>;

export const PenaliseExporterData = z.object({
  exporterId: z.string().min(1),
  penaltyId: z.string().min(1),
  kind: PenaltyKind,
  imposedOn: LegalDate,
  reason: z.string().min(1),
});
export type PenaliseExporterData = z.infer<typeof PenaliseExporterData>;
export type PenaliseExporter = Command<'PenaliseExporter', PenaliseExporterData>;

export type ExporterCommand =
  | RegisterExporter
  | CertifyComplianceProgramme
  | QualifyForGeneralLicenses
  | DisqualifyFromGeneralLicenses
  | PenaliseExporter;

/** Edge validation: the `data` schema for each command type. */
export const exporterCommandData = {
  RegisterExporter: RegisterExporterData,
  CertifyComplianceProgramme: CertifyComplianceProgrammeData,
  QualifyForGeneralLicenses: QualifyForGeneralLicensesData,
  DisqualifyFromGeneralLicenses: DisqualifyFromGeneralLicensesData,
  PenaliseExporter: PenaliseExporterData,
} as const satisfies Record<ExporterCommand['type'], z.ZodType>;

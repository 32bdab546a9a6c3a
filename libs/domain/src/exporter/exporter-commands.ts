import { z } from 'zod';
import { LegalDate } from '../shared/dates';
import { IdInput, NameInput, TextInput } from '../shared/input-fields';
import { Command } from '../shared/metadata';
import { PenaltyKind, UnifiedSocialCreditCode } from './exporter-events';

// Command inputs carry limits; the events keep permissive schemas (shared/input-fields.ts says why).
/** Longer than any company's dual-use export history. */
export const MAX_HISTORY_YEARS = 200;
/** A declared count of licensed exports in three years; far beyond any real exporter. */
export const MAX_DECLARED_EXPORTS = 1_000_000;

export const RegisterExporterData = z.object({
  exporterId: IdInput,
  name: NameInput,
  unifiedSocialCreditCode: UnifiedSocialCreditCode,
  country: z.literal('CN'),
  /**
   * Either the date dual-use exports began or whole years of history. Bounded:
   * a history is counted back from the registration date, and no calendar
   * goes back 676 million years (the fuzz suite found that one as a 500).
   */
  dualUseExportHistory: z.union([
    z.object({ since: LegalDate }),
    z.object({ years: z.number().int().min(0).max(MAX_HISTORY_YEARS) }),
  ]),
  licensedExportsLastThreeYears: z.number().int().min(0).max(MAX_DECLARED_EXPORTS),
});
export type RegisterExporterData = z.infer<typeof RegisterExporterData>;
export type RegisterExporter = Command<'RegisterExporter', RegisterExporterData>;

export const CertifyComplianceProgrammeData = z.object({
  exporterId: IdInput,
  certificateRef: NameInput,
});
export type CertifyComplianceProgrammeData = z.infer<typeof CertifyComplianceProgrammeData>;
export type CertifyComplianceProgramme = Command<'CertifyComplianceProgramme', CertifyComplianceProgrammeData>;

export const QualifyForGeneralLicensesData = z.object({
  exporterId: IdInput,
});
export type QualifyForGeneralLicensesData = z.infer<typeof QualifyForGeneralLicensesData>;
export type QualifyForGeneralLicenses = Command<'QualifyForGeneralLicenses', QualifyForGeneralLicensesData>;

export const DisqualifyFromGeneralLicensesData = z.object({
  exporterId: IdInput,
  reason: TextInput,
});
export type DisqualifyFromGeneralLicensesData = z.infer<typeof DisqualifyFromGeneralLicensesData>;
export type DisqualifyFromGeneralLicenses = Command<'DisqualifyFromGeneralLicenses', DisqualifyFromGeneralLicensesData>;

export const PenaliseExporterData = z.object({
  exporterId: IdInput,
  penaltyId: IdInput,
  kind: PenaltyKind,
  imposedOn: LegalDate,
  reason: TextInput,
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

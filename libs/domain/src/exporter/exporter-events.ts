import { z } from 'zod';
import { LegalDate } from '../shared/dates';

/** Exporters live in `exporter-<id>` so EventStoreDB's `$by_category` groups them. */
export function exporterStreamId(exporterId: string): string {
  return `exporter-${exporterId}`;
}

/** The 18-character unified social credit code every PRC legal entity holds. */
export const UnifiedSocialCreditCode = z
  .string()
  .regex(/^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/, 'an 18-character unified social credit code');

export const PenaltyKind = z.enum(['fine', 'confiscation', 'suspension', 'revocation', 'listing']);
export type PenaltyKind = z.infer<typeof PenaltyKind>;

export const ExporterRegistered = z.object({
  type: z.literal('ExporterRegistered'),
  schemaVersion: z.literal(1),
  data: z.object({
    exporterId: z.string().min(1),
    name: z.string().min(1),
    unifiedSocialCreditCode: UnifiedSocialCreditCode,
    country: z.literal('CN'),
    /**
     * Start of the exporter's dual-use export history. A declaration in years
     * is turned into a date at registration so the history keeps growing.
     */
    dualUseExportsSince: LegalDate,
    /** Licensed exports in the three years before registration, as declared. */
    licensedExportsLastThreeYears: z.number().int().min(0),
    registeredOn: LegalDate,
  }),
});
export type ExporterRegistered = z.infer<typeof ExporterRegistered>;

export const ComplianceProgrammeCertified = z.object({
  type: z.literal('ComplianceProgrammeCertified'),
  schemaVersion: z.literal(1),
  data: z.object({
    exporterId: z.string().min(1),
    certificateRef: z.string().min(1),
    certifiedOn: LegalDate,
  }),
});
export type ComplianceProgrammeCertified = z.infer<typeof ComplianceProgrammeCertified>;

export const QualifiedForGeneralLicenses = z.object({
  type: z.literal('QualifiedForGeneralLicenses'),
  schemaVersion: z.literal(1),
  data: z.object({
    exporterId: z.string().min(1),
    qualifiedOn: LegalDate,
  }),
});
export type QualifiedForGeneralLicenses = z.infer<typeof QualifiedForGeneralLicenses>;

export const DisqualifiedFromGeneralLicenses = z.object({
  type: z.literal('DisqualifiedFromGeneralLicenses'),
  schemaVersion: z.literal(1),
  data: z.object({
    exporterId: z.string().min(1),
    reason: z.string().min(1),
    disqualifiedOn: LegalDate,
  }),
});
export type DisqualifiedFromGeneralLicenses = z.infer<typeof DisqualifiedFromGeneralLicenses>;

export const ExporterPenalised = z.object({
  type: z.literal('ExporterPenalised'),
  schemaVersion: z.literal(1),
  data: z.object({
    exporterId: z.string().min(1),
    penaltyId: z.string().min(1),
    kind: PenaltyKind,
    /** When the authority imposed it; it may be recorded later. */
    imposedOn: LegalDate,
    reason: z.string().min(1),
    recordedOn: LegalDate,
  }),
});
export type ExporterPenalised = z.infer<typeof ExporterPenalised>;

export const ExporterEvent = z.discriminatedUnion('type', [
  ExporterRegistered,
  ComplianceProgrammeCertified,
  QualifiedForGeneralLicenses,
  DisqualifiedFromGeneralLicenses,
  ExporterPenalised,
]);
export type ExporterEvent = z.infer<typeof ExporterEvent>;

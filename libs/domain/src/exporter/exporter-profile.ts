import { addYears, LegalDate } from '../shared/dates';
import { DomainError } from '../shared/errors';
import { ExporterProfile } from '../rules/decision-record';
import { ExporterRecord, ExporterState } from './exporter-state';

/** The look-back the 2009 general-license conditions use for penalties. */
export const PENALTY_LOOKBACK_YEARS = 3;

/** Whole years completed between two dates (anniversaries, not 365-day blocks). */
export function completedYears(from: LegalDate, to: LegalDate): number {
  if (to < from) return 0;
  let years = 0;
  while (addYears(from, years + 1) <= to) years += 1;
  return years;
}

/**
 * Was a penalty imposed in the three years up to and including `asOf`?
 * Penalties imposed after `asOf` are ignored so a replay at an earlier date
 * sees what was true then.
 */
export function penalisedWithinThreeYears(exporter: ExporterRecord, asOf: LegalDate): boolean {
  const windowStart = addYears(asOf, -PENALTY_LOOKBACK_YEARS);
  return exporter.penalties.some((p) => p.imposedOn > windowStart && p.imposedOn <= asOf);
}

/** The exporter facts the rule evaluation reads, as they stood on `asOf`. */
export function exporterProfile(state: ExporterState, asOf: LegalDate): ExporterProfile {
  if (state.status === 'unregistered') {
    throw new DomainError(
      'exporter.not_registered',
      'There is no profile for an unregistered exporter. Register the exporter first.',
    );
  }
  const { exporter } = state;
  return {
    exporterId: exporter.exporterId,
    complianceProgrammeCertified:
      exporter.complianceProgramme !== null && exporter.complianceProgramme.certifiedOn <= asOf,
    dualUseExportYears: completedYears(exporter.dualUseExportsSince, asOf),
    licensedExportsLastThreeYears: exporter.licensedExportsLastThreeYears,
    penalisedWithinThreeYears: penalisedWithinThreeYears(exporter, asOf),
    qualifiedForGeneralLicense: state.status === 'qualified' && state.qualifiedOn <= asOf,
  };
}

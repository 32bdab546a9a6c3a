import { fold } from '../shared/decider';
import { exporterDecider } from './exporter-decider';
import { EXPORTER_ID, certified, penalised, qualified, registered } from './exporter.fixtures';
import { completedYears, exporterProfile } from './exporter-profile';
import { ExporterEvent } from './exporter-events';

const stateOf = (events: ExporterEvent[]) => fold(exporterDecider, events);

describe('exporterProfile', () => {
  it('gives the facts the general-license conditions read, as of a date', () => {
    expect(exporterProfile(stateOf([registered(), certified(), qualified()]), '2026-01-05')).toEqual({
      exporterId: EXPORTER_ID,
      complianceProgrammeCertified: true,
      dualUseExportYears: 5,
      licensedExportsLastThreeYears: 12,
      penalisedWithinThreeYears: false,
      qualifiedForGeneralLicense: true,
    });
  });

  it('counts a penalty imposed within three years of the date, not one older', () => {
    const state = stateOf([registered(), penalised('2023-03-01')]);
    expect(exporterProfile(state, '2026-02-28').penalisedWithinThreeYears).toBe(true);
    expect(exporterProfile(state, '2026-03-01').penalisedWithinThreeYears).toBe(false);
  });

  it('ignores what happened after the date so a replay sees what was true then', () => {
    const state = stateOf([registered(), certified('2025-07-01'), qualified('2025-08-01'), penalised('2025-12-01')]);
    expect(exporterProfile(state, '2025-06-30')).toMatchObject({
      complianceProgrammeCertified: false,
      penalisedWithinThreeYears: false,
      qualifiedForGeneralLicense: false,
    });
  });

  it('reports a disqualified exporter as not qualified', () => {
    const state = stateOf([
      registered(),
      certified(),
      qualified(),
      {
        type: 'DisqualifiedFromGeneralLicenses',
        schemaVersion: 1,
        data: { exporterId: EXPORTER_ID, reason: 'x', disqualifiedOn: '2025-09-01' },
      },
    ]);
    expect(exporterProfile(state, '2026-01-05').qualifiedForGeneralLicense).toBe(false);
  });

  it('refuses a profile for an unregistered exporter', () => {
    expect(() => exporterProfile(stateOf([]), '2026-01-05')).toThrow(/Register the exporter first/);
  });

  it('counts whole years by anniversary', () => {
    expect(completedYears('2024-02-29', '2025-02-28')).toBe(0);
    expect(completedYears('2020-03-01', '2026-03-01')).toBe(6);
    expect(completedYears('2026-03-01', '2020-03-01')).toBe(0);
  });
});

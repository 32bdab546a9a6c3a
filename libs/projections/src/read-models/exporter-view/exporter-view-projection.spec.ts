import { applyProjection } from '../testing/apply-projection';
import { toRecorded } from '../testing/decided-events';
import { licensingStory } from '../testing/licensing-story';
import { seededPolicy } from '../testing/policy-seed';
import {
  exporterViewProjection,
  type ExporterApplicationDocument,
  type ExporterDocument,
  type ExporterLicenseDocument,
} from './exporter-view-projection';

const docs = applyProjection(exporterViewProjection, toRecorded([...seededPolicy(), ...licensingStory().events]));

describe('exporter-view projection', () => {
  it('keeps the exporter, and each of its applications and licenses, as documents of their own', () => {
    expect([...docs.keys()].sort()).toEqual([
      'application:app-1',
      'application:app-2',
      'application:app-3',
      'exporter:exp-1',
      'license:lic-1',
    ]);
  });

  it('folds the exporter stream into registration facts, certification and standing', () => {
    const exporter = docs.get('exporter:exp-1') as ExporterDocument;
    expect(exporter.state.exporter).toMatchObject({
      exporterId: 'exp-1',
      name: 'Ningbo Magnetics Co., Ltd.',
      registeredOn: '2025-06-02',
      dualUseExportsSince: '2020-06-02',
      complianceProgramme: { certificateRef: 'ICP-2025-0042', certifiedOn: '2025-07-01' },
      penalties: [],
    });
    expect(exporter.generalLicense).toEqual({ status: 'not_qualified' });
    expect(exporter.revision).toBe(1);
  });

  it('carries the exporter id from the first event of each case to its later events', () => {
    const withdrawn = docs.get('application:app-3') as ExporterApplicationDocument;
    expect(withdrawn.state).toMatchObject({ status: 'withdrawn', application: { exporterId: 'exp-1' } });
    const license = docs.get('license:lic-1') as ExporterLicenseDocument;
    expect(license).toMatchObject({
      licenseId: 'lic-1',
      revision: 2,
      state: { status: 'suspended', license: { exporterId: 'exp-1' } },
    });
  });
});
